const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A measured ratio as a percent with a fixed number of decimals: 0.99619 → "99.6190 %". */
export function formatPercent(ratio: number, digits = 4): string {
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** A target as written, without trailing zeros: 0.9995 → "99.95 %". */
export function formatTarget(ratio: number): string {
  return formatRatio(ratio, 6);
}

/** A ratio as a percent rounded to `digits` decimals, without trailing zeros: 0.4 → "40 %". */
export function formatRatio(ratio: number, digits: number): string {
  return `${Number((ratio * 100).toFixed(digits))} %`;
}

/** A probability with three decimals: 0.97312 → "0.973". */
export function formatProbability(p: number): string {
  return p.toFixed(3);
}

/** A count with thousands separators: 10000 → "10,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}
