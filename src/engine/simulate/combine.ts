/**
 * Error of an active-active group, errors[first .. first + count): traffic spreads evenly over the members that are not fully
 * down. With at least `needed` of them the error is their mean error; with fewer it is 1, or
 * with `shed`, 1 − (up / needed) · (1 − mean error of the up members).
 */
export function activeActiveError(
  errors: Float64Array,
  first: number,
  count: number,
  needed: number,
  shed: boolean,
): number {
  let up = 0;
  let sum = 0;
  for (let k = first; k < first + count; k++) {
    if (errors[k] < 1) {
      up++;
      sum += errors[k];
    }
  }
  if (up >= needed) return sum / up;
  if (!shed || up === 0) return 1;
  return 1 - (up / needed) * (1 - sum / up);
}
