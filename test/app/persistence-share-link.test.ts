import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { readShareHash, shareHash, shareUrl } from '../../src/app/persistence/share-link';
import { DEFAULT_SCENARIO } from '../../src/app/state/store';

describe('a share link', () => {
  it('carries exactly the scenario', () => {
    const hash = shareHash(DEFAULT_SCENARIO);

    expect(readShareHash(hash)).toEqual({ doc: DEFAULT_SCENARIO });
  });

  it('carries an invalid draft as it is', () => {
    const draft: ScenarioDoc = { ...DEFAULT_SCENARIO, window: 'soon', name: '<b>x</b>' };

    expect(readShareHash(shareHash(draft))).toEqual({ doc: draft });
  });

  it('is shorter than the JSON and uses only characters safe in an address', () => {
    const hash = shareHash(DEFAULT_SCENARIO);

    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(DEFAULT_SCENARIO).length);
  });

  it('replaces the hash of the page address', () => {
    const url = shareUrl(DEFAULT_SCENARIO, 'http://127.0.0.1:5173/app/#s=old');

    expect(url).toBe(`http://127.0.0.1:5173/app/${shareHash(DEFAULT_SCENARIO)}`);
  });

  it('shares nothing without an s= hash', () => {
    expect(readShareHash('')).toBeNull();
    expect(readShareHash('#results')).toBeNull();
  });

  it('reports a link that is cut short or holds something else', () => {
    const hash = shareHash(DEFAULT_SCENARIO);
    const other = `#s=${encodeURIComponent('{"hello": "world"}')}`;

    expect(readShareHash(hash.slice(0, hash.length / 2))).toHaveProperty('problem');
    expect(readShareHash('#s=not-a-scenario')).toHaveProperty('problem');
    expect(readShareHash(other)).toHaveProperty('problem');
  });
});
