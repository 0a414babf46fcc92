/*
 * Unavailability u = 1 − attainment is binned on a log10 scale so that windows at 99.5 % and at
 * 99.999 % are resolved alike: 2304 bins per decade make each bin 0.1 % wide relative to u,
 * so percentiles read from the histogram are accurate to 0.1 % of the unavailability.
 * Windows with u = 0 (nothing lost) are counted apart.
 */

/** log10 of the lowest unavailability resolved; anything below falls in the first bin. */
export const LOG10_MIN = -12;
export const BINS_PER_DECADE = 2304;
export const BIN_COUNT = -LOG10_MIN * BINS_PER_DECADE;

/** The bin of a positive unavailability u. */
export function binOf(u: number): number {
  const bin = Math.floor((Math.log10(u) - LOG10_MIN) * BINS_PER_DECADE);
  return bin < 0 ? 0 : bin >= BIN_COUNT ? BIN_COUNT - 1 : bin;
}

/** The unavailability at fractional position `bin` (an integer is a bin's lower edge). */
export function binValue(bin: number): number {
  return Math.pow(10, LOG10_MIN + bin / BINS_PER_DECADE);
}

/** A histogram of unavailability holding only its non-empty bins, in increasing order. */
export interface SparseHistogram {
  /** Windows with no loss at all. */
  zero: number;
  bins: Int32Array;
  counts: Float64Array;
}

/**
 * The q-quantile of the unavailability (0 ≤ q ≤ 1), interpolating linearly between order
 * statistics; an order statistic inside a bin is placed by its rank within the bin.
 */
export function histogramQuantile(h: SparseHistogram, q: number, min: number, max: number): number {
  const n = h.zero + h.counts.reduce((a, b) => a + b, 0);
  if (n === 0) return Number.NaN;
  const rank = q * (n - 1);
  const low = Math.floor(rank);
  const lowValue = orderStatistic(h, low);
  const value =
    rank === low ? lowValue : lowValue + (rank - low) * (orderStatistic(h, low + 1) - lowValue);
  return Math.min(max, Math.max(min, value));
}

function orderStatistic(h: SparseHistogram, k: number): number {
  if (k < h.zero) return 0;
  let before = h.zero;
  for (let b = 0; b < h.bins.length; b++) {
    const count = h.counts[b];
    if (k < before + count) return binValue(h.bins[b] + (k - before + 0.5) / count);
    before += count;
  }
  return binValue(h.bins[h.bins.length - 1] + 1);
}
