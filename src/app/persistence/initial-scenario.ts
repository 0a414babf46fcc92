import type { ScenarioDoc } from '../../engine';
import { parseDraft } from './draft';
import { readShareHash } from './share-link';

/** Where the scenario the app opens with came from. */
export type ScenarioSource = 'link' | 'autosave' | 'default';

export interface InitialScenario {
  doc: ScenarioDoc;
  source: ScenarioSource;
  /** Why a shared link in the address was not opened, if it was not. */
  problem?: string;
}

/**
 * Chooses the scenario to open with: a shared link in the location hash (opening a link shows
 * exactly it, even over work saved before), else the autosaved draft, else `fallback`.
 * `saved` is the autosave's raw text, or null.
 */
export function initialScenario(input: {
  hash: string;
  saved: string | null;
  fallback: ScenarioDoc;
}): InitialScenario {
  const shared = readShareHash(input.hash);
  const saved = input.saved ? parseDraft(input.saved) : null;
  const problem = shared && 'problem' in shared ? { problem: shared.problem } : {};

  if (shared && 'doc' in shared) return { doc: shared.doc, source: 'link' };
  if (saved) return { doc: saved, source: 'autosave', ...problem };
  return { doc: input.fallback, source: 'default', ...problem };
}
