import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../src/cli/write-schema';

describe('the shipped JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` when this fails)', () => {
    const shipped = readFileSync(SCHEMA_FILE, 'utf8');

    expect(JSON.parse(shipped)).toEqual(scenarioJsonSchema());
    expect(shipped).toBe(scenarioJsonSchemaText());
  });

  it('identifies itself and closes every object against unknown keys', () => {
    const schema = scenarioJsonSchema();
    const component = (schema.properties as Record<string, { items: object }>).components.items;

    expect(schema).toMatchObject({
      $id: 'urn:nines:scenario:1',
      title: 'Nines scenario, format version 1',
      additionalProperties: false,
      required: expect.arrayContaining(['nines', 'name', 'window', 'components', 'journeys']),
    });
    expect(component).toMatchObject({ additionalProperties: false });
  });

  it('allows a $schema key so that files can point editors at it', () => {
    const properties = scenarioJsonSchema().properties as Record<string, unknown>;

    expect(properties.$schema).toMatchObject({ type: 'string' });
  });
});
