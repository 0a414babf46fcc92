import { compileModel } from '../model/compile';
import type { ScenarioDoc } from '../scenario/schema';
import { ChunkSimulator } from '../simulate/chunk';
import type { ChunkSummary } from '../summary/summary';

/**
 * What a worker offers the runner: load a scenario and seed once, then simulate chunks of it.
 * Worker entry files expose one of these through comlink; the local runner calls it directly.
 */
export interface ChunkWorker {
  load(scenario: ScenarioDoc, seed: string): void;
  simulate(start: number, count: number): ChunkSummary;
}

/** A chunk worker over the pure engine, for any thread. */
export function createChunkWorker(): ChunkWorker {
  let simulator: ChunkSimulator | undefined;
  return {
    load(scenario, seed) {
      simulator = new ChunkSimulator(compileModel(scenario), seed);
    },
    simulate(start, count) {
      if (!simulator) throw new Error('nines: simulate() called before load()');
      return simulator.simulate(start, count);
    },
  };
}
