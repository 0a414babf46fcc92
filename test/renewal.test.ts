import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { KeyedStream, seedKey } from '../src/engine/random/streams';
import type { FailureModeDoc } from '../src/engine/scenario/schema';
import { parseDuration } from '../src/engine/scenario/units';
import { IntervalBuffer } from '../src/engine/simulate/intervals';
import { drawDownIntervals } from '../src/engine/simulate/renewal';
import { compileParts } from './support/compile-scenario';

const TRIALS = 20_000;
const WINDOW = '1d';
const MTBF = '10h';
const MTTR = '2h';

/** A one-component scenario whose only process is `mode`, compiled. */
function modelWith(mode: Partial<FailureModeDoc>): Model {
  return compileParts({
    name: 'renewal test',
    window: WINDOW,
    components: [{ id: 'svc', failures: [{ name: 'crash', mtbf: MTBF, mttr: MTTR, ...mode }] }],
  });
}

interface Observations {
  downAtStart: number[];
  downAtMiddle: number[];
  downFraction: number[];
  failures: number[];
  /** Intervals out of order, overlapping, outside [0, window] or of another process. */
  malformed: number;
}

/** Draws process 0 of `model` in trials 0 .. TRIALS − 1 and checks the shape of each trial. */
function observe(model: Model, seed: string): Observations {
  const { processes, window } = model;
  const stream = new KeyedStream(seedKey(seed));
  const buffer = new IntervalBuffer();
  const result: Observations = {
    downAtStart: [],
    downAtMiddle: [],
    downFraction: [],
    failures: [],
    malformed: 0,
  };

  for (let trial = 0; trial < TRIALS; trial++) {
    buffer.clear();
    const u = stream.start(processes.key0[0], processes.key1[0], trial);
    drawDownIntervals(processes, 0, window, u, stream.next, buffer);
    result.malformed += malformedIntervals(buffer, window);

    let down = 0;
    let failures = 0;
    let middle = 0;
    for (let n = 0; n < buffer.count; n++) {
      down += buffer.end[n] - buffer.start[n];
      if (buffer.start[n] > 0) failures++;
      if (buffer.start[n] <= window / 2 && window / 2 < buffer.end[n]) middle = 1;
    }
    result.downAtStart.push(buffer.count > 0 && buffer.start[0] === 0 ? 1 : 0);
    result.downAtMiddle.push(middle);
    result.downFraction.push(down / window);
    result.failures.push(failures);
  }
  return result;
}

function malformedIntervals(buffer: IntervalBuffer, window: number): number {
  let malformed = 0;
  for (let n = 0; n < buffer.count; n++) {
    const { start, end } = buffer;
    const inside = start[n] >= 0 && start[n] < window && end[n] > start[n] && end[n] <= window;
    const afterPrevious = n === 0 || start[n] > end[n - 1];
    if (!inside || !afterPrevious || buffer.process[n] !== 0) malformed++;
  }
  return malformed;
}

function meanAndError(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const m2 = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, se: Math.sqrt(m2 / (n - 1) / n) };
}

const PROCESSES: [string, Partial<FailureModeDoc>][] = [
  ['exponential up, exponential repair', {}],
  [
    'Weibull(0.7) up, lognormal repair',
    { uptime: { weibull: { shape: 0.7 } }, repair: { lognormal: { sigma: 1 } } },
  ],
  [
    'Weibull(2) up, lognormal repair',
    { uptime: { weibull: { shape: 2 } }, repair: { lognormal: { sigma: 1.2 } } },
  ],
  ['exponential up, fixed repair', { repair: 'fixed' }],
  ['Weibull(2) up, fixed repair', { uptime: { weibull: { shape: 2 } }, repair: 'fixed' }],
];

describe('drawDownIntervals', () => {
  // Stationary alternating renewal process: P(down at any t) = mttr / (mtbf + mttr) = 1 − A,
  // whatever the distributions, and failures arrive at rate 1 / (mtbf + mttr).
  const mtbf = parseDuration(MTBF);
  const mttr = parseDuration(MTTR);
  const unavailability = mttr / (mtbf + mttr);

  describe.each(PROCESSES)('for %s', (name, mode) => {
    let observed: Observations;
    beforeAll(() => {
      observed = observe(modelWith(mode), `renewal ${name}`);
    });

    it('draws sorted, disjoint intervals inside the window', () => {
      expect(observed.malformed).toBe(0);
    });

    it('is down at t = 0 with probability mttr / (mtbf + mttr)', () => {
      const { mean } = meanAndError(observed.downAtStart);
      const se = Math.sqrt((unavailability * (1 - unavailability)) / TRIALS);

      expect(Math.abs(mean - unavailability)).toBeLessThan(4 * se);
    });

    it('is down in the middle of the window with probability mttr / (mtbf + mttr)', () => {
      const { mean } = meanAndError(observed.downAtMiddle);
      const se = Math.sqrt((unavailability * (1 - unavailability)) / TRIALS);

      expect(Math.abs(mean - unavailability)).toBeLessThan(4 * se);
    });

    it('is down for a mean fraction mttr / (mtbf + mttr) of the window', () => {
      const { mean, se } = meanAndError(observed.downFraction);

      expect(Math.abs(mean - unavailability)).toBeLessThan(4 * se);
    });

    it('fails window / (mtbf + mttr) times per window on average', () => {
      const { mean, se } = meanAndError(observed.failures);
      const window = parseDuration(WINDOW);

      expect(Math.abs(mean - window / (mtbf + mttr))).toBeLessThan(4 * se);
    });
  });

  it('settles a process that stays up all window with its first draw', () => {
    const model = modelWith({ mtbf: '100y', mttr: '1m' });
    const { processes, window } = model;
    const buffer = new IntervalBuffer();
    const random = (): number => {
      throw new Error('no second draw expected');
    };

    // u below quiet = A e^(−window / mtbf): up at t = 0 with a residual life beyond the window.
    drawDownIntervals(processes, 0, window, processes.quiet[0] / 2, random, buffer);

    expect(buffer.count).toBe(0);
    expect(processes.quiet[0]).toBeCloseTo(
      processes.availability[0] * Math.exp(-window / processes.mtbf[0]),
      15,
    );
  });
});
