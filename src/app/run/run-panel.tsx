import { DEFAULT_SEED, DEFAULT_TRIALS, formatProblem, runSettings } from '../../engine';
import { formatCount } from '../format';
import { NumberField, TextField } from '../panels/field';
import { useEditor } from '../state/store';
import { useValidation } from '../state/validation';
import { scenarioKey } from './scenario-key';
import type { Simulation, SimulationState } from './use-simulation';

/** How many problems the run panel lists before it only counts the rest. */
const LISTED_PROBLEMS = 5;

/**
 * Trials, seed and window (kept in the scenario), the Run and Cancel buttons, and the
 * progress streamed from the workers. An invalid scenario cannot be run; its problems are
 * listed here, and each is shown beside its field too.
 */
export function RunPanel({ simulation }: { simulation: Simulation }) {
  const doc = useEditor((s) => s.doc);
  const setRun = useEditor((s) => s.setRun);
  const setWindow = useEditor((s) => s.setWindow);
  const validation = useValidation();
  const { state, start, cancel } = simulation;
  const running = state.status === 'running';

  const run = (): void => {
    if (!validation.ok) return;
    const { trials, seed } = runSettings(validation.scenario);
    start({ scenario: validation.scenario, trials, seed, key: scenarioKey(doc) });
  };

  return (
    <section className="run-panel" aria-label="Run">
      <div className="run-fields">
        <NumberField
          label="Trials"
          path={['run', 'trials']}
          value={doc.run?.trials}
          placeholder={String(DEFAULT_TRIALS)}
          onChange={(trials) => setRun({ trials })}
        />
        <TextField
          label="Seed"
          path={['run', 'seed']}
          optional
          value={doc.run?.seed}
          placeholder={DEFAULT_SEED}
          onChange={(seed) => setRun({ seed })}
        />
        <TextField
          label="Window"
          path={['window']}
          value={doc.window}
          onChange={(window) => setWindow(window ?? '')}
        />
      </div>
      <div className="run-controls">
        <button type="button" className="primary" onClick={run} disabled={!validation.ok}>
          Run simulation
        </button>
        <button type="button" onClick={cancel} disabled={!running}>
          Cancel
        </button>
        <progress aria-label="Simulation progress" value={state.done} max={state.total || 1} />
        <span className="run-count">
          {formatCount(state.done)} / {formatCount(state.total)} trials
        </span>
      </div>
      <p role="status" className={state.status === 'failed' ? 'error' : 'run-status'}>
        {statusText(state)}
      </p>
      {!validation.ok && (
        <div className="run-problems" role="alert">
          <p>
            The scenario has {countOf(validation.problems.length, 'problem')}, so it cannot be run.
            Your work is kept; fix them here or beside their fields:
          </p>
          <ul>
            {validation.problems.slice(0, LISTED_PROBLEMS).map((p) => (
              <li key={`${p.path}:${p.message}`}>{formatProblem(p)}</li>
            ))}
          </ul>
          {validation.problems.length > LISTED_PROBLEMS && (
            <p>and {countOf(validation.problems.length - LISTED_PROBLEMS, 'more')}.</p>
          )}
        </div>
      )}
    </section>
  );
}

function countOf(n: number, noun: string): string {
  return noun === 'more' ? `${n} more` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function statusText(state: SimulationState): string {
  switch (state.status) {
    case 'idle':
      return 'Ready: press Run simulation.';
    case 'running':
      return `Running in ${countOf(state.workers, 'Web Worker')}…`;
    case 'done':
      return `Done: ${formatCount(state.total)} trials in ${formatSeconds(state.run?.elapsedMs)}.`;
    case 'cancelled':
      return 'Cancelled.';
    case 'failed':
      return `The run failed: ${state.error}`;
  }
}

function formatSeconds(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
}
