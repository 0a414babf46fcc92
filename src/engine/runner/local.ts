import { createChunkWorker } from './chunk-worker';
import { createRunner, type Runner } from './runner';

/**
 * A runner on the calling thread, for tests and small runs. Each chunk yields to the event
 * loop first, so progress callbacks and cancellation still get their turn.
 */
export function createLocalRunner(): Runner {
  const worker = createChunkWorker();
  return createRunner([
    {
      load: (scenario, seed) => worker.load(scenario, seed),
      simulate: async (start, count) => {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        return worker.simulate(start, count);
      },
    },
  ]);
}
