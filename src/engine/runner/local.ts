import { createChunkWorker } from './chunk-worker';
import { createRunner, type Runner } from './runner';

/** How long the local runner computes before it lets the event loop run. */
const SLICE_MS = 10;

/**
 * A runner on the calling thread, for tests and small runs. It yields to the event loop every
 * few milliseconds, so progress callbacks and cancellation still get their turn; yielding before
 * every chunk would cost the timer's minimum delay each time.
 */
export function createLocalRunner(): Runner {
  const worker = createChunkWorker();
  let lastYield = performance.now();
  return createRunner([
    {
      load: (scenario, seed) => worker.load(scenario, seed),
      simulate: async (start, count) => {
        if (performance.now() - lastYield >= SLICE_MS) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
        return worker.simulate(start, count);
      },
    },
  ]);
}
