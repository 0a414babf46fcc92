import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { ChunkWorker } from '../engine/runner/chunk-worker';
import { createRunner, type RemoteChunkWorker, type Runner } from '../engine/runner/runner';

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
 * forever, so every call also races the thread's death.
 */
function remoteChunkWorker(thread: Worker): RemoteChunkWorker {
  const remote = wrap<ChunkWorker>(nodeEndpoint(thread));
  const died = new Promise<never>((_, reject) => {
    thread.once('error', (error) => {
      reject(new WorkerThreadError(`a worker thread failed: ${error.message}`, { cause: error }));
    });
    thread.once('exit', (code) => {
      reject(new WorkerThreadError(`a worker thread exited with code ${code}`));
    });
  });
  // Threads end on dispose too; that is only an error for a call still waiting.
  died.catch(() => {});

  return {
    load: (scenario, seed) => Promise.race([remote.load(scenario, seed), died]),
    simulate: (start, count) => Promise.race([remote.simulate(start, count), died]),
  };
}
