import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/engine';
import { positionOf } from '../../src/app/state/edits';
import { createEditorStore, DEFAULT_SCENARIO, type EditorStore } from '../../src/app/state/store';
import { shop } from './shop-fixture';

function ids(store: EditorStore): string[] {
  return store.getState().doc.components.map((c) => c.id);
}

const undo = (store: EditorStore) => store.temporal.getState().undo();
const redo = (store: EditorStore) => store.temporal.getState().redo();

describe('the editor store', () => {
  it('opens the default scenario, which is valid, when there is no browser', async () => {
    const { useEditor } = await import('../../src/app/state/store');

    expect(useEditor.getState().doc.name).toBe(DEFAULT_SCENARIO.name);
    expect(validateScenario(DEFAULT_SCENARIO).ok).toBe(true);
  });

  it('adds a component where it was dropped and returns its id', () => {
    const store = createEditorStore(shop());

    const id = store.getState().addComponent('cache', { x: 50, y: 60 });

    expect(id).toBe('cache');
    expect(ids(store)).toEqual(['app', 'payments', 'ledger', 'cache']);
    expect(positionOf(store.getState().doc, 'cache')).toEqual({ x: 50, y: 60 });
  });

  it('connects a caller to the component it calls', () => {
    const store = createEditorStore(shop());
    store.getState().addComponent('cache', { x: 0, y: 0 });

    expect(store.getState().connect('payments', 'cache')).toBe(true);
    expect(store.getState().doc.dependencies?.at(-1)).toEqual({ from: 'payments', to: 'cache' });
  });

  it('refuses a connection that closes a cycle, with an error naming the cycle', () => {
    const store = createEditorStore(shop());
    const before = store.getState().doc;

    expect(store.getState().connect('ledger', 'payments')).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notice).toEqual({
      tone: 'error',
      text: expect.stringContaining('ledger → payments → ledger'),
    });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('tells that a dependency exists already, as information', () => {
    const store = createEditorStore(shop());

    expect(store.getState().connect('app', 'payments')).toBe(false);
    expect(store.getState().notice?.tone).toBe('info');
  });

  it('edits a component', () => {
    const store = createEditorStore(shop());
    const ledger = store.getState().doc.components[2];

    store.getState().updateComponent('ledger', { ...ledger, name: 'Core ledger' });

    expect(store.getState().doc.components[2].name).toBe('Core ledger');
  });

  it('renames a component everywhere and keeps it selected', () => {
    const store = createEditorStore(shop());
    store.getState().select({ kind: 'component', id: 'payments' });

    store.getState().updateComponent('payments', { id: 'billing', kind: 'service' });

    expect(store.getState().doc.dependencies).toEqual([
      { from: 'app', to: 'billing' },
      { from: 'billing', to: 'ledger' },
    ]);
    expect(store.getState().selection).toEqual({ kind: 'component', id: 'billing' });
  });

  it('refuses to rename a component to an id that is taken, keeping the other changes', () => {
    const store = createEditorStore(shop());

    store.getState().updateComponent('payments', { id: 'ledger', name: 'Payments' });

    expect(ids(store)).toEqual(['app', 'payments', 'ledger']);
    expect(store.getState().doc.components[1]).toEqual({ id: 'payments', name: 'Payments' });
    expect(store.getState().notice?.text).toContain('"ledger"');
  });

  it('deletes a selected component with its dependencies', () => {
    const store = createEditorStore(shop());
    store.getState().select({ kind: 'component', id: 'payments' });

    store.getState().deleteSelection();

    expect(ids(store)).toEqual(['app', 'ledger']);
    expect(store.getState().doc).not.toHaveProperty('dependencies');
    expect(store.getState().selection).toBeNull();
  });

  it('deletes a selected dependency', () => {
    const store = createEditorStore(shop());
    store.getState().select({ kind: 'dependency', index: 1 });

    store.getState().deleteSelection();

    expect(store.getState().doc.dependencies).toEqual([{ from: 'app', to: 'payments' }]);
    expect(ids(store)).toHaveLength(3);
  });

  it('undoes and redoes each edit one step at a time', () => {
    const store = createEditorStore(shop());
    const original = store.getState().doc;
    store.getState().addComponent('cache', { x: 0, y: 0 });
    store.getState().moveComponent('cache', { x: 90, y: 90 });
    store.getState().setWindow('30d');

    undo(store);
    expect(store.getState().doc.window).toBe('28d');
    expect(positionOf(store.getState().doc, 'cache')).toEqual({ x: 90, y: 90 });

    undo(store);
    undo(store);
    expect(store.getState().doc).toBe(original);

    redo(store);
    expect(ids(store)).toContain('cache');
    expect(positionOf(store.getState().doc, 'cache')).toEqual({ x: 0, y: 0 });
  });

  it('counts undo and redo as changes of the document', () => {
    const store = createEditorStore(shop());
    store.getState().setWindow('30d');

    undo(store);
    redo(store);

    expect(store.getState().revision).toBe(3);
  });

  it('does not make selecting, highlighting or notices undo steps', () => {
    const store = createEditorStore(shop());

    store.getState().select({ kind: 'component', id: 'app' });
    store.getState().setHighlighted(['app']);
    store.getState().connect('ledger', 'app');
    store.getState().dismissNotice();

    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().revision).toBe(0);
  });

  it('clears a selection that an undo takes away', () => {
    const store = createEditorStore(shop());
    const id = store.getState().addComponent('queue', { x: 0, y: 0 });
    store.getState().select({ kind: 'component', id });

    undo(store);

    expect(store.getState().selection).toBeNull();
  });

  it('replaces the scenario as one undoable step, laying out one without positions', () => {
    const store = createEditorStore(shop());
    const { layout: _, ...bare } = shop();
    const opened = { ...bare, name: 'Opened' };

    store.getState().replaceScenario(opened);

    const doc = store.getState().doc;
    expect(doc.name).toBe('Opened');
    expect(doc.components.every((c) => positionOf(doc, c.id))).toBe(true);
    undo(store);
    expect(store.getState().doc.name).toBe('Shop');
  });

  it('keeps the undo history to its limit', () => {
    const store = createEditorStore(shop());

    for (let i = 0; i < 150; i++) store.getState().setRun({ trials: i + 1 });

    expect(store.temporal.getState().pastStates).toHaveLength(100);
  });
});
