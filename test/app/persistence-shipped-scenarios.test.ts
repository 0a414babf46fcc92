import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../src/app/persistence/shipped-scenarios';

describe('the shipped scenarios menu', () => {
  it('lists every scenario file, by name', () => {
    const files = readdirSync(join(import.meta.dirname, '../../scenarios')).filter((f) =>
      f.endsWith('.json'),
    );

    expect(SHIPPED_SCENARIOS.map((s) => s.file).sort()).toEqual(files.sort());
    const names = SHIPPED_SCENARIOS.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('includes the default scenario', () => {
    const mobile = SHIPPED_SCENARIOS.find((s) => s.file === 'mobile-banking.json');

    expect(mobile?.doc.journeys).toHaveLength(4);
  });
});
