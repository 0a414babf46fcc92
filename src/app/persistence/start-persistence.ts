import type { EditorStore } from '../state/store';
import { browserStorage, startAutosave } from './autosave';
import { isShareHash, readShareHash } from './share-link';

/**
 * Keeps the work safe in a browser page: saves the scenario as it changes, and opens a
 * scenario link pasted into the address bar of the open page. The link the page was opened
 * with is read by the store; its hash is removed here so that a reload restores the autosave
 * (the link's scenario and any edits since) rather than the link again. Returns a function
 * that stops both.
 */
export function startPersistence(store: EditorStore): () => void {
  const stopAutosave = startAutosave(store, browserStorage());
  const openLink = (): void => {
    const shared = readShareHash(window.location.hash);
    if (shared === null) return;

    clearHash();
    if ('doc' in shared) store.getState().replaceScenario(shared.doc);
    else store.setState({ notice: { tone: 'error', text: shared.problem } });
  };

  clearHash();
  window.addEventListener('hashchange', openLink);
  return () => {
    window.removeEventListener('hashchange', openLink);
    stopAutosave();
  };
}

function clearHash(): void {
  if (!isShareHash(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
}
