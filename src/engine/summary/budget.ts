import { bisectRight } from 'd3-array';
import type { HistogramData } from './result';

/** Windows counted by the error budget they left, over bins [edges[k], edges[k + 1]). */
export interface BudgetHistogram {
  edges: number[];
  counts: number[];
  /** Windows that left less than edges[0], or at least the last edge. */
  below: number;
  above: number;
}

/**
 * The distribution of error budget remaining, 1 − u / (1 − target), read from a journey's
 * unavailability histogram: budget is a linear function of u, so each unavailability bin lands
 * in one budget bin (by its geometric middle). Windows that lost nothing left the whole budget.
 * @throws RangeError when the target is 1 (there is no budget) or edges are not increasing.
 */
export function budgetHistogram(
  h: HistogramData,
  target: number,
  edges: number[],
): BudgetHistogram {
  if (!(target < 1)) throw new RangeError('budgetHistogram: a target of 1 has no error budget');
  if (edges.length < 2 || edges.some((e, k) => k > 0 && e <= edges[k - 1])) {
    throw new RangeError('budgetHistogram: edges must be at least two increasing numbers');
  }
  const result: BudgetHistogram = {
    edges,
    counts: edges.slice(1).map(() => 0),
    below: 0,
    above: 0,
  };
  const add = (budget: number, count: number): void => {
    if (budget < edges[0]) result.below += count;
    else if (budget >= edges[edges.length - 1]) result.above += count;
    else result.counts[bisectRight(edges, budget) - 1] += count;
  };

  add(1, h.zero);
  h.bins.forEach((bin, k) => {
    const u = Math.pow(10, h.log10Min + (bin + 0.5) / h.binsPerDecade);
    add(1 - u / (1 - target), h.counts[k]);
  });
  return result;
}
