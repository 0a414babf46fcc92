import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { positionOf } from '../../src/app/state/edits';
import { autoLayout, NODE_WIDTH, withAutoLayout } from '../../src/app/state/layout';
import { DEFAULT_SCENARIO } from '../../src/app/state/store';

function bare(): ScenarioDoc {
  const { layout: _, ...doc } = DEFAULT_SCENARIO;
  return doc;
}

describe('automatic layout', () => {
  it('gives every component a distinct position', () => {
    const layout = autoLayout(bare());

    const positions = new Set(Object.values(layout).map(({ x, y }) => `${x},${y}`));
    expect(Object.keys(layout).sort()).toEqual(DEFAULT_SCENARIO.components.map((c) => c.id).sort());
    expect(positions.size).toBe(DEFAULT_SCENARIO.components.length);
  });

  it('places each caller to the left of what it calls', () => {
    const layout = autoLayout(bare());

    for (const { from, to } of DEFAULT_SCENARIO.dependencies ?? []) {
      expect(layout[from].x + NODE_WIDTH).toBeLessThanOrEqual(layout[to].x);
    }
  });

  it('lays out ids that plain objects treat specially', () => {
    const doc: ScenarioDoc = {
      ...bare(),
      components: [{ id: '__proto__' }, { id: 'constructor' }],
      dependencies: [{ from: '__proto__', to: 'constructor' }],
    };

    const laid = withAutoLayout(doc);

    expect(positionOf(laid, '__proto__')).toBeDefined();
    expect(positionOf(laid, 'constructor')).toBeDefined();
  });

  it('keeps a document whose components all have positions', () => {
    expect(withAutoLayout(DEFAULT_SCENARIO)).toBe(DEFAULT_SCENARIO);
  });
});
