import { cleanup } from '@testing-library/react';
import type { ScenarioDoc } from '../../src/engine';
import { findComponent } from '../../src/app/state/edits';
import { useEditor } from '../../src/app/state/store';

/**
 * app → api → db: a replicated service in zone a, a database in zone b reached by 40 % of the
 * api's requests, an event hitting zone a and one journey.
 */
export function shop(): ScenarioDoc {
  return {
    nines: 1,
    name: 'Shop',
    window: '28d',
    components: [
      { id: 'app', kind: 'client' },
      {
        id: 'api',
        name: 'Shop API',
        kind: 'service',
        tags: { zone: 'a' },
        failures: [{ name: 'crash', mtbf: '999h', mttr: '1h' }],
        replicas: { count: 3, mode: 'active-active', needed: 2 },
      },
      {
        id: 'db',
        kind: 'database',
        tags: { zone: 'b' },
        failures: [{ name: 'crash', mtbf: '90d', mttr: '1h' }],
      },
    ],
    dependencies: [
      { from: 'app', to: 'api' },
      { from: 'api', to: 'db', impact: 0.4 },
    ],
    events: [{ name: 'zone a down', match: { zone: 'a' }, mtbf: '1y', mttr: '2h' }],
    journeys: [{ id: 'browse', entry: 'app', target: '99.9%' }],
    layout: { app: { x: 0, y: 0 }, api: { x: 220, y: 0 }, db: { x: 440, y: 0 } },
  };
}

/** Unmounts what the last test rendered and puts the app's store back to `shop()`. */
export function resetEditor(): void {
  cleanup();
  useEditor.getState().replaceScenario(shop());
  useEditor.setState({ selection: null, notice: null, highlighted: [] });
  useEditor.temporal.getState().clear();
}

/** The component with this id in the store's document. */
export function component(id: string) {
  return findComponent(useEditor.getState().doc, id);
}
