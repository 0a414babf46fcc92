import { useCallback, useEffect, useRef, useState } from 'react';
import { RunCancelledError, type Run, type Runner, type ScenarioDoc } from '../../engine';
import { createBrowserRunner } from './browser-runner';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SimulationState {
  status: SimulationStatus;
  done: number;
  total: number;
  /** Workers of the current or last run. */
  workers: number;
  /** The last completed run; kept while a new run is going so the results do not flicker. */
  run?: Run;
  /** The `key` of the request of the last completed run, to tell when it went stale. */
  key?: string;
  /** Names of the shared events of the scenario the last completed run simulated. */
  eventNames?: string[];
  error?: string;
}

/** What to simulate: a valid scenario, its run settings, and what identifies its content. */
export interface SimulationRequest {
  scenario: ScenarioDoc;
  trials: number;
  seed: string;
  key: string;
}

export interface Simulation {
  state: SimulationState;
  start: (request: SimulationRequest) => void;
  cancel: () => void;
}

interface ActiveRun {
  controller: AbortController;
  runner: Runner;
}

const IDLE: SimulationState = { status: 'idle', done: 0, total: 0, workers: 0 };

/**
 * Runs scenarios in Web Workers, one run at a time. Each run gets a fresh worker pool, so
 * cancelling can terminate the workers at once; a new run cancels the one under way.
 */
export function useSimulation(): Simulation {
  const [state, setState] = useState<SimulationState>(IDLE);
  const active = useRef<ActiveRun | undefined>(undefined);

  const cancel = useCallback(() => {
    const current = active.current;
    if (!current) return;

    active.current = undefined;
    current.controller.abort();
    current.runner.dispose();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, []);

  const start = useCallback(
    (request: SimulationRequest) => {
      cancel();
      const current = { controller: new AbortController(), runner: createBrowserRunner() };
      active.current = current;
      const { workers } = current.runner;
      setState((s) => ({ ...s, status: 'running', done: 0, total: request.trials, workers }));

      const isCurrent = (): boolean => active.current === current;
      current.runner
        .run(request.scenario, {
          trials: request.trials,
          seed: request.seed,
          signal: current.controller.signal,
          onProgress: (done, total) => isCurrent() && setState((s) => ({ ...s, done, total })),
        })
        .then(
          (run) => isCurrent() && setState(completed(run, request, workers)),
          (error: unknown) => isCurrent() && setState((s) => failed(s, error)),
        )
        .finally(() => {
          if (!isCurrent()) return;
          active.current = undefined;
          current.runner.dispose();
        });
    },
    [cancel],
  );

  useEffect(() => cancel, [cancel]);

  return { state, start, cancel };
}

function completed(run: Run, request: SimulationRequest, workers: number): SimulationState {
  return {
    status: 'done',
    done: request.trials,
    total: request.trials,
    workers,
    run,
    key: request.key,
    eventNames: (request.scenario.events ?? []).map((event) => event.name),
  };
}

function failed(state: SimulationState, error: unknown): SimulationState {
  if (error instanceof RunCancelledError) return { ...state, status: 'cancelled' };

  const message = error instanceof Error ? error.message : String(error);
  return { ...state, status: 'failed', error: message };
}
