import {
  formatPath,
  validateScenario,
  type Problem,
  type ScenarioDoc,
  type ValidationResult,
} from '../../engine';
import { useEditor } from './store';

const checked = new WeakMap<ScenarioDoc, ValidationResult>();

/**
 * Validates a document once: every field showing its problems, and undo back to an earlier
 * document, reuse the result.
 */
export function validationOf(doc: ScenarioDoc): ValidationResult {
  const known = checked.get(doc);
  if (known) return known;

  const result = validateScenario(doc);
  checked.set(doc, result);
  return result;
}

/** The validation of the editor's current document, with the CLI's schema and checks. */
export function useValidation(): ValidationResult {
  return validationOf(useEditor((state) => state.doc));
}

/** A JSON path into the scenario, such as `['components', 2, 'failures', 0, 'mttr']`. */
export type JsonPath = readonly (string | number)[];

/**
 * The problems at a JSON path or inside it: `['components', 2]` finds those of
 * `components[2]`, `components[2].id` and `components[2].failures[0].mttr`, not those of
 * `components[21]`.
 */
export function problemsAt(
  validation: ValidationResult | readonly Problem[],
  path: JsonPath,
): Problem[] {
  const problems = 'ok' in validation ? (validation.ok ? [] : validation.problems) : validation;
  const at = formatPath(path);

  if (path.length === 0) return [...problems];
  return problems.filter(
    (p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`),
  );
}
