import { range } from 'd3';
import {
  binOf,
  budgetHistogram,
  LOG10_MIN,
  SECONDS_PER_UNIT,
  type HistogramData,
  type JourneyRun,
  type Run,
} from '../../engine';
import { formatCount, formatPercent, formatRatio, formatTarget } from '../format';

/*
 * Pure data for the result charts: no DOM, no React, so every number a chart draws can be
 * tested on its own. Attainment is plotted on a "nines" axis, x = −log10(1 − attainment), where
 * 99 %, 99.9 % and 99.99 % are equally spaced and 99.5 % sits between the first two.
 */

/** The nines of an attainment: 0.999 → 3; Infinity for a window that lost nothing. */
export function ninesOf(attainment: number): number {
  return attainment >= 1 ? Infinity : -Math.log10(1 - attainment);
}

/** A tick of the nines axis: its position and its label as a percentage ("99.95 %"). */
interface Tick {
  x: number;
  label: string;
}

/**
 * The attainment at `nines` as a percentage with the decimals a tick needs (2.301 → "99.5 %"),
 * plus `extra` for positions between ticks.
 */
export function ninesLabel(nines: number, extra = 0): string {
  const decimals = Math.max(0, Math.ceil(nines - 2 - 1e-9)) + extra;
  return formatRatio(1 - Math.pow(10, -nines), decimals);
}

/** Mantissas of the unavailability u = m·10^−k that get a tick, densest last. */
const TICK_LEVELS = [[1], [1, 5], [1, 2, 5]];

/** Fewer ticks than this leave the axis hard to read: the next, denser level is used. */
const MIN_TICKS = 5;

/** Ticks of a nines axis at 90 %, 99 %, 99.9 %…, with 99.5 % and 99.8 % on a short range. */
export function ninesTicks([low, high]: [number, number]): Tick[] {
  let ticks: number[] = [];
  for (const mantissas of TICK_LEVELS) {
    ticks = range(Math.floor(low), Math.ceil(high) + 1)
      .flatMap((k) => mantissas.map((m) => k - Math.log10(m)))
      .filter((x) => x >= low - 1e-9 && x <= high + 1e-9)
      .sort((a, b) => a - b);
    if (ticks.length >= MIN_TICKS) break;
  }
  return ticks.map((x) => ({ x, label: ninesLabel(x) }));
}

/** A bar of the attainment histogram over [x0, x1) nines. */
export interface NinesBin {
  x0: number;
  x1: number;
  count: number;
  meets: boolean;
}

/** The attainment histogram regrouped for drawing; `zero` windows lost nothing. */
interface AttainmentBins {
  bins: NinesBin[];
  zero: number;
  domain: [number, number];
  /** Null when the target is 100 %: no window with a loss can meet it. */
  targetX: number | null;
  /** The last bar also holds the few windows that lost even less than the axis shows. */
  clipped: boolean;
}

/** Bar widths in nines, finest first; the finest that keeps the bars at most MAX_BARS is used. */
const NINES_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1];
const MAX_BARS = 60;

/**
 * The nines of the middle of each non-empty bin of an unavailability histogram, taken in log
 * space: a round trip through Math.pow and Math.log10 is one ulp off in some bins, which could
 * move a window across a bar's edge.
 */
function binNines(h: HistogramData): number[] {
  return h.bins.map((bin) => -(h.log10Min + (bin + 0.5) / h.binsPerDecade));
}

/**
 * Regroups a journey's unavailability histogram into bars of equal width in nines. The bars are
 * aligned on the target, so each bar either meets it or not; `marks` (the mean, the analytic
 * value) are kept inside the domain. The engine's bin holding the target is split by `met`, the
 * windows that met the target, so that the bars agree with P(meet).
 */
export function attainmentBins(
  h: HistogramData,
  target: number,
  { marks = [], met }: { marks?: number[]; met?: number } = {},
): AttainmentBins {
  const centres = binNines(h);
  const targetX = target >= 1 ? null : ninesOf(target);
  const [low, high] = ninesRange(h, centres, [...marks.map(ninesOf), targetX ?? NaN]);

  // One bar more than the range holds, for the alignment on the target.
  const step = NINES_STEPS.find((s) => (high - low) / s + 1 <= MAX_BARS) ?? 1;
  // At least one bar left of the target, for windows just short of it.
  const before = targetX === null ? 0 : Math.max(1, Math.ceil((targetX - low) / step - 1e-9));
  const start = targetX === null ? low : targetX - before * step;
  // At least one bar right of the target too, for the windows that met it.
  const count = Math.max(before + 1, Math.ceil((high - start) / step - 1e-9));
  const bins: NinesBin[] = range(count).map((k) => {
    const x0 = start + k * step;
    return { x0, x1: x0 + step, count: 0, meets: targetX !== null && x0 >= targetX - 1e-9 };
  });
  const add = (x: number, windows: number) => {
    bins[Math.min(count - 1, Math.max(0, Math.floor((x - start) / step)))].count += windows;
  };

  const split = targetX === null || met === undefined ? -1 : targetBin(target);
  centres.forEach((x, k) => {
    if (h.bins[k] !== split) add(x, h.counts[k]);
  });
  const k = h.bins.indexOf(split);
  if (k >= 0 && targetX !== null) {
    const elsewhere = bins.reduce((sum, b) => sum + (b.meets ? b.count : 0), h.zero);
    const meeting = Math.min(h.counts[k], Math.max(0, (met ?? 0) - elsewhere));
    add(targetX + step / 2, meeting);
    add(targetX - step / 2, h.counts[k] - meeting);
  }
  const clipped = centres.length > 0 && centres[0] > start + count * step;
  return { bins, zero: h.zero, domain: [start, start + count * step], targetX, clipped };
}

/** Whole nines around the worst window, the marks, and all but the TAIL of the windows. */
function ninesRange(h: HistogramData, centres: number[], marks: number[]): [number, number] {
  const shown = [...centres.slice(-1), tailStart(h, centres), ...marks].filter(Number.isFinite);
  if (shown.length === 0) return [2, 5];
  const low = Math.floor(Math.min(...shown));
  return [low, Math.max(Math.ceil(Math.max(...shown)), low + 1)];
}

/** Windows that lost least, which the last bar gathers rather than stretch the axis for them. */
const TAIL = 0.005;

/**
 * The nines beyond which the TAIL share of the windows with a loss lies. A second of partial
 * error in a month is 99.99999 %; a few such windows would otherwise double the axis.
 */
function tailStart(h: HistogramData, centres: number[]): number {
  const total = h.counts.reduce((sum, c) => sum + c, 0);
  let seen = 0;
  const k = h.counts.findIndex((count) => (seen += count) > TAIL * total);
  return k < 0 ? NaN : centres[k];
}

/**
 * The engine's histogram bin that holds the unavailability the target allows, or −1 when that
 * lies outside the bins' 12 decades (a target beyond 12 nines, or a ratio under about 2e−15):
 * `binOf` would clamp it into an end bin, and only a bin the target lies in is split.
 */
function targetBin(target: number): number {
  const decades = -LOG10_MIN - ninesOf(target);
  return decades >= 0 && decades < -LOG10_MIN ? binOf(1 - target) : -1;
}

/** A bar of the budget histogram over [x0, x1), budget remaining as a ratio (1 = untouched). */
export interface BudgetBin {
  x0: number;
  x1: number;
  count: number;
}

/** The budget-remaining histogram for drawing; windows beyond the domain are counted apart. */
interface BudgetBins {
  bins: BudgetBin[];
  /** Windows that overspent by more than the domain shows (budget remaining below its start). */
  below: number;
  /** Windows that lost nothing: their whole budget is left. */
  noLoss: number;
  domain: [number, number];
}

/** How far into overspending the budget axis reaches at most and at least, in budgets. */
const BUDGET_FLOOR = -3;
const BUDGET_CEILING = -0.5;

/**
 * Bins of error budget remaining from −50 % to −300 % (as far as the 5th percentile reaches)
 * up to 100 %, by `budgetHistogram`; the overspent region always shows.
 * @throws RangeError when the target is 100 % (there is no budget).
 */
export function budgetBins(journey: JourneyRun): BudgetBins {
  const p05 = journey.budgetRemaining?.p05 ?? 0;
  const low = Math.min(BUDGET_CEILING, Math.max(BUDGET_FLOOR, Math.floor(p05 * 2) / 2));
  const step = low >= -1 ? 0.05 : 0.1;
  const edges = range(Math.round(low / step), Math.round(1 / step) + 1).map((k) => k * step);

  const histogram = budgetHistogram(journey.histogram, journey.target, edges);
  const bins = histogram.counts.map((count, k) => ({ x0: edges[k], x1: edges[k + 1], count }));
  return { bins, below: histogram.below, noLoss: histogram.above, domain: [low, 1] };
}

/** A bar of the burn chart: a component, an event, or the rest taken together. */
export interface BurnBar {
  name: string;
  share: number;
  kind: 'component' | 'event' | 'others';
  /** The sources the "others" bar stands for. */
  members?: string[];
}

/** Shares below this read "0.0 %" with one decimal: such sources go into the "others" bar. */
export const MIN_SHARE = 0.0005;

/**
 * The attribution of a journey as ranked bars: the largest, at most `limit − 1` of them, and
 * the rest together, so that neither a long tail nor sources that burn almost nothing (less
 * than MIN_SHARE) crowd the chart. A single such source keeps its own bar.
 */
export function burnBars(journey: JourneyRun, events: ReadonlySet<string>, limit = 10): BurnBar[] {
  const ranked = journey.attribution.map(({ component, share }) => ({
    name: component,
    share,
    kind: events.has(component) ? ('event' as const) : ('component' as const),
  }));
  const large = ranked.filter((bar) => bar.share >= MIN_SHARE).length;
  const shown = Math.min(large, limit - 1);
  if (ranked.length - shown <= 1) return ranked;

  const rest = ranked.slice(shown);
  const share = rest.reduce((sum, bar) => sum + bar.share, 0);
  const members = rest.map((bar) => bar.name);
  return [
    ...ranked.slice(0, shown),
    { name: `${rest.length} others`, share, kind: 'others', members },
  ];
}

const COMPONENT_ID = /^[A-Za-z0-9_-]+$/;

/**
 * The names of shared events among the sources a run credits. A run names components by id and
 * events by name; the replayed timelines say which is which, and a name that cannot be an id
 * (it has a space) is an event. `eventNames` (from the scenario that ran) settles the rest.
 */
export function eventSources(run: Run, eventNames: readonly string[] = []): Set<string> {
  const events = new Set(eventNames);
  for (const journey of run.journeys) {
    journey.timeline.outages.forEach((o) => o.event && events.add(o.source));
    journey.attribution.forEach((a) => COMPONENT_ID.test(a.component) || events.add(a.component));
  }
  return events;
}

const SECONDS_PER_DAY = SECONDS_PER_UNIT.d;

/** A lane of the worst-window timeline: one source's outages, in days. */
export interface Lane {
  source: string;
  event: boolean;
  outages: { label: string; start: number; end: number; errorRate: number }[];
}

/** The worst window as lanes (one per source, in order of first outage) and an error step line. */
export function timelineLanes(journey: JourneyRun): {
  days: number;
  lanes: Lane[];
  error: { day: number; error: number }[];
} {
  const { window, outages, error } = journey.timeline;
  const days = window / SECONDS_PER_DAY;
  const lanes = new Map<string, Lane>();
  for (const o of outages) {
    const lane = lanes.get(o.source) ?? { source: o.source, event: o.event, outages: [] };
    lanes.set(o.source, lane);
    lane.outages.push({
      label: o.label,
      start: Math.max(0, o.start) / SECONDS_PER_DAY,
      end: Math.min(window, o.end) / SECONDS_PER_DAY,
      errorRate: o.errorRate,
    });
  }
  const steps = error.map((e) => ({ day: e.time / SECONDS_PER_DAY, error: e.error }));
  const last = steps[steps.length - 1];
  if (last) steps.push({ day: days, error: last.error });
  return { days, lanes: Array.from(lanes.values()), error: steps };
}

/** A length of time in a readable unit: 241.9 → "4.0 min", 12096 → "3.4 h". */
export function formatSpan(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < SECONDS_PER_DAY) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / SECONDS_PER_DAY).toFixed(1)} d`;
}

/**
 * A journey's error budget, 1 − target, as a share and as time in its window: "0.01 %" and
 * "4.0 min".
 */
export function errorBudget(journey: JourneyRun): { share: string; time: string } {
  const budget = 1 - journey.target;
  return { share: formatTarget(budget), time: formatSpan(budget * journey.timeline.window) };
}

/** A count of windows with its share of all of them: "12 windows (0.1 %)". */
export function windowCount(count: number, trials: number): string {
  return `${formatCount(count)} windows (${formatPercent(count / Math.max(1, trials), 1)})`;
}
