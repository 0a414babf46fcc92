import type { ScenarioDoc } from './schema';

/** Trials when neither the caller nor the scenario's `run` block gives them. */
export const DEFAULT_TRIALS = 10_000;
/** The seed when neither the caller nor the scenario's `run` block gives one. */
export const DEFAULT_SEED = '1';

/** The trials and seed of a run: the caller's, else the scenario's, else the defaults. */
export function runSettings(
  scenario: Pick<ScenarioDoc, 'run'>,
  overrides: { trials?: number; seed?: string } = {},
): { trials: number; seed: string } {
  return {
    trials: overrides.trials ?? scenario.run?.trials ?? DEFAULT_TRIALS,
    seed: overrides.seed ?? scenario.run?.seed ?? DEFAULT_SEED,
  };
}
