/**
 * How many decimals of a percent show an attainment against `target`: enough to see a tenth of
 * the error budget, and never fewer than four. 99.99 % (budget 0.01 %) gives 4.
 */
export function attainmentDecimals(target: number): number {
  if (target >= 1) return 4;
  // 1 − 0.9999 is a hair under 1e-4 in binary; without the slack it would ask for 5.
  return Math.max(4, Math.ceil(-Math.log10(1 - target) - 1e-9));
}
