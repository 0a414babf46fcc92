import type { Model } from '../model/types';
import { seedKey } from '../random/streams';
import { JourneyAccumulator, type ChunkSummary } from '../summary/summary';
import { TrialSimulator } from './trial';

/**
 * Trials per chunk. Fixed, whatever the number of workers, so that a run splits into the same
 * chunks and merges the same floating-point sums in the same order everywhere.
 */
export const CHUNK_SIZE = 1000;

/** Simulates chunks of trials of one model and seed, reusing its buffers between chunks. */
export class ChunkSimulator {
  private readonly trials: TrialSimulator;
  private readonly accumulators: JourneyAccumulator[];

  constructor(
    private readonly model: Model,
    seed: string,
  ) {
    this.trials = new TrialSimulator(model, seedKey(seed));
    this.accumulators = model.journeys.map((j) => new JourneyAccumulator(j.target));
  }

  /** Simulates trials [start, start + count) and summarises them. */
  simulate(start: number, count: number): ChunkSummary {
    const { journeys, credits } = this.model;
    const accumulators = this.accumulators;
    this.trials.attribution.fill(0);

    for (let trial = start; trial < start + count; trial++) {
      this.trials.run(trial);
      for (let j = 0; j < journeys.length; j++) {
        accumulators[j].add(trial, this.trials.unavailability[j]);
      }
    }

    const perJourney = (j: number): Float64Array =>
      this.trials.attribution.slice(j * credits.length, (j + 1) * credits.length);
    return { start, count, journeys: accumulators.map((a, j) => a.take(perJourney(j))) };
  }
}
