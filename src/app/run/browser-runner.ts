import { wrap } from 'comlink';
import { type ChunkWorker, createRunner, type RemoteChunkWorker, type Runner } from '../../engine';

/**
 * A runner over a pool of Web Workers, one chunk worker in each. Disposing it terminates the
 * workers, which is also the quickest way to stop a cancelled run's chunks mid-flight.
 */
export function createBrowserRunner(size = navigator.hardwareConcurrency): Runner {
  const count = Math.max(1, Math.floor(size) || 1);
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(new URL('../../../workers/simulate.worker.ts', import.meta.url), {
        type: 'module',
      }),
  );

  return createRunner(workers.map(remoteChunkWorker), () => workers.forEach((w) => w.terminate()));
}

/**
 * Comlink only reports errors thrown inside exposed calls; a worker whose script fails to load
 * would leave its calls pending forever, so such failures reject them instead.
 */
function remoteChunkWorker(worker: Worker): RemoteChunkWorker {
  const remote = wrap<ChunkWorker>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new WorkerFailedError(event.message)), {
      once: true,
    });
  });
  failed.catch(() => {});

  return {
    load: (scenario, seed) => Promise.race([remote.load(scenario, seed), failed]),
    simulate: (start, count) => Promise.race([remote.simulate(start, count), failed]),
  };
}

/** A simulation worker that failed outside any call, for example while loading its script. */
export class WorkerFailedError extends Error {
  readonly code = 'worker-failed';

  constructor(detail: string | undefined) {
    super(`A simulation worker failed${detail ? `: ${detail}` : ''}.`);
    this.name = 'WorkerFailedError';
  }
}
