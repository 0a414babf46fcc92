import { beforeAll, describe, expect, it } from 'vitest';
import {
  BINS_PER_DECADE,
  binOf,
  LOG10_MIN,
  type HistogramData,
  type JourneyRun,
  type Run,
} from '../../src/engine';
import {
  attainmentBins,
  budgetBins,
  burnBars,
  eventSources,
  formatSpan,
  MIN_SHARE,
  ninesLabel,
  ninesOf,
  ninesTicks,
  timelineLanes,
} from '../../src/app/results/chart-data';
import { csvField, trialSummaryCsv } from '../../src/app/results/summary-csv';
import { mobileBankingRun, TRIALS } from './results-fixture';

/** A histogram with `count` windows at each unavailability u, binned and ordered as the engine
 * does. */
function histogramOf(zero: number, given: [u: number, count: number][]): HistogramData {
  const losses = [...given].sort(([a], [b]) => a - b);
  return {
    log10Min: LOG10_MIN,
    binsPerDecade: BINS_PER_DECADE,
    zero,
    bins: losses.map(([u]) => binOf(u)),
    counts: losses.map(([, count]) => count),
  };
}

/** How many windows share the engine's histogram bin with the target: the only ones a regrouping
 * can place on the wrong side of it. */
function windowsAtTarget(journey: JourneyRun): number {
  const h = journey.histogram;
  const k = h.bins.indexOf(binOf(1 - journey.target));
  return k < 0 ? 0 : h.counts[k];
}

/** Splits CSV text (RFC 4180, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field] = [[], ''];
      i++;
    } else field += c;
  }
  return rows;
}

describe('the nines axis', () => {
  it('puts 99 %, 99.9 % and 99.99 % one step apart', () => {
    expect(ninesOf(0.99)).toBeCloseTo(2, 12);
    expect(ninesOf(0.999)).toBeCloseTo(3, 12);
    expect(ninesOf(0.9999)).toBeCloseTo(4, 12);
    expect(ninesOf(1)).toBe(Infinity);
  });

  it('labels positions with the decimals they need', () => {
    expect([1, 2, 3, 4, 5].map((x) => ninesLabel(x))).toEqual([
      '90 %',
      '99 %',
      '99.9 %',
      '99.99 %',
      '99.999 %',
    ]);
    expect(ninesLabel(ninesOf(0.995))).toBe('99.5 %');
    expect(ninesLabel(ninesOf(0.9995))).toBe('99.95 %');
  });

  it('ticks every nine over a wide range', () => {
    expect(ninesTicks([1.4, 6.2]).map((t) => t.label)).toEqual([
      '99 %',
      '99.9 %',
      '99.99 %',
      '99.999 %',
      '99.9999 %',
    ]);
  });

  it('adds 95 % and 99.5 % ticks when the range spans two nines', () => {
    expect(ninesTicks([1, 3]).map((t) => t.label)).toEqual([
      '90 %',
      '95 %',
      '99 %',
      '99.5 %',
      '99.9 %',
    ]);
  });

  it('adds 99.8 % ticks too when the range spans about one nine', () => {
    expect(ninesTicks([2.1, 3.2]).map((t) => t.label)).toEqual(['99.5 %', '99.8 %', '99.9 %']);
  });
});

describe('attainment bins', () => {
  it('count each window once, on its side of the target', () => {
    const h = histogramOf(5, [
      [2e-3, 7],
      [2e-4, 11],
      [3e-2, 1],
    ]);

    const data = attainmentBins(h, 0.999);

    const missed = data.bins.filter((b) => !b.meets).reduce((sum, b) => sum + b.count, 0);
    const met = data.bins.filter((b) => b.meets).reduce((sum, b) => sum + b.count, 0);
    expect({ missed, met, zero: data.zero }).toEqual({ missed: 8, met: 11, zero: 5 });
    expect(data.targetX).toBeCloseTo(3, 12);
    expect(data.bins.some((b) => Math.abs(b.x0 - 3) < 1e-9)).toBe(true);
    expect(data.domain[0]).toBeLessThanOrEqual(ninesOf(1 - 3e-2));
    expect(data.domain[1]).toBeGreaterThanOrEqual(ninesOf(1 - 2e-4));
  });

  it('split the engine bin holding the target by the windows that met it', () => {
    // 1.0004e-3 shares the engine's bin with 1e-3, the loss a 99.9 % target allows.
    const h = histogramOf(2, [
      [0.9995e-3, 3],
      [1.0004e-3, 4],
      [5e-3, 1],
    ]);

    const data = attainmentBins(h, 0.999, { met: 2 + 3 + 1 });

    const met = data.bins.filter((b) => b.meets).reduce((sum, b) => sum + b.count, 0);
    const missed = data.bins.filter((b) => !b.meets).reduce((sum, b) => sum + b.count, 0);
    expect({ met, missed }).toEqual({ met: 3 + 1, missed: 3 + 1 });
  });

  it('keep a bar right of the target even when every window missed it by far', () => {
    const data = attainmentBins(histogramOf(0, [[0.2, 3]]), 0.9);

    expect(data.bins.some((b) => b.meets)).toBe(true);
    expect(data.bins.filter((b) => !b.meets).reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });

  it('keep a bar left of the target even when no window missed it', () => {
    const data = attainmentBins(histogramOf(0, [[1e-4, 4]]), 0.99);

    expect(data.domain[0]).toBeLessThan(2);
    expect(data.bins.filter((b) => b.meets).map((b) => b.count)).toContain(4);
  });

  it('stretch the axis to show the mean and the analytic value', () => {
    const data = attainmentBins(histogramOf(0, [[1e-3, 4]]), 0.99, { marks: [0.99999] });

    expect(data.domain[0]).toBeLessThanOrEqual(2);
    expect(data.domain[1]).toBeGreaterThanOrEqual(5);
  });
});

describe('chart data of the default scenario', () => {
  let run: Run;
  beforeAll(async () => {
    run = await mobileBankingRun();
  });

  it('regroups every window of every journey into the attainment bars', () => {
    for (const journey of run.journeys) {
      const met = Math.round(journey.pMeet * TRIALS);
      const data = attainmentBins(journey.histogram, journey.target, { met });
      const shown = data.zero + data.bins.filter((b) => b.meets).reduce((s, b) => s + b.count, 0);

      expect(data.zero + data.bins.reduce((sum, b) => sum + b.count, 0)).toBe(TRIALS);
      expect(shown).toBe(met);
      expect(data.bins.length).toBeLessThanOrEqual(60);
    }
  });

  it('counts the overspent windows of the budget chart as the windows that missed', () => {
    for (const journey of run.journeys) {
      const data = budgetBins(journey);
      const overspent =
        data.below + data.bins.filter((b) => b.x1 <= 1e-9).reduce((s, b) => s + b.count, 0);

      expect(data.below + data.noLoss + data.bins.reduce((s, b) => s + b.count, 0)).toBe(TRIALS);
      expect(data.noLoss).toBe(journey.histogram.zero);
      expect(data.domain[0]).toBeLessThanOrEqual(-0.5);
      expect(data.domain[0]).toBeGreaterThanOrEqual(-3);
      // Only windows in the engine's bin holding the target can land on the wrong side of 0 %.
      expect(Math.abs(overspent - Math.round((1 - journey.pMeet) * TRIALS))).toBeLessThanOrEqual(
        windowsAtTarget(journey),
      );
    }
  });

  it('tells shared events from components in the attribution', () => {
    const events = eventSources(run);

    expect(events.has('eu-west region outage')).toBe(true);
    expect(events.has('crashing app release')).toBe(true);
    expect(events.has('edge')).toBe(false);
    expect(events.has('core-db')).toBe(false);
    expect(eventSources(run, ['edge']).has('edge')).toBe(true);
  });

  it('ranks the burn bars and gathers the tail so that the shares still sum to 1', () => {
    const payments = run.journeys.find((j) => j.id === 'payments')!;

    const bars = burnBars(payments, eventSources(run), 6);

    expect(payments.attribution.length).toBeGreaterThan(6);
    expect(bars).toHaveLength(6);
    expect(bars.slice(0, 5).map((b) => b.name)).toEqual(
      payments.attribution.slice(0, 5).map((a) => a.component),
    );
    expect(bars[5]).toMatchObject({
      kind: 'others',
      name: `${payments.attribution.length - 5} others`,
    });
    expect(bars.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('lays the worst window out in days, a lane per source', () => {
    for (const journey of run.journeys) {
      const { days, lanes, error } = timelineLanes(journey);
      const sources = new Set(journey.timeline.outages.map((o) => o.source));

      expect(days).toBe(28);
      expect(lanes.map((l) => l.source).sort()).toEqual([...sources].sort());
      expect(lanes.flatMap((l) => l.outages)).toHaveLength(journey.timeline.outages.length);
      for (const o of lanes.flatMap((l) => l.outages)) {
        expect(0 <= o.start && o.start <= o.end && o.end <= days).toBe(true);
      }
      expect(error[0].day).toBe(0);
      expect(error[error.length - 1].day).toBe(days);
    }
  });

  it('writes the trial summary as a CSV with a header and the run’s values in each row', () => {
    const rows = parseCsv(trialSummaryCsv(run));
    const [header, ...body] = rows;
    const column = (name: string) => header.indexOf(name);

    expect(body).toHaveLength(4);
    expect(body.every((r) => r.length === header.length)).toBe(true);
    run.journeys.forEach((j, k) => {
      const row = body[k];
      expect(row[column('journey')]).toBe(j.id);
      expect(row[column('name')]).toBe(j.name);
      expect(row[column('scenario')]).toBe('Mobile banking platform');
      expect(Number(row[column('trials')])).toBe(TRIALS);
      expect(Number(row[column('target')])).toBe(j.target);
      expect(Number(row[column('attainment_mean')])).toBe(j.attainment.mean);
      expect(Number(row[column('attainment_p05')])).toBe(j.attainment.p05);
      expect(Number(row[column('p_meet')])).toBe(j.pMeet);
      expect(Number(row[column('p_meet_low')])).toBe(j.pMeetInterval[0]);
      expect(Number(row[column('p_meet_high')])).toBe(j.pMeetInterval[1]);
      expect(Number(row[column('budget_remaining_p50')])).toBe(j.budgetRemaining!.p50);
      expect(Number(row[column('budget_remaining_p05')])).toBe(j.budgetRemaining!.p05);
      expect(row[column('analytic')]).toBe('');
      expect(Number(row[column('worst_trial')])).toBe(j.worst.trial);
    });
  });
});

/** A journey that lost time to `sources`, with the shares given, largest first. */
function attributed(...sources: [name: string, share: number][]): JourneyRun {
  const attribution = sources.map(([component, share]) => ({ component, share }));
  return { attribution } as Partial<JourneyRun> as JourneyRun;
}

describe('burn bars', () => {
  it('fold the sources that burn almost nothing into one bar that names them', () => {
    const journey = attributed(
      ['eu-west region outage', 0.6],
      ['edge', 0.3994],
      ['session-cache', 0.0004],
      ['zone b outage', 0.0002],
    );

    const bars = burnBars(journey, new Set(['eu-west region outage', 'zone b outage']));

    expect(bars.map((b) => [b.name, b.kind])).toEqual([
      ['eu-west region outage', 'event'],
      ['edge', 'component'],
      ['2 others', 'others'],
    ]);
    expect(bars[2].members).toEqual(['session-cache', 'zone b outage']);
    expect(bars[2].share).toBeCloseTo(0.0006, 12);
  });

  it('keep a single small source under its own name', () => {
    const journey = attributed(['edge', 1 - MIN_SHARE / 2], ['session-cache', MIN_SHARE / 2]);

    expect(burnBars(journey, new Set()).map((b) => b.name)).toEqual(['edge', 'session-cache']);
  });

  it('keep every source that shows at one decimal when they fit', () => {
    const journey = attributed(['edge', 0.5], ['core-db', 0.4995], ['queue', MIN_SHARE]);

    expect(burnBars(journey, new Set(), 3).map((b) => b.name)).toEqual([
      'edge',
      'core-db',
      'queue',
    ]);
  });
});

describe('CSV fields', () => {
  it('quote commas, quotes and line breaks and leave plain text alone', () => {
    expect(csvField('Sign in')).toBe('Sign in');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-0.25)).toBe('-0.25');
  });

  it('keep a shared label from running as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('spans of time', () => {
  it('are written in the unit that reads best', () => {
    expect(formatSpan(0.0001 * 28 * 86_400)).toBe('4.0 min');
    expect(formatSpan(0.005 * 28 * 86_400)).toBe('3.4 h');
    expect(formatSpan(42)).toBe('42 s');
    expect(formatSpan(3 * 86_400)).toBe('3.0 d');
  });
});
