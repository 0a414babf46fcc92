/// <reference types="vite/client" />
import { validateScenario, type ScenarioDoc } from '../../engine';

/** A scenario file shipped in `scenarios/`. */
export interface ShippedScenario {
  /** The file name, such as `mobile-banking.json`. */
  file: string;
  name: string;
  doc: ScenarioDoc;
}

const modules = import.meta.glob<unknown>('../../../scenarios/*.json', {
  eager: true,
  import: 'default',
});

/** The shipped scenarios, sorted by name, as the menu lists them. */
export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = Object.entries(modules)
  .flatMap(([path, json]) => {
    const checked = validateScenario(json);
    const file = path.slice(path.lastIndexOf('/') + 1);
    return checked.ok ? [{ file, name: checked.scenario.name, doc: checked.scenario }] : [];
  })
  .sort((a, b) => a.name.localeCompare(b.name));
