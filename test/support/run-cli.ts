import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm run nines` runs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line, `tsx src/cli/nines.ts ARGS`, in a subprocess from the repository
 * root. INIT_CWD is dropped (the test runner may have inherited one from npm), so a relative
 * FILE resolves against the root.
 */
export function runNines(args: readonly string[]): Promise<CliResult> {
  const { INIT_CWD: _inherited, ...env } = process.env;
  return collect(process.execPath, [TSX, join('src', 'cli', 'nines.ts'), ...args], ROOT, env);
}

/** Runs `npm run --silent nines -- ARGS` from `cwd`, the way the README tells people to. */
export function runNinesThroughNpm(args: readonly string[], cwd: string): Promise<CliResult> {
  const npmArgs = ['--prefix', ROOT, 'run', '--silent', 'nines', '--', ...args];
  return collect('npm', npmArgs, cwd, process.env);
}

function collect(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** True when the text shows a JavaScript stack trace, which users must never see. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(text);
}
