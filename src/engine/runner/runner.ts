import { analyticAttainment } from '../analytic';
import { compileModel } from '../model/compile';
import type { Model } from '../model/types';
import type { ScenarioDoc } from '../scenario/schema';
import { CHUNK_SIZE } from '../simulate/chunk';
import { trialTimelines, type Timeline } from '../simulate/timeline';
import { runResult, type JourneyResult, type RunResult } from '../summary/result';
import { RunAccumulator } from '../summary/run-accumulator';
import type { ChunkSummary } from '../summary/summary';
import type { ChunkWorker } from './chunk-worker';

/** A chunk worker seen from the runner's thread: every call may cross a thread boundary. */
export type RemoteChunkWorker = {
  [K in keyof ChunkWorker]: (
    ...args: Parameters<ChunkWorker[K]>
  ) => Promise<ReturnType<ChunkWorker[K]>> | ReturnType<ChunkWorker[K]>;
};

export interface RunOptions {
  trials: number;
  seed: string;
  /** Called after each chunk merges with the number of trials done. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it cancels the run: its promise rejects with a RunCancelledError. */
  signal?: AbortSignal;
}

export interface JourneyRun extends JourneyResult {
  /** The worst simulated window of the journey, replayed. */
  timeline: Timeline;
}

export interface Run extends RunResult {
  journeys: JourneyRun[];
}

/** Runs scenarios somewhere: on this thread, in a pool of Web Workers or of worker threads. */
export interface Runner {
  readonly workers: number;
  run(scenario: ScenarioDoc, options: RunOptions): Promise<Run>;
  /** Stops its workers; the runner cannot be used afterwards. */
  dispose(): void;
}

/** The error a cancelled run rejects with. */
export class RunCancelledError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelledError';
  }
}

/** Chunks to keep queued at each worker so that it never waits for the next one. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A runner over a fixed set of chunk workers. Chunks go to whichever worker is free, but
 * summaries merge strictly in chunk order, so results do not depend on the number of workers.
 */
export function createRunner(workers: RemoteChunkWorker[], dispose: () => void = () => {}): Runner {
  if (workers.length === 0) throw new RangeError('createRunner: at least one worker is needed');
  return {
    workers: workers.length,
    run: (scenario, options) => runOn(workers, scenario, options),
    dispose,
  };
}

async function runOn(
  workers: RemoteChunkWorker[],
  scenario: ScenarioDoc,
  { trials, seed, onProgress, signal }: RunOptions,
): Promise<Run> {
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new RangeError(`trials must be a positive integer, got ${trials}`);
  }
  const model = compileModel(scenario);
  await Promise.all(workers.map((w) => w.load(scenario, seed)));
  throwIfAborted(signal);

  const started = performance.now();
  const merged = await simulateChunks(workers, model, trials, onProgress, signal);
  const elapsed = performance.now() - started;
  return finish(model, seed, merged, elapsed);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new RunCancelledError();
}

function simulateChunks(
  workers: RemoteChunkWorker[],
  model: Model,
  trials: number,
  onProgress: RunOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<ChunkSummary> {
  const chunkCount = Math.ceil(trials / CHUNK_SIZE);
  const pending = new Map<number, ChunkSummary>();
  const totals = new RunAccumulator(model.journeys.length, model.credits.length);
  let nextChunk = 0;
  let nextMerge = 0;
  let stopped = false;

  return new Promise((resolve, reject) => {
    const stop = (error: unknown): void => {
      stopped = true;
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => stop(new RunCancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });

    const mergeReady = (): void => {
      for (let chunk = pending.get(nextMerge); chunk; chunk = pending.get(nextMerge)) {
        totals.add(chunk);
        pending.delete(nextMerge++);
      }
      onProgress?.(Math.min(nextMerge * CHUNK_SIZE, trials), trials);
      if (nextMerge === chunkCount) {
        signal?.removeEventListener('abort', onAbort);
        resolve(totals.summary());
      }
    };
    const feed = async (worker: RemoteChunkWorker): Promise<void> => {
      while (nextChunk < chunkCount && !stopped) {
        const chunk = nextChunk++;
        const start = chunk * CHUNK_SIZE;
        pending.set(chunk, await worker.simulate(start, Math.min(CHUNK_SIZE, trials - start)));
        if (!stopped) mergeReady();
      }
    };
    for (const worker of workers) {
      for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) feed(worker).catch(stop);
    }
  });
}

function finish(model: Model, seed: string, merged: ChunkSummary, elapsed: number): Run {
  const result = runResult(model, seed, merged, elapsed);
  const analytic = analyticAttainment(model);
  const worst = result.journeys.map((j) => Math.max(0, j.worst.trial));
  const timelines = trialTimelines(model, seed, worst);
  const journeys = result.journeys.map((j, index) => ({
    ...j,
    analytic: analytic[index],
    timeline: timelines[index],
  }));
  return { ...result, journeys };
}
