import { BIN_COUNT } from './histogram';
import { mergeMoments, type ChunkSummary, type JourneyMoments } from './summary';

interface JourneyTotals {
  moments: JourneyMoments;
  zero: number;
  dense: Float64Array;
  attribution: Float64Array;
}

const NO_TRIALS: JourneyMoments = {
  count: 0,
  mean: 0,
  m2: 0,
  min: Infinity,
  max: -Infinity,
  meet: 0,
  worstTrial: -1,
  worstUnavailability: -1,
};

/**
 * Adds up the chunk summaries of a run, strictly in chunk order, into dense histograms. Merging
 * sparse summaries pairwise would allocate afresh for every chunk, which for millions of trials
 * is gigabytes of garbage; adding in place keeps a run's memory flat. Adding in chunk order
 * makes the floating-point sums the same whichever worker computed each chunk.
 */
export class RunAccumulator {
  private trials = 0;
  private readonly journeys: JourneyTotals[];

  constructor(journeys: number, credits: number) {
    this.journeys = Array.from({ length: journeys }, () => ({
      moments: NO_TRIALS,
      zero: 0,
      dense: new Float64Array(BIN_COUNT),
      attribution: new Float64Array(credits),
    }));
  }

  /** Adds the next chunk; it must start where the previous one ended. */
  add(chunk: ChunkSummary): void {
    if (chunk.start !== this.trials) {
      throw new RangeError(
        `RunAccumulator: chunk at ${chunk.start} does not follow ${this.trials}`,
      );
    }
    this.trials += chunk.count;
    chunk.journeys.forEach((summary, j) => {
      const totals = this.journeys[j];
      totals.moments = mergeMoments(totals.moments, summary);
      totals.zero += summary.histogram.zero;
      summary.histogram.bins.forEach(
        (bin, k) => (totals.dense[bin] += summary.histogram.counts[k]),
      );
      summary.attribution.forEach((value, k) => (totals.attribution[k] += value));
    });
  }

  /** The summary of every trial added so far. */
  summary(): ChunkSummary {
    return {
      start: 0,
      count: this.trials,
      journeys: this.journeys.map(({ moments, zero, dense, attribution }) => ({
        ...moments,
        histogram: { zero, ...sparse(dense) },
        attribution: attribution.slice(),
      })),
    };
  }
}

/** The bins of a dense histogram that hold something, with their counts, in bin order. */
function sparse(dense: Float64Array): { bins: Int32Array; counts: Float64Array } {
  let size = 0;
  for (let bin = 0; bin < dense.length; bin++) if (dense[bin] > 0) size++;

  const bins = new Int32Array(size);
  const counts = new Float64Array(size);
  let k = 0;
  for (let bin = 0; bin < dense.length; bin++) {
    if (dense[bin] === 0) continue;
    bins[k] = bin;
    counts[k++] = dense[bin];
  }
  return { bins, counts };
}
