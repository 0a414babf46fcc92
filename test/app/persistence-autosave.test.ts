import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import {
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_KEY,
  readAutosave,
  startAutosave,
  type DraftStorage,
} from '../../src/app/persistence/autosave';
import { initialScenario } from '../../src/app/persistence/initial-scenario';
import { createEditorStore, DEFAULT_SCENARIO } from '../../src/app/state/store';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  writes = 0;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, value);
  }
}

function restored(storage: DraftStorage): ScenarioDoc {
  return initialScenario({ hash: '', saved: readAutosave(storage), fallback: DEFAULT_SCENARIO })
    .doc;
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restores the scenario as it was edited', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore(DEFAULT_SCENARIO);
    const stop = startAutosave(store, storage);

    store.getState().addComponent('cache', { x: 5, y: 5 });
    store.getState().setWindow('30d');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    stop();

    expect(restored(storage)).toEqual(store.getState().doc);
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(true);
  });

  it('saves once per pause in typing', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore(DEFAULT_SCENARIO);
    startAutosave(store, storage);
    const atStart = storage.writes;

    for (const name of ['M', 'My', 'My s']) store.getState().setScenarioInfo({ name });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);

    expect(storage.writes - atStart).toBe(1);
    expect(restored(storage).name).toBe('My s');
  });

  it('saves what is pending when it stops', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore(DEFAULT_SCENARIO);
    const stop = startAutosave(store, storage);

    store.getState().setWindow('7d');
    stop();

    expect(restored(storage).window).toBe('7d');
  });

  it('restores an invalid draft, since it is the user’s work', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore(DEFAULT_SCENARIO);
    const stop = startAutosave(store, storage);

    store.getState().setWindow('');
    stop();

    expect(restored(storage).window).toBe('');
  });

  it('keeps editing when the storage refuses to save', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = createEditorStore(DEFAULT_SCENARIO);
    const stop = startAutosave(store, full);

    store.getState().setWindow('7d');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);

    expect(stop).not.toThrow();
    expect(store.getState().doc.window).toBe('7d');
  });
});
