import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, parseCommand } from '../src/cli/args';
import { createProgress } from '../src/cli/progress';
import { ROOT, hasStackTrace, runNines, runNinesThroughNpm } from './support/run-cli';

const MOBILE_BANKING = 'scenarios/mobile-banking.json';
const SERIAL_VS_PARALLEL = 'scenarios/serial-vs-parallel.json';
const RARELY_FAILS = 'test/fixtures/rarely-fails.json';
const SMALL_RUN_BLOCK = 'test/fixtures/small-run-block.json';
const INVALID = 'test/fixtures/invalid.json';

const scratch = mkdtempSync(join(tmpdir(), 'nines-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NOT_JSON = join(scratch, 'not-json.json');
writeFileSync(NOT_JSON, '{\n  "nines": 1,\n  "name": "Not JSON",\n  "window": "30d",\n');

/** The fields of `run --json`, in the order of the command line contract. */
const TOP_LEVEL = [
  'scenario',
  'seed',
  'trials',
  'window',
  'journeys',
  'elapsedMs',
  'trialsPerSecond',
];
const JOURNEY = [
  'id',
  'target',
  'attainment',
  'pMeet',
  'pMeetInterval',
  'budgetRemaining',
  'analytic',
  'attribution',
];
const ATTAINMENT = ['mean', 'sd', 'min', 'p01', 'p05', 'p50', 'p95', 'max'];

/** Runs `run FILE --json ...` and returns its parsed document, after checking it succeeded. */
async function runJson(file: string, ...options: string[]) {
  const result = await runNines(['run', file, '--json', ...options]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe.concurrent('nines run', () => {
  it('prints one JSON document with exactly the fields of the contract', async () => {
    const result = await runNines(['run', MOBILE_BANKING, '--json', '--trials', '2000']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(TOP_LEVEL);
    expect(output).toMatchObject({ seed: 'mobile-banking', trials: 2000, window: '28d' });
    expect(output.journeys.map((j: { id: string }) => j.id)).toEqual([
      'login',
      'account-overview',
      'transaction-history',
      'payments',
    ]);
    for (const journey of output.journeys) {
      expect(Object.keys(journey)).toEqual(JOURNEY);
      expect(Object.keys(journey.attainment)).toEqual(ATTAINMENT);
      expect(Object.keys(journey.budgetRemaining)).toEqual(['mean', 'p05', 'p50']);
      expect(journey.pMeetInterval).toHaveLength(2);
      for (const share of journey.attribution)
        expect(Object.keys(share)).toEqual(['component', 'share']);
    }
    expect(Number.isInteger(output.elapsedMs)).toBe(true);
    expect(Number.isInteger(output.trialsPerSecond)).toBe(true);
  });

  it('gives byte-identical journeys on one worker and on two', async () => {
    const options = ['--trials', '3000', '--seed', 'workers'];
    const [one, two] = await Promise.all([
      runJson(MOBILE_BANKING, ...options, '--workers', '1'),
      runJson(MOBILE_BANKING, ...options, '--workers', '2'),
    ]);

    expect(JSON.stringify(two.journeys)).toBe(JSON.stringify(one.journeys));
  });

  it('gives other results for another seed', async () => {
    const [a, b] = await Promise.all([
      runJson(SERIAL_VS_PARALLEL, '--trials', '1000', '--seed', 'a', '--workers', '1'),
      runJson(SERIAL_VS_PARALLEL, '--trials', '1000', '--seed', 'b', '--workers', '1'),
    ]);

    expect(a.seed).toBe('a');
    expect(b.seed).toBe('b');
    expect(b.journeys[0].attainment.mean).not.toBe(a.journeys[0].attainment.mean);
  });

  it("takes the trials and the seed from the file's run block", async () => {
    const output = await runJson(SMALL_RUN_BLOCK, '--workers', '1');

    expect(output).toMatchObject({
      scenario: 'Small run block',
      trials: 1500,
      seed: 'fixture-seed',
    });
  });

  it('runs 10000 trials with seed "1" when the file has no run block', async () => {
    const output = await runJson(RARELY_FAILS);

    expect(output).toMatchObject({ trials: 10000, seed: '1' });
  });

  it('prints a short table per journey', async () => {
    const args = ['run', SERIAL_VS_PARALLEL, '--trials', '2000', '--workers', '1'];
    const result = await runNines(args);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Serial versus parallel');
    expect(result.stdout).toMatch(/^serial {2}Serial: A calls B$/m);
    expect(result.stdout).toMatch(/^parallel {2}Parallel: one of two servers$/m);
    expect(result.stdout).toMatch(/^ {2}target +99\.99 %$/m);
    expect(result.stdout).toMatch(/^ {2}mean attainment +\d+\.\d+ %/m);
    const pMeet = /^ {2}P\(meet\) +[\d.]+ % \(95 % interval [\d.]+–[\d.]+ %\)$/m;
    expect(result.stdout).toMatch(pMeet);
    expect(result.stdout).toMatch(/^ {2}budget remaining +p50 -?[\d.]+ %, p5 -?[\d.]+ %$/m);
    expect(result.stdout).toMatch(/^ {2}analytic +98\.0100 %$/m);
    expect(result.stdout).toMatch(
      /^ {2}attribution +service-[ab] [\d.]+ %, service-[ab] [\d.]+ %$/m,
    );
  });

  it('says that more trials are needed when every window met the target', async () => {
    const result = await runNines(['run', RARELY_FAILS, '--trials', '1000', '--workers', '1']);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}P\(meet\) +100\.00 %/m);
    expect(result.stdout).toMatch(
      /^ {2}note +every one of the 1000 windows met the target: more trials/m,
    );
  });

  it('resolves a relative FILE against the directory npm was started in', async () => {
    const result = await runNinesThroughNpm(
      ['validate', 'fixtures/rarely-fails.json'],
      join(ROOT, 'test'),
    );

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe.concurrent('nines validate', () => {
  it('accepts a valid file with status 0', async () => {
    const result = await runNines(['validate', MOBILE_BANKING]);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('valid');
  });

  it('names the path of every problem, one per line, with status 2', async () => {
    const result = await runNines(['validate', INVALID]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'components[1].failures[0].mttr: expected a duration such as "30m"',
      'dependencies[0].impacts: unknown key (check the spelling)',
    ]);
  });

  it('reports where a file stops being JSON', async () => {
    const result = await runNines(['validate', NOT_JSON]);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\(document\): invalid JSON at line 5, column 1: /);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe.concurrent('bad files and arguments', () => {
  it.each([
    ['an unknown flag', ['run', SERIAL_VS_PARALLEL, '--trails', '10']],
    ['a fractional trial count', ['run', SERIAL_VS_PARALLEL, '--trials', '2.5']],
    ['a file that is not JSON', ['run', NOT_JSON, '--json']],
    ['an invalid scenario', ['run', INVALID, '--json']],
  ])('exits with status 2 and a message, without a stack trace, for %s', async (_, args) => {
    const result = await runNines(args);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits with status 2 and names a missing file', async () => {
    const result = await runNines(['run', 'scenarios/no-such-file.json', '--json']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'scenarios/no-such-file.json: cannot read the file (no such file)\n',
    );
  });
});

describe('parseCommand', () => {
  it('reads run with every option', () => {
    const argv = ['run', 'a.json', '--trials', '500', '--seed', 's', '--workers', '3', '--json'];

    expect(parseCommand(argv)).toEqual({
      command: 'run',
      file: 'a.json',
      trials: 500,
      seed: 's',
      workers: 3,
      json: true,
    });
  });

  it('leaves unset options to the file and the defaults', () => {
    expect(parseCommand(['run', 'a.json'])).toEqual({
      command: 'run',
      file: 'a.json',
      trials: undefined,
      seed: undefined,
      workers: undefined,
      json: false,
    });
    expect(parseCommand(['validate', 'a.json'])).toEqual({ command: 'validate', file: 'a.json' });
  });

  it.each([
    [['run', 'a.json', '--trails', '10'], "unknown option '--trails'"],
    [['run', 'a.json', '--trials', '2.5'], '--trials: expected a positive whole number, got "2.5"'],
    [['run', 'a.json', '--trials', 'many'], '--trials: expected a positive whole number'],
    [['run', 'a.json', '--trials', '0'], '--trials: expected a positive whole number'],
    [['run', 'a.json', '--trials', '1e4'], '--trials: expected a positive whole number'],
    [['run', 'a.json', '--workers', '0'], '--workers: expected a positive whole number'],
    [['run', 'a.json', '--seed'], "option '--seed <value>' argument missing"],
    [['run', 'a.json', '--json=yes'], "option '--json' does not take an argument"],
    [['run'], 'missing FILE'],
    [['run', 'a.json', 'b.json'], 'one FILE only, got 2'],
    [[], 'missing command'],
    [['simulate', 'a.json'], 'unknown command "simulate"'],
    [['validate', 'a.json', '--seed', 's'], 'validate takes no options, got --seed'],
  ])('rejects %j with a UsageError', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

describe('progress bar', () => {
  /** A stand-in for process.stderr that records what is written. */
  function fakeStream(isTTY: boolean) {
    const writes: string[] = [];
    const stream = { isTTY, write: (text: string) => writes.push(text) > 0 };
    return { writes, stream: stream as unknown as NodeJS.WriteStream };
  }

  it('draws and then erases a bar on a terminal', () => {
    const { writes, stream } = fakeStream(true);

    const progress = createProgress(stream);
    progress.update(500, 1000);
    progress.clear();

    expect(writes[0]).toMatch(/^\r\[#{15}\.{15}\] {2}50 % {2}500 \/ 1000 trials$/);
    expect(writes[1]).toBe('\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal, or when disabled', () => {
    const pipe = fakeStream(false);
    const disabled = fakeStream(true);

    for (const progress of [
      createProgress(pipe.stream),
      createProgress(disabled.stream, { enabled: false }),
    ]) {
      progress.update(1, 2);
      progress.clear();
    }

    expect(pipe.writes).toEqual([]);
    expect(disabled.writes).toEqual([]);
  });
});
