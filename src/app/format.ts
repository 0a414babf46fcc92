const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A ratio as a percent with up to `digits` decimals and no trailing zeros: 0.9995 → "99.95 %". */
export function formatPercent(ratio: number, digits = 4): string {
  const percent = Number((ratio * 100).toFixed(digits));
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: digits })} %`;
}

/** A probability with three decimals: 0.97312 → "0.973". */
export function formatProbability(p: number): string {
  return p.toFixed(3);
}

/** A count with thousands separators: 10000 → "10,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}
