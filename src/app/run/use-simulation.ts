import { useCallback, useEffect, useRef, useState } from 'react';
import { RunCancelledError, type Run, type Runner, type ScenarioDoc } from '../engine';
import { createBrowserRunner } from './browser-runner';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SimulationState {
  status: SimulationStatus;
  done: number;
  total: number;
  /** Workers of the current or last run. */
  workers: number;
  /** The last completed run; kept while a new run is going so the table does not flicker. */
  run?: Run;
  error?: string;
}

export interface Simulation {
  state: SimulationState;
  start: () => void;
  cancel: () => void;
}

interface ActiveRun {
  controller: AbortController;
  runner: Runner;
}

/**
 * Runs a scenario in Web Workers: once when the component mounts, then whenever `start` is
 * called. Each run gets a fresh worker pool, so cancelling can terminate the workers at once.
 */
export function useSimulation(scenario: ScenarioDoc, trials: number, seed: string): Simulation {
  const [state, setState] = useState<SimulationState>({
    status: 'idle',
    done: 0,
    total: trials,
    workers: 0,
  });
  const active = useRef<ActiveRun | undefined>(undefined);

  const cancel = useCallback(() => {
    const current = active.current;
    if (!current) return;

    active.current = undefined;
    current.controller.abort();
    current.runner.dispose();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, []);

  const start = useCallback(() => {
    cancel();
    const current = { controller: new AbortController(), runner: createBrowserRunner() };
    active.current = current;
    const workers = current.runner.workers;
    setState((s) => ({
      ...s,
      status: 'running',
      done: 0,
      total: trials,
      workers,
      error: undefined,
    }));

    const isCurrent = (): boolean => active.current === current;
    current.runner
      .run(scenario, {
        trials,
        seed,
        signal: current.controller.signal,
        onProgress: (done, total) => {
          if (isCurrent()) setState((s) => ({ ...s, done, total }));
        },
      })
      .then(
        (run) =>
          isCurrent() && setState({ status: 'done', done: trials, total: trials, workers, run }),
        (error: unknown) => isCurrent() && setState((s) => failed(s, error)),
      )
      .finally(() => {
        if (!isCurrent()) return;
        active.current = undefined;
        current.runner.dispose();
      });
  }, [cancel, scenario, trials, seed]);

  useEffect(() => {
    start();
    return cancel;
  }, [start, cancel]);

  return { state, start, cancel };
}

function failed(state: SimulationState, error: unknown): SimulationState {
  if (error instanceof RunCancelledError) return { ...state, status: 'cancelled' };

  const message = error instanceof Error ? error.message : String(error);
  return { ...state, status: 'failed', error: message };
}
