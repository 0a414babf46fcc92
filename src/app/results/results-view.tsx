import { useMemo, useState, type KeyboardEvent } from 'react';
import type { JourneyRun, Run } from '../../engine';
import { AttainmentChart } from './attainment-chart';
import { BudgetChart } from './budget-chart';
import { BurnChart } from './burn-chart';
import { eventSources } from './chart-data';
import { downloadText, fileName } from './chart-export';
import './results.css';
import { trialSummaryCsv } from './summary-csv';
import { SummaryTable } from './summary-table';
import { WorstWindowChart } from './worst-window';

interface ResultsViewProps {
  run: Run;
  /** The scenario was edited since this run: its results are no longer current. */
  stale: boolean;
  /** Workers the run used, shown with its speed. */
  workers?: number;
  /** Names of the shared events of the scenario that ran, to tell them from components. */
  eventNames?: readonly string[];
  /** Called with a component's id when it is chosen in a chart. */
  onSelectComponent?: (id: string) => void;
}

/**
 * The results of a run: the summary table of every journey, a CSV download, then the charts of
 * one journey at a time (chosen with tabs), under a banner when the scenario changed since.
 */
export function ResultsView({
  run,
  stale,
  workers,
  eventNames,
  onSelectComponent,
}: ResultsViewProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const events = useMemo(() => eventSources(run, eventNames), [run, eventNames]);
  const journey = run.journeys.find((j) => j.id === chosen) ?? run.journeys[0];
  const download = () =>
    downloadText(trialSummaryCsv(run), fileName([run.scenario, run.seed, 'summary'], 'csv'));

  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="results-header">
        <h2 id="results-heading">Results</h2>
        <button type="button" onClick={download}>
          Download CSV
        </button>
      </div>
      {stale && (
        <p className="results-stale">
          The scenario changed since this run; press Run for current results.
        </p>
      )}
      <div className={stale ? 'results-body is-stale' : 'results-body'}>
        <SummaryTable run={run} workers={workers} />
        {journey && (
          <>
            <JourneyTabs journeys={run.journeys} current={journey.id} onChoose={setChosen} />
            <div
              className="journey-charts"
              role="tabpanel"
              id="journey-charts"
              aria-labelledby={`journey-tab-${journey.id}`}
            >
              <AttainmentChart journey={journey} window={run.window} trials={run.trials} />
              <BudgetChart journey={journey} window={run.window} trials={run.trials} />
              <BurnChart journey={journey} events={events} onSelectComponent={onSelectComponent} />
              <WorstWindowChart
                journey={journey}
                window={run.window}
                onSelectComponent={onSelectComponent}
              />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

interface JourneyTabsProps {
  journeys: JourneyRun[];
  current: string;
  onChoose: (id: string) => void;
}

/** One tab per journey; arrow keys move between them, as in every tab list. */
function JourneyTabs({ journeys, current, onChoose }: JourneyTabsProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const index = journeys.findIndex((j) => j.id === current);
    const next = (index + step + journeys.length) % journeys.length;
    onChoose(journeys[next].id);
    (e.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div
      className="journey-tabs"
      role="tablist"
      aria-label="Charts of journey"
      onKeyDown={onKeyDown}
    >
      {journeys.map((j) => (
        <button
          key={j.id}
          type="button"
          role="tab"
          id={`journey-tab-${j.id}`}
          aria-selected={j.id === current}
          aria-controls="journey-charts"
          tabIndex={j.id === current ? 0 : -1}
          onClick={() => onChoose(j.id)}
        >
          {j.name}
        </button>
      ))}
    </div>
  );
}

/** The results area before any run: what will appear there once Run is pressed. */
export function ResultsPlaceholder() {
  return (
    <section className="results results-empty" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <p>
        No results yet. Press <strong>Run simulation</strong> to simulate the scenario. Here will
        appear a table of every journey (its target, mean attainment, the chance of meeting the
        target and the error budget left), then for each journey the charts: attainment over the
        simulated windows against the target, the error budget remaining, which components and
        events burn the budget, and the worst window as a timeline.
      </p>
    </section>
  );
}
