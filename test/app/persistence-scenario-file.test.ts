import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioDoc } from '../../src/engine';
import {
  exportScenarioText,
  importScenarioFile,
  importScenarioText,
  MAX_SCENARIO_BYTES,
  scenarioFileName,
} from '../../src/app/persistence/scenario-file';
import { createEditorStore, DEFAULT_SCENARIO } from '../../src/app/state/store';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

function small(): ScenarioDoc {
  return {
    nines: 1,
    name: 'Small',
    window: '28d',
    components: [{ id: 'app', failures: [{ name: 'crash', mtbf: '30d', mttr: '30m' }] }],
    journeys: [{ id: 'use', entry: 'app', target: '99.9%' }],
  };
}

describe('importing a scenario file', () => {
  it('reads a valid file', () => {
    const result = importScenarioText(JSON.stringify(small()));

    expect(result).toEqual({ ok: true, doc: small() });
  });

  it('reports broken JSON with its line and column', () => {
    const result = importScenarioText('{\n  "nines": 1,\n  "name": "x",\n}');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/line 4, column 1/);
  });

  it('reports an invalid scenario at the path of each problem', () => {
    const doc = { ...small(), window: '4 weeks' };

    const result = importScenarioText(JSON.stringify(doc));

    expect(!result.ok && result.problems).toEqual([
      { path: 'window', message: 'expected a duration such as "30m"' },
    ]);
  });

  it('keeps the work in the editor when the file is not valid', () => {
    const store = createEditorStore(small());
    const before = store.getState().doc;

    const result = importScenarioText('{"nines": 1, "components": []}');
    if (result.ok) store.getState().replaceScenario(result.doc);

    expect(result.ok).toBe(false);
    expect(store.getState().doc).toBe(before);
  });

  it('keeps markup in a name as plain text', () => {
    const result = importScenarioText(JSON.stringify({ ...small(), name: HOSTILE_NAME }));

    expect(result.ok && result.doc.name).toBe(HOSTILE_NAME);
  });

  it('lets no __proto__ key change what objects inherit', () => {
    const text = JSON.stringify(small()).replace(
      '{"nines":1,',
      '{"__proto__":{"polluted":true},"nines":1,',
    );
    const tagged = JSON.stringify({
      ...small(),
      components: [{ id: 'app', tags: { constructor: 'x' } }],
    }).replace('"constructor":"x"', '"__proto__":"x"');

    const results = [importScenarioText(text), importScenarioText(tagged)];
    const store = createEditorStore(small());
    for (const result of results) if (result.ok) store.getState().replaceScenario(result.doc);

    expect(results[0]).toEqual({
      ok: false,
      problems: [{ path: '__proto__', message: 'unknown key (check the spelling)' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(store.getState().doc)).toBe(Object.prototype);
  });

  it('refuses a file too large to be a scenario without reading it', async () => {
    const huge = { size: MAX_SCENARIO_BYTES + 1, text: () => Promise.reject(new Error('read')) };

    const result = await importScenarioFile(huge as unknown as Blob);

    expect(!result.ok && result.problems[0].path).toBe('(document)');
  });
});

describe('exporting a scenario', () => {
  it('writes JSON that validates and imports as the same document', () => {
    const text = exportScenarioText(DEFAULT_SCENARIO);

    expect(validateScenario(JSON.parse(text)).ok).toBe(true);
    expect(importScenarioText(text)).toEqual({ ok: true, doc: DEFAULT_SCENARIO });
  });

  it('names the file after the scenario', () => {
    expect(scenarioFileName(DEFAULT_SCENARIO)).toBe('mobile-banking-platform.json');
    expect(scenarioFileName({ ...small(), name: HOSTILE_NAME })).toBe(
      'img-src-x-onerror-alert-1.json',
    );
    expect(scenarioFileName({ ...small(), name: '✓' })).toBe('scenario.json');
  });
});
