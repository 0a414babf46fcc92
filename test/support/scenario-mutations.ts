import fc from 'fast-check';
import type { ScenarioDoc } from '../../src/engine/scenario/schema';
import { formatPath } from '../../src/engine/scenario/validate';
import { validScenario } from './scenario-arbitraries';

/**
 * Invalid scenario documents made by breaking one thing in a valid one, each with the JSON path
 * where the validator must report it (the problem may also be reported below that path).
 */
export interface BrokenScenario {
  kind: 'wrong type' | 'unknown key' | 'bad duration' | 'missing field';
  doc: unknown;
  path: string;
}

type Key = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Node {
  path: Key[];
  value: Json;
}

/** Every value in the document below the root, with its path. */
function nodes(value: Json, path: Key[] = []): Node[] {
  const children: [Key, Json][] = Array.isArray(value)
    ? value.map((child, i) => [i, child])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    { path: [...path, key], value: child },
    ...nodes(child, [...path, key]),
  ]);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Tags and event matches are free-form records: any key is allowed in them. */
function isRecord(path: Key[]): boolean {
  return path.some((key) => key === 'tags' || key === 'match' || key === 'layout');
}

/** A copy of `doc` with `change` applied to the object or array that holds `path`. */
function changed(doc: Json, path: Key[], change: (parent: Json, key: Key) => void): Json {
  const copy = structuredClone(doc);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as never)[key], copy);
  change(parent, path[path.length - 1]);
  return copy;
}

/** A value of another JSON type than `value`, which no field of the format accepts instead. */
function otherType(value: Json): Json {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return true;
  if (Array.isArray(value)) return 'a string';
  return [];
}

function wrongType(doc: Json): fc.Arbitrary<BrokenScenario> {
  return fc.constantFrom(...nodes(doc)).map(({ path, value }) => ({
    kind: 'wrong type',
    doc: changed(doc, path, (parent, key) => ((parent as never)[key] = otherType(value) as never)),
    path: formatPath(path),
  }));
}

function unknownKey(doc: Json): fc.Arbitrary<BrokenScenario> {
  const objects: Node[] = [{ path: [], value: doc }, ...nodes(doc)].filter(
    ({ path, value }) => isObject(value) && !isRecord(path),
  );
  return fc
    .tuple(fc.constantFrom(...objects), fc.constantFrom('zzTypo', 'mtbf_', 'Name', 'replica'))
    .map(([{ path }, key]) => ({
      kind: 'unknown key',
      doc: changed(doc, [...path, key], (parent) => ((parent as never)[key] = 1 as never)),
      path: formatPath([...path, key]),
    }));
}

const DURATION_KEYS = new Set<Key>(['window', 'mtbf', 'mttr', 'detect', 'switchover']);
const BAD_DURATIONS: Json[] = ['30 minutes', '-1h', '1h30m', '30', 'h', '1e3s', '', '30M', 30];

function badDuration(doc: Json): fc.Arbitrary<BrokenScenario> {
  const durations = nodes(doc).filter(({ path }) => DURATION_KEYS.has(path[path.length - 1]));
  return fc
    .tuple(fc.constantFrom(...durations), fc.constantFrom(...BAD_DURATIONS))
    .map(([{ path }, bad]) => ({
      kind: 'bad duration',
      doc: changed(doc, path, (parent, key) => ((parent as never)[key] = bad as never)),
      path: formatPath(path),
    }));
}

/** The keys an object at `path` cannot do without; a rate is reported on its process. */
function requiredKeys(path: Key[], value: { [key: string]: Json }): [Key, Key[]][] {
  const at = (key: Key): [Key, Key[]] => [key, [...path, key]];
  const kind = path.filter((key) => typeof key === 'string').join('.');
  const rate = ['mtbf', 'availability', 'deploysPerWeek'].filter((key) => key in value);
  switch (kind) {
    case '':
      return ['nines', 'name', 'window', 'components', 'journeys'].map(at);
    case 'components':
      return [at('id')];
    case 'components.failures':
    case 'events':
      return [at('name'), at('mttr'), ...rate.map((key): [Key, Key[]] => [key, path])];
    case 'components.replicas':
      return [at('count')];
    case 'dependencies':
      return [at('from'), at('to')];
    case 'journeys':
      return [at('id'), at('entry'), at('target')];
    default:
      return [];
  }
}

function missingField(doc: Json): fc.Arbitrary<BrokenScenario> {
  const objects: Node[] = [{ path: [], value: doc }, ...nodes(doc)].filter(({ value }) =>
    isObject(value),
  );
  const candidates = objects.flatMap(({ path, value }) =>
    requiredKeys(path, value as { [key: string]: Json }).map(([key, reportedAt]) => ({
      path: [...path, key],
      reportedAt,
    })),
  );
  return fc.constantFrom(...candidates).map(({ path, reportedAt }) => ({
    kind: 'missing field',
    doc: changed(doc, path, (parent, key) => delete (parent as never)[key]),
    path: formatPath(reportedAt),
  }));
}

/** A valid scenario with exactly one thing broken. */
export const brokenScenario: fc.Arbitrary<BrokenScenario> = validScenario.chain(
  (scenario: ScenarioDoc) => {
    const doc = scenario as unknown as Json;
    return fc.oneof(wrongType(doc), unknownKey(doc), badDuration(doc), missingField(doc));
  },
);

/** True when a problem reported at `reported` is at `expected` or inside it. */
export function isAtOrBelow(reported: string, expected: string): boolean {
  if (expected === '(document)') return true;
  if (reported === expected) return true;
  return reported.startsWith(`${expected}.`) || reported.startsWith(`${expected}[`);
}
