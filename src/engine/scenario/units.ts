/** Seconds in each duration unit of the scenario format (`y` is 365 days). */
export const SECONDS_PER_UNIT = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
} as const;

export type DurationUnit = keyof typeof SECONDS_PER_UNIT;

/** A duration string: a non-negative decimal number and a unit, such as "90s" or "2.5h". */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)(s|m|h|d|w|y)$/;

/** A percent string such as "99.95%". */
export const PERCENT_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s?%$/;

/**
 * Parses a duration string such as "28d" into seconds.
 * @throws RangeError when the string is not a duration.
 */
export function parseDuration(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match)
    throw new RangeError(`expected a duration such as "30m", got ${JSON.stringify(text)}`);
  return Number(match[1]) * SECONDS_PER_UNIT[match[2] as DurationUnit];
}

/** A ratio in the scenario format: a number in [0, 1] or a percent string. */
export type RatioInput = number | string;

/**
 * Parses a ratio, `0.9995` or `"99.95%"`, into a number in [0, 1].
 * @throws RangeError when the value is not a ratio in [0, 1].
 */
export function parseRatio(value: RatioInput): number {
  const ratio = typeof value === 'number' ? value : percentToRatio(value);
  if (!(ratio >= 0 && ratio <= 1)) {
    throw new RangeError(`expected a ratio in [0, 1] or a percent such as "99.95%"`);
  }
  return ratio;
}

function percentToRatio(text: string): number {
  const match = PERCENT_PATTERN.exec(text);
  if (!match) return Number.NaN;
  // Shifting the decimal point in the text, not dividing by 100, keeps "99.99%" equal to the
  // literal 0.9999 (99.99 / 100 is 0.9998999999999999).
  const [whole, fraction = ''] = match[1].split('.');
  const digits = whole + fraction;
  const point = whole.length - 2;
  const shifted =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(shifted);
}

/** Formats seconds as the largest whole unit that divides them, e.g. 2592000 → "30d". */
export function formatDuration(seconds: number): string {
  const units = Object.entries(SECONDS_PER_UNIT).reverse();
  for (const [unit, size] of units) {
    if (seconds >= size && Number.isInteger(seconds / size)) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
