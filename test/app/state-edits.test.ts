import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioDoc } from '../../src/engine';
import { shop } from './shop-fixture';
import {
  addComponent,
  addEvent,
  addJourney,
  connect,
  moveComponent,
  positionOf,
  removeComponent,
  removeDependency,
  renameComponent,
  setRun,
  setScenarioInfo,
  uniqueName,
  updateComponent,
} from '../../src/app/state/edits';

function deepFrozen(doc: ScenarioDoc): ScenarioDoc {
  const freeze = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    Object.freeze(value);
    Object.values(value).forEach(freeze);
  };
  freeze(doc);
  return doc;
}

describe('adding a component', () => {
  it('names it after its kind, numbering it when the name is taken', () => {
    const first = addComponent(shop(), 'service', { x: 10, y: 20 });
    const second = addComponent(first.doc, 'service', { x: 30, y: 40 });

    expect([first.id, second.id]).toEqual(['service', 'service-2']);
    expect(second.doc.components.map((c) => c.id)).toContain('service');
  });

  it('gives it a failure mode and a position, so that the scenario stays valid', () => {
    const { doc, id } = addComponent(shop(), 'database', { x: 12.4, y: 80.6 });

    expect(doc.components.at(-1)?.failures).toHaveLength(1);
    expect(positionOf(doc, id)).toEqual({ x: 12, y: 81 });
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('leaves the document it was given unchanged', () => {
    const before = deepFrozen(shop());

    addComponent(before, 'cache', { x: 0, y: 0 });

    expect(before.components).toHaveLength(3);
  });
});

describe('connecting components', () => {
  it('adds a dependency from the caller to the component it calls', () => {
    const { doc } = addComponent(shop(), 'cache', { x: 0, y: 0 });

    const result = connect(doc, 'payments', 'cache');

    expect('doc' in result && result.doc.dependencies?.at(-1)).toEqual({
      from: 'payments',
      to: 'cache',
    });
  });

  it('refuses a dependency that closes a cycle and names the cycle', () => {
    expect(connect(shop(), 'ledger', 'app')).toEqual({
      cycle: ['ledger', 'app', 'payments', 'ledger'],
    });
  });

  it('refuses a component depending on itself', () => {
    expect(connect(shop(), 'ledger', 'ledger')).toEqual({ cycle: ['ledger', 'ledger'] });
  });

  it('refuses a dependency that exists already', () => {
    expect(connect(shop(), 'app', 'payments')).toEqual({
      duplicate: { from: 'app', to: 'payments' },
    });
  });

  it('refuses an unknown component', () => {
    expect(connect(shop(), 'app', 'nowhere')).toEqual({ unknown: 'nowhere' });
  });

  it('accepts a second path to the same component, which is no cycle', () => {
    expect('doc' in connect(shop(), 'app', 'ledger')).toBe(true);
  });
});

describe('renaming a component', () => {
  it('updates its dependencies, events, journeys and layout', () => {
    const doc = renameComponent(shop(), 'payments', 'billing');

    expect(doc.dependencies).toEqual([
      { from: 'app', to: 'billing' },
      { from: 'billing', to: 'ledger' },
    ]);
    expect(doc.events?.[1].components).toEqual(['billing', 'ledger']);
    expect(doc.journeys[0].entry).toBe('billing');
    expect(positionOf(doc, 'billing')).toEqual({ x: 200, y: 0 });
    expect(positionOf(doc, 'payments')).toBeUndefined();
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('happens when an update changes the id, keeping the component in its place', () => {
    const doc = updateComponent(shop(), 'payments', { id: 'billing', name: 'Billing' });

    expect(doc.components.map((c) => c.id)).toEqual(['app', 'billing', 'ledger']);
    expect(doc.components[1]).toEqual({ id: 'billing', name: 'Billing' });
    expect(doc.dependencies?.[0].to).toBe('billing');
  });
});

describe('removing', () => {
  it('removes a component with its dependencies, its layout and its place in events', () => {
    const doc = removeComponent(shop(), 'ledger');

    expect(doc.components.map((c) => c.id)).toEqual(['app', 'payments']);
    expect(doc.dependencies).toEqual([{ from: 'app', to: 'payments' }]);
    expect(doc.events?.map((e) => e.components)).toEqual([undefined, ['payments']]);
    expect(positionOf(doc, 'ledger')).toBeUndefined();
  });

  it('keeps a journey entering through a removed component, for validation to show', () => {
    const doc = removeComponent(shop(), 'payments');

    expect(doc.journeys).toEqual(shop().journeys);
    expect(validateScenario(doc).ok).toBe(false);
  });

  it('removes one dependency and drops the list when it is empty', () => {
    const once = removeDependency(shop(), 0);

    expect(once.dependencies).toEqual([{ from: 'payments', to: 'ledger' }]);
    expect(removeDependency(once, 0)).not.toHaveProperty('dependencies');
  });
});

describe('other edits', () => {
  it('adds an event and a journey that keep the scenario valid', () => {
    const doc = addJourney(addEvent(shop()));

    expect(doc.events?.at(-1)?.name).toBe('outage');
    expect(doc.journeys.at(-1)).toEqual({ id: 'journey', entry: 'app', target: '99.9%' });
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('removes a run setting given as undefined and the run block when it is empty', () => {
    const doc = setRun(shop(), { trials: 500, seed: 'x' });

    expect(doc.run).toEqual({ trials: 500, seed: 'x' });
    expect(setRun(doc, { seed: undefined }).run).toEqual({ trials: 500 });
    expect(setRun(doc, { trials: undefined, seed: undefined })).not.toHaveProperty('run');
  });

  it('removes an emptied description', () => {
    const doc = setScenarioInfo(shop(), { description: 'A shop' });

    expect(doc.description).toBe('A shop');
    expect(setScenarioInfo(doc, { description: '' })).not.toHaveProperty('description');
  });

  it('keeps an id such as __proto__ as a plain layout key', () => {
    const doc = moveComponent(shop(), '__proto__', { x: 1, y: 2 });

    expect(Object.getPrototypeOf(doc.layout)).toBe(Object.prototype);
    expect(positionOf(doc, '__proto__')).toEqual({ x: 1, y: 2 });
    expect(positionOf(shop(), 'constructor')).toBeUndefined();
  });

  it('numbers a taken name from 2', () => {
    expect(uniqueName('crash', ['crash', 'crash-2'])).toBe('crash-3');
  });
});

describe('moving a component', () => {
  it('is no change when it ends where it was', () => {
    const doc = shop();

    expect(moveComponent(doc, 'app', { x: 0.2, y: -0.3 })).toBe(doc);
  });
});
