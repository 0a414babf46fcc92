import { readFileSync } from 'node:fs';
import { createLocalRunner, validateScenario, type Run } from '../../src/engine';

/** Trials of the shared run: enough for every chart to have a shape, quick on one thread. */
export const TRIALS = 4000;

/** Runs a scenario file of the repository on this thread with a fixed seed. */
export async function runScenario(path: string, trials = TRIALS, seed = 'results'): Promise<Run> {
  const checked = validateScenario(JSON.parse(readFileSync(path, 'utf8')));
  if (!checked.ok) throw new Error(`${path} is not valid: ${JSON.stringify(checked.problems)}`);
  const runner = createLocalRunner();
  try {
    return await runner.run(checked.scenario, { trials, seed });
  } finally {
    runner.dispose();
  }
}

/** The default scenario's four journeys, as the results view shows them after Run. */
export function mobileBankingRun(): Promise<Run> {
  return runScenario('scenarios/mobile-banking.json');
}
