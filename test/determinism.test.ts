import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChunkWorker } from '../src/engine/runner/chunk-worker';
import {
  createRunner,
  RunCancelledError,
  type RemoteChunkWorker,
  type Run,
  type Runner,
} from '../src/engine/runner/runner';
import type { ScenarioDoc } from '../src/engine/scenario/schema';
import { validateScenario } from '../src/engine/scenario/validate';

const TRIALS = 5000;

function mobileBanking(): ScenarioDoc {
  const checked = validateScenario(
    JSON.parse(readFileSync('scenarios/mobile-banking.json', 'utf8')),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.scenario;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A runner over `count` in-process workers whose answers are delayed by different amounts, so
 * that chunks finish out of order. `finished` records the start of each chunk as it finishes.
 */
function scrambledRunner(count: number, finished: number[] = []): Runner {
  const delays = [7, 0, 3, 11, 1, 5];
  const workers: RemoteChunkWorker[] = Array.from({ length: count }, (_, w) => {
    const worker = createChunkWorker();
    let calls = 0;
    return {
      load: (scenario, seed) => worker.load(scenario, seed),
      simulate: async (start, chunk) => {
        await pause(delays[(w * 2 + calls++) % delays.length]);
        const summary = worker.simulate(start, chunk);
        finished.push(start);
        return summary;
      },
    };
  });
  return createRunner(workers);
}

/** A run's JSON without the fields that time it. */
function withoutTiming(run: Run): string {
  const { elapsedMs: _elapsed, trialsPerSecond: _speed, ...rest } = run;
  return JSON.stringify(rest);
}

describe('runner determinism', () => {
  const scenario = mobileBanking();

  it('gives identical journeys on 1, 2 and 3 workers finishing in scrambled order', async () => {
    const orders: number[][] = [];
    const runs: string[] = [];
    for (const count of [1, 2, 3]) {
      const finished: number[] = [];
      const run = await scrambledRunner(count, finished).run(scenario, {
        trials: TRIALS,
        seed: 'determinism',
      });
      orders.push(finished);
      runs.push(withoutTiming(run));
      expect(run.trials).toBe(TRIALS);
    }

    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    // The test means something only if some chunks really finished out of order.
    const inOrder = (starts: number[]) => starts.every((s, k) => k === 0 || s > starts[k - 1]);
    expect(orders.map(inOrder)).toContain(false);
  });

  it('gives identical journeys for a trial count that ends in a partial chunk', async () => {
    const options = { trials: 2345, seed: 'partial' };

    const one = await scrambledRunner(1).run(scenario, options);
    const three = await scrambledRunner(3).run(scenario, options);

    expect(withoutTiming(three)).toBe(withoutTiming(one));
    expect(one.trials).toBe(2345);
  });

  it('replays each journey’s worst window with a timeline losing its attainment', async () => {
    const run = await scrambledRunner(2).run(scenario, { trials: TRIALS, seed: 'worst' });

    for (const journey of run.journeys) {
      const { error, window, trial } = journey.timeline;
      const lost = error.reduce((sum, step, k) => {
        const end = k + 1 < error.length ? error[k + 1].time : window;
        return sum + step.error * (end - step.time);
      }, 0);

      expect(trial).toBe(journey.worst.trial);
      expect(lost / window).toBeCloseTo(1 - journey.worst.attainment, 12);
      expect(1 - journey.worst.attainment).toBe(1 - journey.attainment.min);
    }
  });

  it('changes the results with the seed', async () => {
    const runner = scrambledRunner(2);

    const a = await runner.run(scenario, { trials: TRIALS, seed: 'determinism' });
    const b = await runner.run(scenario, { trials: TRIALS, seed: 'another seed' });

    expect(JSON.stringify(b.journeys)).not.toBe(JSON.stringify(a.journeys));
    expect(b.journeys.map((j) => j.attainment.mean)).not.toEqual(
      a.journeys.map((j) => j.attainment.mean),
    );
  });

  it('reports progress that never goes back and reaches the total', async () => {
    const progress: [number, number][] = [];

    await scrambledRunner(3).run(scenario, {
      trials: TRIALS,
      seed: 'progress',
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([, total]) => total === TRIALS)).toBe(true);
    expect(progress.every(([done], k) => k === 0 || done >= progress[k - 1][0])).toBe(true);
    expect(progress[progress.length - 1]).toEqual([TRIALS, TRIALS]);
  });

  it('rejects with a RunCancelledError when the signal aborts during a run', async () => {
    const controller = new AbortController();
    const progress: number[] = [];

    const run = scrambledRunner(2).run(scenario, {
      trials: TRIALS,
      seed: 'cancel',
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        controller.abort();
      },
    });

    await expect(run).rejects.toBeInstanceOf(RunCancelledError);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(Math.max(...progress)).toBeLessThan(TRIALS);
  });

  it('rejects with a RunCancelledError when the signal was aborted before the run', async () => {
    const controller = new AbortController();
    controller.abort();

    const run = scrambledRunner(1).run(scenario, {
      trials: TRIALS,
      seed: 'cancel',
      signal: controller.signal,
    });

    await expect(run).rejects.toMatchObject({ code: 'cancelled', name: 'RunCancelledError' });
  });
});
