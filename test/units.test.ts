import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseRatio } from '../src/engine/scenario/units';

describe('parseDuration', () => {
  it('reads every unit, with y as 365 days', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('2.5h')).toBe(9000);
    expect(parseDuration('28d')).toBe(28 * 86_400);
    expect(parseDuration('1w')).toBe(604_800);
    expect(parseDuration('1y')).toBe(365 * 86_400);
  });

  it('reads zero and a fraction without a leading digit', () => {
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration('.5h')).toBe(1800);
  });

  it.each(['30', '30 m', '-1h', '1e3s', 'h', '', '30M', '1.h', '2d ', ' 2d', '1h30m'])(
    'throws a RangeError for %j',
    (text) => {
      expect(() => parseDuration(text)).toThrow(RangeError);
    },
  );

  it('names the expected form in its error', () => {
    expect(() => parseDuration('30 minutes')).toThrow('expected a duration such as "30m"');
  });
});

describe('parseRatio', () => {
  it('accepts numbers in [0, 1] as they are', () => {
    expect(parseRatio(0)).toBe(0);
    expect(parseRatio(0.9995)).toBe(0.9995);
    expect(parseRatio(1)).toBe(1);
  });

  it('reads "99.99%" as exactly 0.9999', () => {
    expect(parseRatio('99.99%')).toBe(0.9999);
    expect(99.99 / 100).not.toBe(0.9999);
  });

  it('reads percent strings of every size', () => {
    expect(parseRatio('100%')).toBe(1);
    expect(parseRatio('0%')).toBe(0);
    expect(parseRatio('5%')).toBe(0.05);
    expect(parseRatio('99.95%')).toBe(0.9995);
    expect(parseRatio('99.999%')).toBe(0.99999);
    expect(parseRatio('.5%')).toBe(0.005);
    expect(parseRatio('20 %')).toBe(0.2);
  });

  it('gives every percent string the double nearest to its decimal value', () => {
    const percent = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99_999 }))
      .filter(([whole, fraction]) => whole < 100 || fraction === 0)
      .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(5, '0')}`);

    fc.assert(
      fc.property(percent, (text) => {
        // Number() rounds the decimal literal "NNeE-2" correctly: an independent exact oracle.
        expect(parseRatio(`${text}%`)).toBe(Number(`${text}e-2`));
      }),
      { seed: 20_240_601, numRuns: 2000 },
    );
  });

  it.each([1.5, -0.1, Number.NaN, '101%', '99.9', 'abc', '%', '-5%', '1e2%', '50%%'])(
    'throws a RangeError for %j',
    (value) => {
      expect(() => parseRatio(value)).toThrow(RangeError);
    },
  );
});

describe('formatDuration', () => {
  it('uses the largest unit that divides the duration', () => {
    expect(formatDuration(30 * 86_400)).toBe('30d');
    expect(formatDuration(5400)).toBe('90m');
    expect(formatDuration(604_800)).toBe('1w');
    expect(formatDuration(90)).toBe('90s');
  });

  it('reads back to the same number of seconds', () => {
    for (const seconds of [1, 59, 3600, 86_400 * 365, 1.5, 12_345]) {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }
  });
});
