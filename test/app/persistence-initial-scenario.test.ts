import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { initialScenario } from '../../src/app/persistence/initial-scenario';
import { shareHash } from '../../src/app/persistence/share-link';
import { DEFAULT_SCENARIO } from '../../src/app/state/store';

const linked: ScenarioDoc = { ...DEFAULT_SCENARIO, name: 'From a link' };
const saved: ScenarioDoc = { ...DEFAULT_SCENARIO, name: 'Saved work' };

describe('the scenario the app opens with', () => {
  it('is the shared link, even over saved work', () => {
    const start = initialScenario({
      hash: shareHash(linked),
      saved: JSON.stringify(saved),
      fallback: DEFAULT_SCENARIO,
    });

    expect(start).toEqual({ doc: linked, source: 'link' });
  });

  it('is the saved work without a link', () => {
    const start = initialScenario({
      hash: '',
      saved: JSON.stringify(saved),
      fallback: DEFAULT_SCENARIO,
    });

    expect(start).toEqual({ doc: saved, source: 'autosave' });
  });

  it('is the default scenario without either', () => {
    const start = initialScenario({ hash: '', saved: null, fallback: DEFAULT_SCENARIO });

    expect(start).toEqual({ doc: DEFAULT_SCENARIO, source: 'default' });
  });

  it('is the saved work, with the reason, when the link is broken', () => {
    const start = initialScenario({
      hash: '#s=garbage',
      saved: JSON.stringify(saved),
      fallback: DEFAULT_SCENARIO,
    });

    expect(start.source).toBe('autosave');
    expect(start.problem).toMatch(/link/);
  });

  it('is the default scenario when what was saved is not a scenario', () => {
    for (const text of ['{"nines": 1', '42', '{"hello": "world"}', 'null']) {
      const start = initialScenario({ hash: '', saved: text, fallback: DEFAULT_SCENARIO });

      expect(start.source).toBe('default');
    }
  });
});
