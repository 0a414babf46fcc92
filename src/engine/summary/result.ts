import type { Model } from '../model/types';
import { BINS_PER_DECADE, LOG10_MIN, histogramQuantile } from './histogram';
import { wilsonInterval } from './statistics';
import type { ChunkSummary, JourneySummary } from './summary';

export interface AttainmentStatistics {
  mean: number;
  sd: number;
  min: number;
  p01: number;
  p05: number;
  p50: number;
  p95: number;
  max: number;
}

export interface BudgetStatistics {
  mean: number;
  p05: number;
  p50: number;
}

export interface Attribution {
  /** A component id, or an event's name. */
  component: string;
  share: number;
}

/** The unavailability histogram of a journey, for plotting. */
export interface HistogramData {
  log10Min: number;
  binsPerDecade: number;
  /** Windows that lost nothing. */
  zero: number;
  bins: number[];
  counts: number[];
}

export interface JourneyResult {
  id: string;
  name: string;
  target: number;
  attainment: AttainmentStatistics;
  pMeet: number;
  pMeetInterval: [number, number];
  /** Null when the target is 1 (no budget). */
  budgetRemaining: BudgetStatistics | null;
  /** The exact steady-state expectation of attainment, or null where the model has none. */
  analytic: number | null;
  attribution: Attribution[];
  histogram: HistogramData;
  worst: { trial: number; attainment: number };
}

export interface RunResult {
  scenario: string;
  seed: string;
  trials: number;
  window: string;
  journeys: JourneyResult[];
  elapsedMs: number;
  trialsPerSecond: number;
}

/** Statistics of a journey's attainment from its merged summary. */
export function attainmentStatistics(s: JourneySummary): AttainmentStatistics {
  const quantile = (q: number): number => 1 - histogramQuantile(s.histogram, q, s.min, s.max);
  return {
    mean: 1 - s.mean,
    sd: s.count > 1 ? Math.sqrt(s.m2 / (s.count - 1)) : 0,
    min: 1 - s.max,
    p01: quantile(0.99),
    p05: quantile(0.95),
    p50: quantile(0.5),
    p95: quantile(0.05),
    max: 1 - s.min,
  };
}

/** Error budget remaining, 1 − (1 − attainment) / (1 − target); null when the target is 1. */
export function budgetStatistics(
  attainment: AttainmentStatistics,
  target: number,
): BudgetStatistics | null {
  if (target >= 1) return null;
  const budget = 1 - target;
  const remaining = (a: number): number => 1 - (1 - a) / budget;
  return {
    mean: remaining(attainment.mean),
    p05: remaining(attainment.p05),
    p50: remaining(attainment.p50),
  };
}

/** Shares of the lost time per component or event, largest first, summing to 1. */
export function attributionShares(lost: Float64Array, credits: string[]): Attribution[] {
  const byName = new Map<string, number>();
  lost.forEach((value, k) => byName.set(credits[k], (byName.get(credits[k]) ?? 0) + value));
  const total = Array.from(byName.values()).reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  return Array.from(byName, ([component, value]) => ({ component, share: value / total }))
    .filter((a) => a.share > 0)
    .sort((a, b) => b.share - a.share || a.component.localeCompare(b.component));
}

function journeyResult(model: Model, j: number, s: JourneySummary): JourneyResult {
  const spec = model.journeys[j];
  const attainment = attainmentStatistics(s);
  return {
    id: spec.id,
    name: spec.name,
    target: spec.target,
    attainment,
    pMeet: s.meet / s.count,
    pMeetInterval: wilsonInterval(s.meet, s.count),
    budgetRemaining: budgetStatistics(attainment, spec.target),
    analytic: null,
    attribution: attributionShares(s.attribution, model.credits),
    histogram: {
      log10Min: LOG10_MIN,
      binsPerDecade: BINS_PER_DECADE,
      zero: s.histogram.zero,
      bins: Array.from(s.histogram.bins),
      counts: Array.from(s.histogram.counts),
    },
    worst: { trial: s.worstTrial, attainment: 1 - s.worstUnavailability },
  };
}

/** Turns the merged summary of a whole run into its result. */
export function runResult(
  model: Model,
  seed: string,
  summary: ChunkSummary,
  elapsedMs: number,
): RunResult {
  return {
    scenario: model.name,
    seed,
    trials: summary.count,
    window: model.windowLabel,
    journeys: summary.journeys.map((s, j) => journeyResult(model, j, s)),
    elapsedMs,
    trialsPerSecond: elapsedMs > 0 ? (summary.count * 1000) / elapsedMs : 0,
  };
}
