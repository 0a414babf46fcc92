import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { KeyedStream, seedKey, streamKey } from '../src/engine/random/streams';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { TrialSimulator } from '../src/engine/simulate/trial';
import { budgetHistogram } from '../src/engine/summary/budget';
import { RunAccumulator } from '../src/engine/summary/run-accumulator';
import {
  BIN_COUNT,
  BINS_PER_DECADE,
  binOf,
  binValue,
  histogramQuantile,
  LOG10_MIN,
  type SparseHistogram,
} from '../src/engine/summary/histogram';
import {
  attainmentStatistics,
  budgetStatistics,
  type AttainmentStatistics,
} from '../src/engine/summary/result';
import { wilsonInterval } from '../src/engine/summary/statistics';
import { compileScenario } from './support/compile-scenario';
import {
  JourneyAccumulator,
  type ChunkSummary,
  type JourneySummary,
} from '../src/engine/summary/summary';

const QUANTILES = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

function mobileBanking(): Model {
  return compileScenario(JSON.parse(readFileSync('scenarios/mobile-banking.json', 'utf8')));
}

/** The q-quantile of ascending `sorted`, interpolating linearly between order statistics. */
function exactQuantile(sorted: number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  if (low === rank) return sorted[low];
  return sorted[low] + (rank - low) * (sorted[low + 1] - sorted[low]);
}

/** The summary of a journey whose trials had unavailabilities `values`. */
function summarise(values: number[], target = 0.999): JourneySummary {
  const accumulator = new JourneyAccumulator(target);
  values.forEach((u, trial) => accumulator.add(trial, u));
  return accumulator.take(new Float64Array(0));
}

/** Asserts the histogram's quantiles are within 0.1 % of the exact ones, and zero when they are. */
function expectQuantilesClose(values: number[]): void {
  const summary = summarise(values);
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QUANTILES) {
    const exact = exactQuantile(sorted, q);
    const estimate = histogramQuantile(summary.histogram, q, summary.min, summary.max);

    if (exact === 0) expect(estimate, `q = ${q}`).toBe(0);
    else expect(Math.abs(estimate - exact) / exact, `q = ${q}`).toBeLessThan(0.001);
  }
}

function expectSameJourney(merged: JourneySummary, whole: JourneySummary): void {
  expect(merged.count).toBe(whole.count);
  expect(merged.meet).toBe(whole.meet);
  expect(merged.min).toBe(whole.min);
  expect(merged.max).toBe(whole.max);
  expect(merged.worstTrial).toBe(whole.worstTrial);
  expect(merged.worstUnavailability).toBe(whole.worstUnavailability);
  expect(merged.histogram.zero).toBe(whole.histogram.zero);
  expect(Array.from(merged.histogram.bins)).toEqual(Array.from(whole.histogram.bins));
  expect(Array.from(merged.histogram.counts)).toEqual(Array.from(whole.histogram.counts));
  expect(Math.abs(merged.mean - whole.mean)).toBeLessThan(1e-12);
  expect(Math.abs(merged.m2 - whole.m2)).toBeLessThanOrEqual(1e-9 * whole.m2);
  merged.attribution.forEach((value, k) => {
    expect(Math.abs(value - whole.attribution[k])).toBeLessThanOrEqual(
      1e-12 * Math.max(1, whole.attribution[k]),
    );
  });
}

/** The summary of `chunks` added in order to a run accumulator. */
function addUp(model: Model, chunks: ChunkSummary[]): ChunkSummary {
  const totals = new RunAccumulator(model.journeys.length, model.credits.length);
  chunks.forEach((chunk) => totals.add(chunk));
  return totals.summary();
}

describe('RunAccumulator', () => {
  const model = mobileBanking();
  const whole = new ChunkSimulator(model, 'summary').simulate(0, 3000);
  const parts = new ChunkSimulator(model, 'summary');
  const chunks: ChunkSummary[] = [
    parts.simulate(0, 1000),
    parts.simulate(1000, 700),
    parts.simulate(1700, 0),
    parts.simulate(1700, 1300),
  ];

  it('merges consecutive chunks into the summary of one big chunk', () => {
    const merged = addUp(model, chunks);

    expect(merged.start).toBe(0);
    expect(merged.count).toBe(3000);
    expect(merged.journeys).toHaveLength(model.journeys.length);
    merged.journeys.forEach((journey, j) => expectSameJourney(journey, whole.journeys[j]));
  });

  it('merges windows with and without losses, spread over many bins', () => {
    const login = whole.journeys[0];

    expect(login.histogram.zero).toBeLessThan(3000);
    expect(login.histogram.bins.length).toBeGreaterThan(100);
    expect(login.attribution.some((value) => value > 0)).toBe(true);
  });

  it('throws a RangeError when chunks are merged out of order or with a gap', () => {
    expect(() => addUp(model, [chunks[1], chunks[0]])).toThrow(RangeError);
    expect(() => addUp(model, [chunks[0], chunks[3]])).toThrow(RangeError);
  });
});

describe('histogram', () => {
  it('puts every unavailability in a bin at most 0.1 % wide that contains it', () => {
    const stream = new KeyedStream(seedKey('bins'));
    stream.start(...streamKey('bins'), 0);
    let outside = 0;
    let wide = 0;
    for (let k = 0; k < 10_000; k++) {
      const u = Math.pow(10, -12 * stream.next());
      const bin = binOf(u);
      const low = binValue(bin);
      const high = binValue(bin + 1);
      if (low > u * (1 + 1e-12) || u >= high * (1 + 1e-12)) outside++;
      if (high / low - 1 >= 0.001) wide++;
    }

    expect(outside).toBe(0);
    expect(wide).toBe(0);
    expect(binOf(1)).toBe(BIN_COUNT - 1);
  });

  it('reads quantiles within 0.1 % of the exact sample quantiles, zeros exactly', () => {
    const stream = new KeyedStream(seedKey('quantiles'));
    stream.start(...streamKey('quantiles'), 0);
    const values: number[] = [];
    for (let k = 0; k < 5000; k++) {
      const u = stream.next();
      // A third lost nothing; the rest spread over eleven decades, with ties and full outages.
      if (u < 1 / 3) values.push(0);
      else if (u < 0.35) values.push(0.00123);
      else if (u < 0.36) values.push(1);
      else values.push(Math.pow(10, -11 * stream.next()));
    }

    expectQuantilesClose(values);
  });

  it('reads quantiles within 0.1 % of the exact ones for simulated windows', () => {
    const model = mobileBanking();
    const simulator = new TrialSimulator(model, seedKey('quantiles'));
    const byJourney = model.journeys.map(() => [] as number[]);
    for (let trial = 0; trial < 3000; trial++) {
      simulator.run(trial);
      byJourney.forEach((values, j) => values.push(simulator.unavailability[j]));
    }

    byJourney.forEach((values) => expectQuantilesClose(values));
  });

  it('gives NaN for an empty histogram', () => {
    const empty: SparseHistogram = {
      zero: 0,
      bins: new Int32Array(0),
      counts: new Float64Array(0),
    };

    expect(histogramQuantile(empty, 0.5, 0, 0)).toBeNaN();
  });
});

describe('attainmentStatistics', () => {
  it('reports the mean, the n − 1 standard deviation and percentiles of attainment', () => {
    const stream = new KeyedStream(seedKey('attainment'));
    stream.start(...streamKey('attainment'), 0);
    const values = Array.from({ length: 2000 }, () => {
      const u = stream.next();
      return u < 0.4 ? 0 : Math.pow(10, -2 - 4 * stream.next());
    });
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const sorted = [...values].sort((a, b) => a - b);

    const stats = attainmentStatistics(summarise(values));

    expect(stats.mean).toBeCloseTo(1 - mean, 14);
    expect(stats.sd / sd).toBeCloseTo(1, 10);
    expect(stats.min).toBe(1 - sorted[n - 1]);
    expect(stats.max).toBe(1 - sorted[0]);
    // pXX of attainment is the (1 − XX)-quantile of unavailability.
    for (const [p, q] of [
      [stats.p01, 0.99],
      [stats.p05, 0.95],
      [stats.p50, 0.5],
      [stats.p95, 0.05],
    ]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(1 - p - exact)).toBeLessThanOrEqual(0.001 * exact);
    }
  });
});

describe('budgetStatistics', () => {
  const attainment: AttainmentStatistics = {
    mean: 0.9992,
    sd: 0.0006,
    min: 0.99,
    p01: 0.996,
    p05: 0.998,
    p50: 0.9995,
    p95: 0.99998,
    max: 1,
  };

  it('is null when the target is 1', () => {
    expect(budgetStatistics(attainment, 1)).toBeNull();
  });

  it('gives the budget remaining 1 − (1 − attainment) / (1 − target)', () => {
    const budget = budgetStatistics(attainment, 0.999)!;

    expect(budget.mean).toBeCloseTo(1 - 0.0008 / 0.001, 9);
    expect(budget.p05).toBeCloseTo(1 - 0.002 / 0.001, 9);
    expect(budget.p50).toBeCloseTo(1 - 0.0005 / 0.001, 9);
  });
});

describe('wilsonInterval', () => {
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [71, 100, 0.61461, 0.78985],
  ])('gives %i successes of %i the Wilson interval [%s, %s]', (successes, trials, low, high) => {
    const [a, b] = wilsonInterval(successes, trials);

    expect(a).toBeCloseTo(low, 4);
    expect(b).toBeCloseTo(high, 4);
  });

  it('throws a RangeError without trials', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe('budgetHistogram', () => {
  const histogram = {
    log10Min: LOG10_MIN,
    binsPerDecade: BINS_PER_DECADE,
    zero: 5,
    bins: [binOf(0.0005), binOf(0.002)],
    counts: [3, 2],
  };

  it('counts windows by the error budget they left', () => {
    const result = budgetHistogram(histogram, 0.999, [-1.5, -0.5, 0.25, 0.75, 1]);

    // u = 0.0005 leaves half the budget; u = 0.002 overspends it twice (budget −1); u = 0 keeps it all.
    expect(result.counts).toEqual([2, 0, 3, 0]);
    expect(result.below).toBe(0);
    expect(result.above).toBe(5);
  });

  it('refuses a target of 1, which has no budget', () => {
    expect(() => budgetHistogram(histogram, 1, [0, 1])).toThrow(RangeError);
  });
});
