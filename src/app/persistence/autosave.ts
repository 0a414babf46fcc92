import type { ScenarioDoc } from '../../engine';
import type { EditorStore } from '../state/store';

/** Where the current scenario is kept in the browser. */
export const AUTOSAVE_KEY = 'nines.scenario.v1';

/** How long typing may pause before the scenario is saved. */
export const AUTOSAVE_DELAY_MS = 400;

/** The part of the Web Storage API that autosave uses. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The page's local storage, or a storage that keeps nothing where the browser refuses access
 * (some privacy settings make even reading `localStorage` throw).
 */
export function browserStorage(): DraftStorage {
  return quietly(() => window.localStorage) ?? { getItem: () => null, setItem: () => undefined };
}

/** The text of the saved draft (see `initialScenario`), or null when there is none. */
export function readAutosave(storage: DraftStorage): string | null {
  return quietly(() => storage.getItem(AUTOSAVE_KEY)) ?? null;
}

/** Saves a draft, valid or not: it is the user's work. */
function writeAutosave(storage: DraftStorage, doc: ScenarioDoc): void {
  // A full or disabled storage (private browsing) must not break editing; the work stays here.
  quietly(() => storage.setItem(AUTOSAVE_KEY, JSON.stringify(doc)));
}

/**
 * Saves the store's scenario now and then whenever it changes, at most once per pause of
 * `delay` milliseconds, and when the page is hidden or closed. Returns a function that
 * saves what is pending and stops.
 */
export function startAutosave(
  store: EditorStore,
  storage: DraftStorage,
  delay = AUTOSAVE_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    writeAutosave(storage, store.getState().doc);
  };
  const flush = (): void => {
    if (timer !== undefined) save();
  };

  save();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  });
  globalThis.addEventListener?.('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', flush);
  };
}

function quietly<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
