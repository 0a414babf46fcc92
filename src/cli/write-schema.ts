import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Scenario } from '../engine';

/** Where the JSON Schema is shipped, so that editors can validate and complete scenario files. */
export const SCHEMA_FILE = fileURLToPath(
  new URL('../../public/scenario.schema.json', import.meta.url),
);

/**
 * The JSON Schema of scenario files, generated from the zod schema. It describes the input form
 * (defaults are optional), which is what people write.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Scenario, { io: 'input' });
  return {
    $schema,
    $id: 'urn:nines:scenario:1',
    title: 'Nines scenario, format version 1',
    ...rest,
  };
}

/** The schema file's text: pretty-printed, with a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

function main(): void {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
