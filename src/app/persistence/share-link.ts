import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { ScenarioDoc } from '../../engine';
import { parseDraft } from './draft';

const PREFIX = '#s=';

/** What a location hash holds: no shared scenario, a scenario, or a link that is broken. */
export type SharedScenario = { doc: ScenarioDoc } | { problem: string } | null;

/** Whether a location hash carries a scenario (readable or not), without decoding it. */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/** The location hash that carries a scenario: `#s=` and the compressed JSON. */
export function shareHash(doc: ScenarioDoc): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(doc));
}

/** The address of the page `href` (its hash replaced) that opens exactly `doc`. */
export function shareUrl(doc: ScenarioDoc, href: string): string {
  return href.replace(/#.*$/, '') + shareHash(doc);
}

/**
 * Reads the scenario in a location hash such as `#s=N4Ig…`. A hash without `s=` shares
 * nothing (null); one whose content cannot be read gives the problem to show.
 */
export function readShareHash(hash: string): SharedScenario {
  if (!isShareHash(hash)) return null;

  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  const doc = text ? parseDraft(text) : null;
  return doc ? { doc } : { problem: 'The link does not hold a scenario (is it complete?).' };
}
