import { BIN_COUNT, binOf, type SparseHistogram } from './histogram';

/**
 * What a chunk of trials tells about one journey, in a form that merges exactly: counts, the
 * mean and sum of squared deviations of the unavailability (Chan's pairwise update), extremes,
 * a sparse histogram, lost time per credit, and the worst trial. Merging summaries in chunk
 * order gives the same bytes whichever worker computed each chunk.
 */
export interface JourneySummary {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  /** Trials whose attainment met the target. */
  meet: number;
  histogram: SparseHistogram;
  /** Lost window fraction summed over trials, per credit (component or event). */
  attribution: Float64Array;
  worstTrial: number;
  worstUnavailability: number;
}

/** The summary of trials [start, start + count) of a run. */
export interface ChunkSummary {
  start: number;
  count: number;
  journeys: JourneySummary[];
}

/** Collects one journey's trials within a chunk; reusable across chunks after `reset`. */
export class JourneyAccumulator {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private meet = 0;
  private zero = 0;
  private worstTrial = -1;
  private worstUnavailability = -1;
  private readonly dense = new Float64Array(BIN_COUNT);
  /** Bins that received a trial, so a summary need not scan all of `dense`. */
  private touched = new Int32Array(1024);
  private touchedSize = 0;

  constructor(private readonly target: number) {}

  /** Adds trial `trial` whose unavailability (1 − attainment) was u. */
  add(trial: number, u: number): void {
    this.count++;
    const delta = u - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (u - this.mean);
    if (u < this.min) this.min = u;
    if (u > this.max) this.max = u;
    if (1 - u >= this.target) this.meet++;
    if (u > 0) this.addToBin(binOf(u));
    else this.zero++;
    if (u > this.worstUnavailability) {
      this.worstUnavailability = u;
      this.worstTrial = trial;
    }
  }

  private addToBin(bin: number): void {
    if (this.dense[bin]++ > 0) return;
    if (this.touchedSize === this.touched.length) {
      const grown = new Int32Array(2 * this.touched.length);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedSize++] = bin;
  }

  /**
   * The summary of the trials added since the last one, with `attribution` as this journey's
   * lost time per credit; the accumulator starts afresh.
   */
  take(attribution: Float64Array): JourneySummary {
    const bins = this.touched.slice(0, this.touchedSize).sort();
    const counts = new Float64Array(bins.length);
    for (let k = 0; k < bins.length; k++) {
      counts[k] = this.dense[bins[k]];
      this.dense[bins[k]] = 0;
    }
    const summary: JourneySummary = {
      count: this.count,
      mean: this.mean,
      m2: this.m2,
      min: this.min,
      max: this.max,
      meet: this.meet,
      histogram: { zero: this.zero, bins, counts },
      attribution,
      worstTrial: this.worstTrial,
      worstUnavailability: this.worstUnavailability,
    };
    this.clear();
    return summary;
  }

  private clear(): void {
    this.count = this.mean = this.m2 = this.meet = this.zero = this.touchedSize = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.worstTrial = this.worstUnavailability = -1;
  }
}

/** The parts of a journey summary that merge as numbers. */
export type JourneyMoments = Omit<JourneySummary, 'histogram' | 'attribution'>;

/** Merges the moments of two summaries of one journey; `a` holds the earlier trials. */
export function mergeMoments(a: JourneyMoments, b: JourneyMoments): JourneyMoments {
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  const laterIsWorse = b.worstUnavailability > a.worstUnavailability;
  return {
    count,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    meet: a.meet + b.meet,
    worstTrial: laterIsWorse ? b.worstTrial : a.worstTrial,
    worstUnavailability: laterIsWorse ? b.worstUnavailability : a.worstUnavailability,
  };
}
