import type { ScenarioDoc } from '../../engine';

/**
 * What identifies a scenario's results: everything but its layout, which never changes one.
 * Results whose key differs from the current scenario's are stale.
 */
export function scenarioKey(doc: ScenarioDoc): string {
  return JSON.stringify({ ...doc, layout: undefined });
}
