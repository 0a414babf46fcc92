// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { AUTOSAVE_KEY } from '../../src/app/persistence/autosave';
import { shareHash } from '../../src/app/persistence/share-link';
import { startPersistence } from '../../src/app/persistence/start-persistence';
import { createEditorStore, DEFAULT_SCENARIO } from '../../src/app/state/store';

const linked: ScenarioDoc = { ...DEFAULT_SCENARIO, name: 'From a link' };
const saved: ScenarioDoc = { ...DEFAULT_SCENARIO, name: 'Saved work' };

async function freshEditor() {
  vi.resetModules();
  return (await import('../../src/app/state/store')).useEditor;
}

describe('opening the app in a browser', () => {
  afterEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('opens a shared link over saved work', async () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(saved));
    location.hash = shareHash(linked);

    const editor = await freshEditor();

    expect(editor.getState().doc).toEqual(linked);
  });

  it('restores saved work after a reload, also when it was opened from a link', async () => {
    location.hash = shareHash(linked);
    const first = await freshEditor();
    const stop = startPersistence(first);
    first.getState().setWindow('7d');
    stop();

    const reloaded = await freshEditor();

    expect(location.hash).toBe('');
    expect(reloaded.getState().doc).toEqual({ ...linked, window: '7d' });
  });

  it('says why a broken link was not opened', async () => {
    location.hash = '#s=broken';

    const editor = await freshEditor();

    expect(editor.getState().doc).toEqual(DEFAULT_SCENARIO);
    expect(editor.getState().notice?.tone).toBe('error');
  });

  it('opens a link pasted into the address of the open page, as an undoable step', async () => {
    const store = createEditorStore(DEFAULT_SCENARIO);
    const stop = startPersistence(store);

    location.hash = shareHash(linked);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    stop();

    expect(store.getState().doc).toEqual(linked);
    expect(location.hash).toBe('');
    store.temporal.getState().undo();
    expect(store.getState().doc).toBe(DEFAULT_SCENARIO);
  });
});
