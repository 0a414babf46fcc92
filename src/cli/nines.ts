import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type ScenarioDoc, ScenarioError, formatProblem, CHUNK_SIZE, runSettings } from '../engine';
import { USAGE, UsageError, parseCommand, type RunCommand } from './args';
import { jsonOutputText } from './json-output';
import { createNodeRunner } from './node-runner';
import { createProgress } from './progress';
import { reportText } from './report';
import { UnreadableFileError, readScenarioFile } from './scenario-file';

/** Exit statuses of the command line, version 1. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

/**
 * Runs the command line on its arguments (without node and the script) and returns the exit
 * status. Results go to stdout; problems, one per line, and progress go to stderr.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    const scenario = readScenarioFile(command.file);
    if (command.command === 'validate') return validated(command.file, scenario);
    return await runScenario(command, scenario);
  } catch (error) {
    return reportError(error);
  }
}

function validated(file: string, scenario: ScenarioDoc): number {
  const components = count(scenario.components, 'component');
  const journeys = count(scenario.journeys, 'journey');
  process.stdout.write(
    `${file}: valid (${JSON.stringify(scenario.name)}, ${components}, ${journeys})\n`,
  );
  return EXIT.ok;
}

function count(items: readonly unknown[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

async function runScenario(command: RunCommand, scenario: ScenarioDoc): Promise<number> {
  const { trials, seed } = runSettings(scenario, command);
  // More threads than chunks would only start up and wait.
  const wanted = command.workers ?? availableParallelism();
  const workers = Math.min(wanted, Math.ceil(trials / CHUNK_SIZE));

  const runner = createNodeRunner(workers);
  const progress = createProgress(process.stderr, { enabled: !command.json });
  try {
    const run = await runner.run(scenario, { trials, seed, onProgress: progress.update });
    progress.clear();
    process.stdout.write(command.json ? jsonOutputText(run) : reportText(run, { workers }));
    return EXIT.ok;
  } finally {
    progress.clear();
    runner.dispose();
  }
}

/** Bad input gets its message and status 2; anything else is an internal error, status 1. */
function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`nines: ${error.message}\n${USAGE}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UnreadableFileError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof ScenarioError) {
    process.stderr.write(error.problems.map((p) => `${formatProblem(p)}\n`).join(''));
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`nines: internal error: ${message}\n`);
  return EXIT.internal;
}

/** A reader that stops early, as `nines run FILE | head` does, is not an error of nines. */
function quitOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.ok);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.on('error', quitOnClosedPipe);
  // Setting exitCode rather than calling exit() lets piped stdout drain first.
  main(process.argv.slice(2)).then((status) => (process.exitCode = status));
}
