import { parseScenarioText, type Problem, type ScenarioDoc } from '../../engine';

/** The largest scenario file accepted; real ones are a few tens of kilobytes. */
export const MAX_SCENARIO_BYTES = 5_000_000;

/** An imported scenario, or what is wrong with the file. */
export type ImportResult = { ok: true; doc: ScenarioDoc } | { ok: false; problems: Problem[] };

/**
 * Reads the text of a scenario file with the same checks as the CLI. Only a valid scenario is
 * returned, so the work in the editor is replaced by nothing less.
 */
export function importScenarioText(text: string): ImportResult {
  if (text.length > MAX_SCENARIO_BYTES) return tooLarge(text.length);

  const result = parseScenarioText(text);
  return result.ok ? { ok: true, doc: result.scenario } : result;
}

/** Reads a file chosen in a file picker or dropped on the page; see `importScenarioText`. */
export async function importScenarioFile(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_SCENARIO_BYTES) return tooLarge(file.size);
  return importScenarioText(await file.text());
}

function tooLarge(size: number): ImportResult {
  const [limit, got] = [MAX_SCENARIO_BYTES / 1e6, (size / 1e6).toFixed(1)];
  const message = `expected a scenario file of at most ${limit} MB, got ${got} MB`;
  return { ok: false, problems: [{ path: '(document)', message }] };
}

/** The scenario as the JSON text of a file that the CLI runs unchanged. */
export function exportScenarioText(doc: ScenarioDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name for the scenario made from its name, e.g. `mobile-banking-platform.json`. */
export function scenarioFileName(doc: ScenarioDoc): string {
  const slug = doc.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.json`;
}
