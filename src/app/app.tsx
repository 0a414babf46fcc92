import scenarioFile from '../../scenarios/mobile-banking.json';
import { type ScenarioDoc, formatProblem, validateScenario } from '../engine';
import { formatCount } from './format';
import { ResultsTable } from './results-table';
import { useSimulation, type SimulationState } from './use-simulation';

/** Used when the scenario has no `run` block, as on the command line. */
const DEFAULT_TRIALS = 10_000;
const DEFAULT_SEED = '1';

const checked = validateScenario(scenarioFile);

/** The minimal page: what Nines is, then the default scenario run in Web Workers. */
export function App() {
  return (
    <main>
      <h1>Nines</h1>
      <p className="lead">
        Nines is a Monte Carlo failure-scenario simulator for SLO engineering. It simulates many
        compliance windows of a service’s dependency graph, with failures, repairs, replicas,
        failovers and shared outages, and shows how likely each user journey is to meet its SLO and
        how much error budget is left. This page runs the default scenario in Web Workers; the graph
        editor and charts come later.
      </p>
      {checked.ok ? (
        <ScenarioRun scenario={checked.scenario} />
      ) : (
        <InvalidScenario name={scenarioFile.name} problems={checked.problems.map(formatProblem)} />
      )}
    </main>
  );
}

function ScenarioRun({ scenario }: { scenario: ScenarioDoc }) {
  const trials = scenario.run?.trials ?? DEFAULT_TRIALS;
  const seed = scenario.run?.seed ?? DEFAULT_SEED;
  const { state, start, cancel } = useSimulation(scenario, trials, seed);
  const running = state.status === 'running';

  return (
    <>
      <section aria-labelledby="scenario-heading">
        <h2 id="scenario-heading">Scenario: {scenario.name}</h2>
        {scenario.description && <p>{scenario.description}</p>}
        <p>
          {formatCount(trials)} trials of a {scenario.window} window, seed “{seed}”.
        </p>
        <div className="controls">
          <button type="button" onClick={start} disabled={running}>
            Run simulation
          </button>
          <button type="button" onClick={cancel} disabled={!running}>
            Cancel
          </button>
          <progress aria-label="Simulation progress" value={state.done} max={state.total} />
          <span>
            {formatCount(state.done)} / {formatCount(state.total)} trials
          </span>
        </div>
        <p role="status" className={state.status === 'failed' ? 'error' : undefined}>
          {statusText(state)}
        </p>
      </section>
      {state.run && <ResultsTable run={state.run} workers={state.workers} />}
    </>
  );
}

function statusText(state: SimulationState): string {
  switch (state.status) {
    case 'idle':
      return 'Ready.';
    case 'running':
      return `Running in ${state.workers} Web Worker${state.workers === 1 ? '' : 's'}…`;
    case 'done':
      return 'Done.';
    case 'cancelled':
      return 'Cancelled.';
    case 'failed':
      return `The run failed: ${state.error}`;
  }
}

function InvalidScenario({ name, problems }: { name: string; problems: string[] }) {
  return (
    <section aria-labelledby="scenario-heading">
      <h2 id="scenario-heading">Scenario: {name}</h2>
      <p className="error">This scenario is not valid, so it cannot be run:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </section>
  );
}
