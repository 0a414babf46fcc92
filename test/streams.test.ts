import { describe, expect, it } from 'vitest';
import { KeyedStream, seedKey, streamKey } from '../src/engine/random/streams';

const KEY = streamKey('mode:db#0/crash');
const OTHER_KEY = streamKey('mode:db#1/crash');

/** The first `count` draws of a process in one trial: the one `start` returns, then `next`. */
function draws(seed: string, key: readonly [number, number], trial: number, count = 8): number[] {
  const stream = new KeyedStream(seedKey(seed));
  const values = [stream.start(key[0], key[1], trial)];
  for (let k = 1; k < count; k++) values.push(stream.next());
  return values;
}

interface Moments {
  mean: number;
  variance: number;
  lag1: number;
}

/** Sample mean, variance (about the known mean 1/2) and lag-1 correlation of a sequence. */
function moments(values: Float64Array): Moments {
  const n = values.length;
  let sum = 0;
  let squares = 0;
  let products = 0;
  for (let k = 0; k < n; k++) {
    const centred = values[k] - 0.5;
    sum += values[k];
    squares += centred * centred;
    if (k > 0) products += centred * (values[k - 1] - 0.5);
  }
  return { mean: sum / n, variance: squares / n, lag1: products / (n - 1) / (1 / 12) };
}

/** Draw number `index` (0 = the first) of KEY in each of `n` consecutive trials. */
function acrossTrials(seed: string, index: number, n: number): Float64Array {
  const stream = new KeyedStream(seedKey(seed));
  const values = new Float64Array(n);
  for (let trial = 0; trial < n; trial++) {
    let u = stream.start(KEY[0], KEY[1], trial);
    for (let k = 0; k < index; k++) u = stream.next();
    values[trial] = u;
  }
  return values;
}

describe('seedKey', () => {
  it('derives the same key from the same seed and different keys from different seeds', () => {
    expect(seedKey('workshop-1')).toEqual(seedKey('workshop-1'));
    expect(seedKey('workshop-1')).not.toEqual(seedKey('workshop-2'));
    expect(seedKey('workshop-1').every((word) => Number.isInteger(word) && word >= 0)).toBe(true);
  });
});

describe('KeyedStream', () => {
  it('gives the same draws for the same seed, key and trial', () => {
    expect(draws('s', KEY, 17)).toEqual(draws('s', KEY, 17));
  });

  it('gives the same draws when a stream is restarted after drawing for other processes', () => {
    const stream = new KeyedStream(seedKey('s'));
    stream.start(OTHER_KEY[0], OTHER_KEY[1], 17);
    stream.next();
    stream.next();
    const again = [stream.start(KEY[0], KEY[1], 17), stream.next(), stream.next()];

    expect(again).toEqual(draws('s', KEY, 17, 3));
  });

  it('gives different draws for a different trial, key or seed', () => {
    const base = draws('s', KEY, 17);

    for (const other of [
      draws('s', KEY, 18),
      draws('s', OTHER_KEY, 17),
      draws('t', KEY, 17),
      draws('s', KEY, 17 + 2 ** 32),
    ]) {
      expect(other[0]).not.toBe(base[0]);
      expect(other.slice(1)).not.toEqual(base.slice(1));
    }
  });

  it('draws only numbers strictly between 0 and 1', () => {
    const stream = new KeyedStream(seedKey('bounds'));
    let low = 1;
    let high = 0;
    for (let trial = 0; trial < 20_000; trial++) {
      const first = stream.start(KEY[0], KEY[1], trial);
      low = Math.min(low, first);
      high = Math.max(high, first);
      for (let k = 0; k < 4; k++) {
        const u = stream.next();
        low = Math.min(low, u);
        high = Math.max(high, u);
      }
    }

    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1);
  });

  it.each([
    ['first draw', 0],
    ['second draw', 1],
    ['fifth draw', 4],
  ])('has uniform mean, variance and no lag-1 correlation across trials (%s)', (_, index) => {
    const n = 100_000;
    const { mean, variance, lag1 } = moments(acrossTrials('uniformity', index, n));

    // U(0, 1): mean 1/2, variance 1/12; Var((U − 1/2)²) = 1/80 − 1/144 = 1/180.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
    expect(Math.abs(lag1)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('has uncorrelated first and second draws within a trial', () => {
    const n = 100_000;
    const first = acrossTrials('pairs', 0, n);
    const second = acrossTrials('pairs', 1, n);
    let products = 0;
    for (let k = 0; k < n; k++) products += (first[k] - 0.5) * (second[k] - 0.5);

    expect(Math.abs(products / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('has uncorrelated first draws for the replicas of one component', () => {
    const n = 100_000;
    const stream = new KeyedStream(seedKey('replicas'));
    let products = 0;
    for (let trial = 0; trial < n; trial++) {
      const a = stream.start(KEY[0], KEY[1], trial);
      const b = stream.start(OTHER_KEY[0], OTHER_KEY[1], trial);
      products += (a - 0.5) * (b - 0.5);
    }

    expect(Math.abs(products / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('has uniform first draws across process keys in one trial', () => {
    const n = 50_000;
    const stream = new KeyedStream(seedKey('keys'));
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const key = streamKey(`mode:service-${k}#0/crash`);
      values[k] = stream.start(key[0], key[1], 3);
    }
    const { mean, variance, lag1 } = moments(values);

    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
    expect(Math.abs(lag1)).toBeLessThan(4 / Math.sqrt(n));
  });
});
