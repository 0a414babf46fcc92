import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ScenarioDoc, ScenarioError, parseScenarioText } from '../engine';

/** A scenario file that cannot be read at all: exit status 2. */
export class UnreadableFileError extends Error {
  readonly code = 'unreadable-file';

  constructor(file: string, reason: string) {
    super(`${file}: cannot read the file (${reason})`);
    this.name = 'UnreadableFileError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Where FILE is. npm runs scripts from the package root and passes the directory it was started
 * in as INIT_CWD, so a relative FILE means the same under `npm run nines` as when run directly.
 */
export function resolveScenarioPath(file: string, env = process.env): string {
  return resolve(env.INIT_CWD || process.cwd(), file);
}

/**
 * Reads and validates a scenario file. Throws an UnreadableFileError when it cannot be read
 * and a ScenarioError listing every problem when it is not a valid scenario.
 */
export function readScenarioFile(file: string): ScenarioDoc {
  let text: string;
  try {
    text = readFileSync(resolveScenarioPath(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UnreadableFileError(file, REASONS[code] ?? (error as Error).message);
  }

  const result = parseScenarioText(text);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}
