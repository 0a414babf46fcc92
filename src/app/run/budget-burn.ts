import type { Run } from '../../engine';

/**
 * How much of an error budget each component burned in a run: for each journey, its share of
 * the lost time times the budget the journey used on average, (1 − mean) / (1 − target); the
 * largest over the journeys. 0.5 means half of the most affected journey's budget.
 */
export function componentBurn(run: Run): Map<string, number> {
  const burn = new Map<string, number>();
  for (const journey of run.journeys) {
    if (journey.target >= 1) continue;
    const used = (1 - journey.attainment.mean) / (1 - journey.target);
    for (const { component, share } of journey.attribution) {
      burn.set(component, Math.max(burn.get(component) ?? 0, share * used));
    }
  }
  return burn;
}
