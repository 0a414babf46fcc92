import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalRunner } from '../src/engine/runner/local';
import type { JourneyRun } from '../src/engine/runner/runner';
import {
  formatProblem,
  parseScenarioText,
  validateScenario,
  type Problem,
} from '../src/engine/scenario/validate';
import { hasStackTrace, runNines } from './support/run-cli';
import { validScenario } from './support/scenario-arbitraries';
import { brokenScenario, isAtOrBelow } from './support/scenario-mutations';

/** Fixed, so that every run of the suite checks the same cases. */
const SEED = 20_240_611;
const TRIALS = 300;

/** Float sums may land a rounding error outside the exact bounds. */
const EPS = 1e-12;

function expectRatio(value: number): void {
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
}

function expectSane(journey: JourneyRun): void {
  const a = journey.attainment;
  for (const value of [a.mean, a.min, a.p01, a.p05, a.p50, a.p95, a.max]) expectRatio(value);
  expect(a.sd).toBeGreaterThanOrEqual(0);
  expect([a.min, a.p01, a.p05, a.p50, a.p95, a.max]).toEqual(
    [a.min, a.p01, a.p05, a.p50, a.p95, a.max].sort((x, y) => x - y),
  );
  expect(a.mean).toBeGreaterThanOrEqual(a.min - EPS);
  expect(a.mean).toBeLessThanOrEqual(a.max + EPS);

  expectRatio(journey.pMeet);
  const [low, high] = journey.pMeetInterval;
  expect(low).toBeGreaterThanOrEqual(0);
  expect(low).toBeLessThanOrEqual(journey.pMeet + EPS);
  expect(high).toBeGreaterThanOrEqual(journey.pMeet - EPS);
  expect(high).toBeLessThanOrEqual(1);

  expect(journey.budgetRemaining === null).toBe(journey.target === 1);
  if (journey.analytic !== null) expectRatio(journey.analytic);
  if (journey.attribution.length > 0) {
    const total = journey.attribution.reduce((sum, share) => sum + share.share, 0);
    expect(total).toBeCloseTo(1, 9);
  }
}

function expectProblemsWithPaths(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.path).not.toBe('');
    expect(problem.message).not.toBe('');
    expect(formatProblem(problem)).not.toContain('\n');
  }
}

describe('random valid scenarios', () => {
  it('validate, run without throwing, and keep attainment and P(meet) in [0, 1]', async () => {
    const runner = createLocalRunner();

    await fc.assert(
      fc.asyncProperty(validScenario, fc.string({ maxLength: 8 }), async (doc, seed) => {
        const checked = validateScenario(doc);
        expect(checked.ok ? [] : checked.problems).toEqual([]);

        const run = await runner.run(doc, { trials: TRIALS, seed });

        expect(run.trials).toBe(TRIALS);
        expect(run.journeys).toHaveLength(doc.journeys.length);
        run.journeys.forEach(expectSane);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('random invalid documents', () => {
  it('are rejected with a problem at the path of what was broken', () => {
    fc.assert(
      fc.property(brokenScenario, ({ doc, path }) => {
        const result = validateScenario(doc);

        expect(result.ok).toBe(false);
        if (result.ok) return;
        expectProblemsWithPaths(result.problems);
        expect(result.problems.some((p) => isAtOrBelow(p.path, path))).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('survive the round trip through the text of a file', () => {
    fc.assert(
      fc.property(brokenScenario, ({ doc, path }) => {
        const result = parseScenarioText(JSON.stringify(doc, null, 2));

        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.some((p) => isAtOrBelow(p.path, path))).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('never crash the validator, whatever JSON value the document is', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        const result = validateScenario(doc);

        expect(result.ok).toBe(false);
        if (!result.ok) expectProblemsWithPaths(result.problems);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never crash the validator, whatever text the file holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseScenarioText(text);

        expect(result.ok).toBe(false);
        if (!result.ok) expectProblemsWithPaths(result.problems);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('random invalid files on the command line', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'nines-property-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('give exit status 2 and a line naming the path, never a stack trace', async () => {
    let count = 0;

    await fc.assert(
      fc.asyncProperty(brokenScenario, fc.boolean(), async ({ doc, path }, validate) => {
        const file = join(scratch, `broken-${count++}.json`);
        writeFileSync(file, JSON.stringify(doc, null, 2));

        const args = validate ? ['validate', file] : ['run', file, '--json', '--workers', '1'];
        const result = await runNines(args);

        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(hasStackTrace(result.stderr)).toBe(false);
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines.some((line) => isAtOrBelow(line.slice(0, line.indexOf(': ')), path))).toBe(
          true,
        );
      }),
      { seed: SEED, numRuns: 4 },
    );
  });
});
