import type { ComponentDoc, DependencyDoc, SharedEventDoc } from './schema';

/** Edges of a directed graph of component ids: caller → the components it calls. */
export type Edges = ReadonlyMap<string, readonly string[]>;

/**
 * A shortest path of component ids from `start` to `goal` (both included) along `edges`, or
 * null if there is none. A path from a node to itself is that node alone.
 */
export function pathBetween(edges: Edges, start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];

  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === goal) return trace(cameFrom, goal);
    for (const next of edges.get(node) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

function trace(cameFrom: ReadonlyMap<string, string>, goal: string): string[] {
  const path = [goal];
  for (let node = goal; cameFrom.get(node) !== node;) {
    node = cameFrom.get(node) as string;
    path.unshift(node);
  }
  return path;
}

/** The edges of a list of dependencies, in their order. */
export function dependencyEdges(dependencies: readonly DependencyDoc[]): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const { from, to } of dependencies) edges.set(from, [...(edges.get(from) ?? []), to]);
  return edges;
}

/**
 * The cycle that a new dependency `from → to` would close, as the component ids around it
 * starting and ending with `from` (e.g. `['payments', 'ledger', 'payments']`), or null when
 * the graph stays acyclic. A dependency of a component on itself is the cycle `[from, from]`.
 */
export function cycleClosedBy(
  dependencies: readonly DependencyDoc[],
  from: string,
  to: string,
): string[] | null {
  const back = pathBetween(dependencyEdges(dependencies), to, from);
  return back ? [from, ...back] : null;
}

/** The tags of each instance of a component: its own tags with the replica's merged over them. */
export function instanceTags(component: ComponentDoc): Record<string, string>[] {
  const count = component.replicas?.count ?? 1;
  return Array.from({ length: count }, (_, r) => ({
    ...component.tags,
    ...component.replicas?.tags?.[r],
  }));
}

/**
 * Whether a shared event hits an instance: the event lists its component, or the instance's
 * merged tags contain every key and value of the event's `match`.
 */
export function eventHitsInstance(
  event: SharedEventDoc,
  componentId: string,
  tags: Readonly<Record<string, string>>,
): boolean {
  if (event.components?.includes(componentId)) return true;
  if (event.match === undefined) return false;
  return Object.entries(event.match).every(
    ([key, value]) => Object.hasOwn(tags, key) && tags[key] === value,
  );
}

/**
 * The ids of the components with at least one instance that a shared event hits. It looks at
 * each distinct tag set once, so a draft's replica count (huge, negative) cannot stall it.
 */
export function componentsHitBy(
  event: SharedEventDoc,
  components: readonly ComponentDoc[],
): string[] {
  return components
    .filter((c) => distinctInstanceTags(c).some((tags) => eventHitsInstance(event, c.id, tags)))
    .map((c) => c.id);
}

/**
 * The tag sets that `instanceTags` gives a component, each once: those of the replicas with
 * tags of their own, and the component's alone when a replica has none. A count that is not a
 * positive integer counts as one instance.
 */
function distinctInstanceTags(component: ComponentDoc): Record<string, string>[] {
  const { replicas } = component;
  const count =
    replicas && Number.isInteger(replicas.count) && replicas.count >= 1 ? replicas.count : 1;
  const tagged = Math.min(count, replicas?.tags?.length ?? 0);
  return instanceTags({
    ...component,
    replicas: { ...replicas, count: count > tagged ? tagged + 1 : tagged },
  });
}
