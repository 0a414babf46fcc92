import {
  cycleClosedBy,
  type ComponentDoc,
  type ComponentKind,
  type DependencyDoc,
  type JourneyDoc,
  type ScenarioDoc,
  type SharedEventDoc,
} from '../../engine';
import { removeAt, replaceAt, withoutKeys } from './objects';

/**
 * The editor's changes to a scenario as pure functions: each takes a document and returns a new
 * one, never mutating its input, so that undo can keep the old documents as they were. They
 * work on drafts that may be invalid; validation reports what is wrong.
 */

export interface Position {
  x: number;
  y: number;
}

/** What a new component of each kind starts with; a node is valid as soon as it is dropped. */
const DEFAULT_FAILURES: Partial<Record<ComponentKind, ComponentDoc['failures']>> = {
  gateway: [{ name: 'crash', mtbf: '30d', mttr: '30m' }],
  service: [{ name: 'crash', mtbf: '30d', mttr: '30m' }],
  database: [{ name: 'crash', mtbf: '90d', mttr: '1h' }],
  queue: [{ name: 'crash', mtbf: '90d', mttr: '30m' }],
  cache: [{ name: 'crash', mtbf: '30d', mttr: '15m' }],
  external: [{ name: 'outage', mtbf: '60d', mttr: '1h' }],
  network: [{ name: 'outage', mtbf: '180d', mttr: '30m' }],
};

/**
 * The first of `base`, `base-2`, `base-3`, … that `taken` does not contain.
 */
export function uniqueName(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The component with this id, if there is one. */
export function findComponent(doc: ScenarioDoc, id: string): ComponentDoc | undefined {
  return doc.components.find((c) => c.id === id);
}

/**
 * The saved canvas position of a component, if it has one. Ids such as `constructor` must not
 * find what every object inherits.
 */
export function positionOf(doc: ScenarioDoc, id: string): Position | undefined {
  const layout = doc.layout;
  return layout && Object.hasOwn(layout, id) ? layout[id] : undefined;
}

/**
 * Adds a component of `kind` at `position`, with an id made from the kind (`service`,
 * `service-2`, …) and a default failure mode. Returns the new document and the new id.
 */
export function addComponent(
  doc: ScenarioDoc,
  kind: ComponentKind,
  position: Position,
): { doc: ScenarioDoc; id: string } {
  const id = uniqueName(
    kind,
    doc.components.map((c) => c.id),
  );
  const failures = DEFAULT_FAILURES[kind];

  const component: ComponentDoc = { id, kind, ...(failures ? { failures } : {}) };
  const added = { ...doc, components: [...doc.components, component] };
  return { doc: moveComponent(added, id, position), id };
}

/** The outcome of connecting two components. */
export type ConnectResult =
  { doc: ScenarioDoc } | { cycle: string[] } | { duplicate: DependencyDoc } | { unknown: string };

/**
 * Adds the dependency `from → to` (the caller `from` calls `to`), unless one of the ids is
 * unknown, the dependency exists already, or it would close a cycle (including a component
 * calling itself), which is returned as the ids around it, e.g. `['a', 'b', 'a']`.
 */
export function connect(doc: ScenarioDoc, from: string, to: string): ConnectResult {
  const dependencies = doc.dependencies ?? [];
  const unknown = [from, to].find((id) => !findComponent(doc, id));
  const duplicate = dependencies.find((d) => d.from === from && d.to === to);
  const cycle = cycleClosedBy(dependencies, from, to);

  if (unknown !== undefined) return { unknown };
  if (duplicate) return { duplicate };
  if (cycle) return { cycle };
  return { doc: { ...doc, dependencies: [...dependencies, { from, to }] } };
}

/**
 * Removes a component together with its dependencies (both directions), its layout entry and
 * its id from events' `components` lists. Journeys entering through it are kept, so that
 * validation shows them as broken rather than losing them silently.
 */
export function removeComponent(doc: ScenarioDoc, id: string): ScenarioDoc {
  const dependencies = nonEmpty(doc.dependencies?.filter((d) => d.from !== id && d.to !== id));
  const events = doc.events?.map((event) => withoutEventTarget(event, id));

  return withOptional(
    { ...doc, components: doc.components.filter((c) => c.id !== id) },
    { dependencies, events, layout: doc.layout && withoutKeys(doc.layout, [id]) },
  );
}

function withoutEventTarget(event: SharedEventDoc, id: string): SharedEventDoc {
  if (!event.components?.includes(id)) return event;
  const components = event.components.filter((c) => c !== id);
  return withOptional(event, { components: nonEmpty(components) });
}

/**
 * Renames a component and every reference to it: dependencies, events, journeys and layout.
 * The caller makes sure that `to` is not already taken.
 */
export function renameComponent(doc: ScenarioDoc, from: string, to: string): ScenarioDoc {
  if (from === to) return doc;
  const rename = (id: string): string => (id === from ? to : id);

  const components = doc.components.map((c) => (c.id === from ? { ...c, id: to } : c));
  const dependencies = doc.dependencies?.map((d) => ({
    ...d,
    from: rename(d.from),
    to: rename(d.to),
  }));
  const events = doc.events?.map((e) =>
    e.components?.includes(from) ? { ...e, components: e.components.map(rename) } : e,
  );
  const journeys = doc.journeys.map((j) => (j.entry === from ? { ...j, entry: to } : j));
  const layout = doc.layout && renameKey(doc.layout, from, to);
  return withOptional({ ...doc, components, journeys }, { dependencies, events, layout });
}

/**
 * Replaces the component with id `id` by `component`; a different `component.id` renames it
 * and every reference to it (the caller makes sure the new id is not taken).
 */
export function updateComponent(
  doc: ScenarioDoc,
  id: string,
  component: ComponentDoc,
): ScenarioDoc {
  const index = doc.components.findIndex((c) => c.id === id);
  if (index < 0) return doc;

  const renamed = renameComponent(doc, id, component.id);
  return { ...renamed, components: replaceAt(renamed.components, index, component) };
}

/** Replaces the dependency at `index`. */
export function updateDependency(
  doc: ScenarioDoc,
  index: number,
  dependency: DependencyDoc,
): ScenarioDoc {
  return { ...doc, dependencies: replaceAt(doc.dependencies ?? [], index, dependency) };
}

/** Removes the dependency at `index`. */
export function removeDependency(doc: ScenarioDoc, index: number): ScenarioDoc {
  return withOptional(doc, { dependencies: removeAt(doc.dependencies ?? [], index) });
}

/**
 * Adds a shared event that hits nothing yet (an empty `components` list), with a unique name
 * and a once-a-year, two-hour outage, so that the scenario stays valid.
 */
export function addEvent(doc: ScenarioDoc): ScenarioDoc {
  const events = doc.events ?? [];
  const name = uniqueName(
    'outage',
    events.map((e) => e.name),
  );

  const event: SharedEventDoc = { name, components: [], mtbf: '1y', mttr: '2h' };
  return { ...doc, events: [...events, event] };
}

/** Replaces the event at `index`. */
export function updateEvent(doc: ScenarioDoc, index: number, event: SharedEventDoc): ScenarioDoc {
  return { ...doc, events: replaceAt(doc.events ?? [], index, event) };
}

/** Removes the event at `index`. */
export function removeEvent(doc: ScenarioDoc, index: number): ScenarioDoc {
  return withOptional(doc, { events: removeAt(doc.events ?? [], index) });
}

/**
 * Adds a journey with a unique id and a 99.9 % target, entering through the first client
 * component (or the first component when there is no client).
 */
export function addJourney(doc: ScenarioDoc): ScenarioDoc {
  const id = uniqueName(
    'journey',
    doc.journeys.map((j) => j.id),
  );
  const entry = (doc.components.find((c) => c.kind === 'client') ?? doc.components[0])?.id ?? '';

  const journey: JourneyDoc = { id, entry, target: '99.9%' };
  return { ...doc, journeys: [...doc.journeys, journey] };
}

/** Replaces the journey at `index`. */
export function updateJourney(doc: ScenarioDoc, index: number, journey: JourneyDoc): ScenarioDoc {
  return { ...doc, journeys: replaceAt(doc.journeys, index, journey) };
}

/** Removes the journey at `index`; `journeys` is required, so removing the last leaves `[]`. */
export function removeJourney(doc: ScenarioDoc, index: number): ScenarioDoc {
  return { ...doc, journeys: removeAt(doc.journeys, index) ?? [] };
}

/**
 * Changes the run settings. A key given as undefined is removed; the `run` block is dropped
 * when nothing is left in it.
 */
export function setRun(doc: ScenarioDoc, run: { trials?: number; seed?: string }): ScenarioDoc {
  const merged = withOptional(doc.run ?? {}, run);
  return withOptional(doc, { run: Object.keys(merged).length > 0 ? merged : undefined });
}

/** Changes the SLO compliance window, e.g. `"28d"`. */
export function setWindow(doc: ScenarioDoc, window: string): ScenarioDoc {
  return { ...doc, window };
}

/** Changes the scenario's name and description; an empty description is removed. */
export function setScenarioInfo(
  doc: ScenarioDoc,
  info: { name?: string; description?: string },
): ScenarioDoc {
  const name = info.name ?? doc.name;
  const description = 'description' in info ? info.description || undefined : doc.description;
  return withOptional({ ...doc, name }, { description });
}

/**
 * Stores a component's canvas position, rounded to whole pixels to keep files tidy; the same
 * document when the component did not move (a click is no edit to undo).
 */
export function moveComponent(doc: ScenarioDoc, id: string, position: Position): ScenarioDoc {
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  const old = positionOf(doc, id);

  if (old?.x === rounded.x && old.y === rounded.y) return doc;
  return { ...doc, layout: { ...doc.layout, [id]: rounded } };
}

/** Sets optional keys: a value replaces the key, undefined removes it. */
function withOptional<T extends object>(target: T, changes: { [K in keyof T]?: T[K] }): T {
  const result = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result as T;
}

/** The list, or undefined when it is empty, so that an optional key disappears. */
function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}
