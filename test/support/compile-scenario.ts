import { compileModel } from '../../src/engine/model/compile';
import type { Model } from '../../src/engine/model/types';
import type { ScenarioDoc } from '../../src/engine/scenario/schema';
import { formatProblem, validateScenario } from '../../src/engine/scenario/validate';

/** The fields a test sets: its components and any others (name too) that replace the defaults. */
export type ScenarioParts = Pick<ScenarioDoc, 'components'> & Partial<ScenarioDoc>;

/** Validates a scenario document and compiles it; throws an Error listing every problem. */
export function compileScenario(doc: unknown): Model {
  const checked = validateScenario(doc);
  if (!checked.ok) {
    throw new Error(`invalid scenario:\n${checked.problems.map(formatProblem).join('\n')}`);
  }

  return compileModel(checked.scenario);
}

/**
 * Compiles a scenario of `parts` over defaults that `parts` may replace: a 30-day window and one
 * journey `use` entering the first component with a 99% target.
 */
export function compileParts(parts: ScenarioParts): Model {
  return compileScenario({
    nines: 1,
    name: 'test scenario',
    window: '30d',
    journeys: [{ id: 'use', entry: parts.components[0].id, target: '99%' }],
    ...parts,
  });
}
