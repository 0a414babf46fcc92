import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { type ChunkWorker, createRunner, type RemoteChunkWorker, type Runner } from '../engine';

/** The file each thread starts: it registers tsx, then loads the TypeScript chunk worker. */
const BOOTSTRAP = new URL('../../workers/node-bootstrap.mjs', import.meta.url);

/** Why a run stopped when a worker thread died under it. */
export class WorkerThreadError extends Error {
  readonly code = 'worker-thread';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkerThreadError';
  }
}

/**
 * A runner over `workers` worker threads, each simulating chunks through comlink's Node
 * adapter. Disposing it terminates the threads, which lets the process exit.
 */
export function createNodeRunner(workers: number): Runner {
  if (!(Number.isInteger(workers) && workers >= 1)) {
    throw new RangeError(`createNodeRunner: workers must be a positive integer, got ${workers}`);
  }

  const threads = Array.from({ length: workers }, () => new Worker(BOOTSTRAP));
  const dispose = (): void => threads.forEach((thread) => void thread.terminate());
  return createRunner(threads.map(remoteChunkWorker), dispose);
}

/**
 * Wraps one thread. A thread that fails to start or dies would leave comlink's calls pending
 * forever, so the calls still waiting are rejected when it does. (Racing every call against one
 * never-settling "died" promise would be simpler, but each race leaves a reaction on it that
 * holds the call's result: over a run of millions of trials that keeps every chunk summary.)
 */
function remoteChunkWorker(thread: Worker): RemoteChunkWorker {
  const remote = wrap<ChunkWorker>(nodeEndpoint(thread));
  const waiting = new Set<(error: Error) => void>();
  let death: Error | undefined;
  const die = (error: Error): void => {
    death ??= error;
    waiting.forEach((reject) => reject(error));
    waiting.clear();
  };
  thread.once('error', (error) => {
    die(new WorkerThreadError(`a worker thread failed: ${error.message}`, { cause: error }));
  });
  thread.once('exit', (code) =>
    die(new WorkerThreadError(`a worker thread exited with code ${code}`)),
  );

  const call = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (death) return reject(death);
      waiting.add(reject);
      work()
        .then(resolve, reject)
        .finally(() => waiting.delete(reject));
    });
  return {
    load: (scenario, seed) => call(() => remote.load(scenario, seed)),
    simulate: (start, count) => call(() => remote.simulate(start, count)),
  };
}
