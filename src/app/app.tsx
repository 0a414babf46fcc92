import { useEffect, useMemo, useState } from 'react';
import { Canvas } from './editor/canvas';
import { EventsPanel } from './panels/events-panel';
import { JourneysPanel } from './panels/journeys-panel';
import { ScenarioPanel } from './panels/scenario-panel';
import { SelectionPanel } from './panels/selection-panel';
import { startPersistence } from './persistence/start-persistence';
import { ResultsPlaceholder, ResultsView } from './results/results-view';
import { componentBurn } from './run/budget-burn';
import { RunPanel } from './run/run-panel';
import { scenarioKey } from './run/scenario-key';
import { useSimulation } from './run/use-simulation';
import { useEditor } from './state/store';
import { ImportProblems, Toolbar } from './toolbar';
import { useScenarioImport } from './use-scenario-import';
import { useUndoKeys } from './use-undo-keys';

const SIDE_TABS = ['Selection', 'Events', 'Journeys', 'Scenario'] as const;
type SideTab = (typeof SIDE_TABS)[number];

/**
 * The whole app: the scenario's commands, the graph editor with its side panels, the run
 * panel, and the results of the last run, marked stale once the scenario changes.
 */
export function App() {
  const simulation = useSimulation();
  const imports = useScenarioImport();
  const doc = useEditor((s) => s.doc);
  const select = useEditor((s) => s.select);
  const { run, key, workers, eventNames } = simulation.state;
  const burn = useMemo(() => (run ? componentBurn(run) : undefined), [run]);
  const stale = useMemo(() => key !== undefined && key !== scenarioKey(doc), [key, doc]);
  useUndoKeys();
  useEffect(() => startPersistence(useEditor), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Nines</h1>
        <p className="app-scenario" title={doc.description}>
          {doc.name}
        </p>
        <Toolbar onImportFile={imports.importFile} />
      </header>
      {imports.refusal && <ImportProblems refusal={imports.refusal} onDismiss={imports.dismiss} />}
      <main className="workspace">
        <div className="canvas-area">
          <Canvas burn={stale ? undefined : burn} />
        </div>
        <SidePanels />
      </main>
      <RunPanel simulation={simulation} />
      {run ? (
        <ResultsView
          run={run}
          stale={stale}
          workers={workers}
          eventNames={eventNames}
          onSelectComponent={(id) => select({ kind: 'component', id })}
        />
      ) : (
        <ResultsPlaceholder />
      )}
    </div>
  );
}

/** The side panels as tabs; selecting something on the canvas shows its panel. */
function SidePanels() {
  const [tab, setTab] = useState<SideTab>('Selection');
  const selection = useEditor((s) => s.selection);
  useEffect(() => {
    if (selection) setTab('Selection');
  }, [selection]);

  return (
    <aside className="side">
      <div className="side-tabs" role="tablist" aria-label="Panels">
        {SIDE_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" aria-label={tab}>
        {tab === 'Selection' && <SelectionPanel />}
        {tab === 'Events' && <EventsPanel />}
        {tab === 'Journeys' && <JourneysPanel />}
        {tab === 'Scenario' && <ScenarioPanel />}
      </div>
    </aside>
  );
}
