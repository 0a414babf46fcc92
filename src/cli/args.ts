import { parseArgs } from 'node:util';

/** Wrong use of the command line: exit status 2, the message on stderr. */
export class UsageError extends Error {
  readonly code = 'usage';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = [
  'usage: nines run FILE [--trials N] [--seed S] [--workers N] [--json]',
  '       nines validate FILE',
].join('\n');

/** What `run` was asked for; unset options fall back to the file's `run` block, then defaults. */
export interface RunCommand {
  command: 'run';
  file: string;
  trials?: number;
  seed?: string;
  workers?: number;
  json: boolean;
}

export interface ValidateCommand {
  command: 'validate';
  file: string;
}

export type Command = RunCommand | ValidateCommand;

const OPTIONS = {
  trials: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * Parses the command line (without node and the script). Throws a UsageError for an unknown
 * command or option, a missing or extra FILE, a non-integer count, or a `run` option given to
 * `validate`.
 */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseStrict(argv);
  const [command, ...files] = positionals;

  if (command !== 'run' && command !== 'validate') {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? 'missing FILE' : `one FILE only, got ${files.length}`,
    );
  }

  if (command === 'validate') {
    const given = Object.keys(values);
    if (given.length > 0) throw new UsageError(`validate takes no options, got --${given[0]}`);
    return { command, file: files[0] };
  }
  return {
    command,
    file: files[0],
    trials: values.trials === undefined ? undefined : positiveInteger('--trials', values.trials),
    seed: values.seed,
    workers:
      values.workers === undefined ? undefined : positiveInteger('--workers', values.workers),
    json: values.json ?? false,
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util reports unknown options and missing values as TypeErrors with an ERR_ code.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      // Keep the first sentence: the rest explains `--`, which nines never needs.
      const sentence = (error as Error).message.split('. ')[0];
      throw new UsageError(sentence.charAt(0).toLowerCase() + sentence.slice(1));
    }
    throw error;
  }
}

function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${option}: expected a positive whole number, got "${text}"`);
  }
  return value;
}
