import { COMBINE_ACTIVE, COMBINE_FAILOVER, COMBINE_NONE, type Model } from '../model/types';
import { Bdd, TRUE } from './bdd';

/**
 * The structure function of a binary journey as a decision diagram: true exactly when the
 * journey's entry is up, over one variable per shared event and one per instance (standing for
 * all of that instance's own failure modes at once, which no other instance shares). Events come
 * first in the variable order, then instances in depth-first order from the entry, so that each
 * alternative's instances sit together.
 */
export interface StructureDiagram {
  bdd: Bdd;
  /** The node of the entry's function. */
  root: number;
  /** The probability that each variable is true (up), by variable level. */
  up: Float64Array;
}

/** Builds journey j's structure function; `reached` masks the components it reaches. */
export function structureDiagram(
  model: Model,
  j: number,
  reached: Uint8Array,
  bdd: Bdd,
): StructureDiagram {
  const { events, instances, up } = variables(model, j);

  const instanceFunction = (i: number): number => {
    let f = instances.has(i) ? bdd.variable(instances.get(i)!) : TRUE;
    const { processStart, processes } = model.instances;
    for (let q = processStart[i]; q < processStart[i + 1]; q++) {
      const level = events.get(processes[q]);
      if (level !== undefined) f = bdd.and(f, bdd.variable(level));
    }
    return f;
  };
  const componentFunction = componentFunctions(model, reached, bdd, instanceFunction);

  return { bdd, root: componentFunction[model.journeys[j].entry], up: Float64Array.from(up) };
}

interface Variables {
  /** Variable level of each event process the journey reaches. */
  events: Map<number, number>;
  /** Variable level of each reached instance that has failure modes of its own. */
  instances: Map<number, number>;
  up: number[];
}

function variables(model: Model, j: number): Variables {
  const { processes, instances } = model;
  const { instanceStart } = model.components;
  const journeys = model.journeys.length;
  const result: Variables = { events: new Map(), instances: new Map(), up: [] };

  for (let p = 0; p < processes.count; p++) {
    if (processes.event[p] < 0 || processes.reaches[p * journeys + j] === 0) continue;
    result.events.set(p, result.up.length);
    result.up.push(processes.availability[p]);
  }
  for (const c of depthFirst(model, model.journeys[j].entry)) {
    for (let i = instanceStart[c]; i < instanceStart[c + 1]; i++) {
      let up = 1;
      let own = false;
      for (let q = instances.processStart[i]; q < instances.processStart[i + 1]; q++) {
        const p = instances.processes[q];
        if (processes.event[p] >= 0) continue;
        up *= processes.availability[p];
        own = true;
      }
      if (!own) continue;
      result.instances.set(i, result.up.length);
      result.up.push(up);
    }
  }
  return result;
}

/** Reached components in depth-first pre-order from the entry, dependencies in listed order. */
function depthFirst(model: Model, entry: number): number[] {
  const { dependencyStart, dependencies } = model.components;
  const seen = new Uint8Array(model.components.count);
  const order: number[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (seen[c] === 1) continue;
    seen[c] = 1;
    order.push(c);
    for (let k = dependencyStart[c + 1] - 1; k >= dependencyStart[c]; k--) {
      stack.push(dependencies[k]);
    }
  }
  return order;
}

/** Each reached component's function, built in the model's order (dependencies first). */
function componentFunctions(
  model: Model,
  reached: Uint8Array,
  bdd: Bdd,
  instanceFunction: (i: number) => number,
): Int32Array {
  const { components } = model;
  const f = new Int32Array(components.count);
  for (const c of model.order) {
    if (reached[c] === 0) continue;

    const first = components.instanceStart[c];
    const own = Array.from({ length: components.instanceStart[c + 1] - first }, (_, r) =>
      instanceFunction(first + r),
    );
    const start = components.dependencyStart[c];
    const end = components.dependencyStart[c + 1];
    const dependencies = Array.from(components.dependencies.subarray(start, end), (d) => f[d]);

    const ownUp = combine(bdd, own, components.replicaMode[c], components.replicas.needed[c]);
    const mode = components.alternativeMode[c];
    const dependenciesUp =
      mode === COMBINE_NONE
        ? dependencies.reduce((all, d) => bdd.and(all, d), TRUE)
        : combine(bdd, dependencies, mode, components.alternatives.needed[c]);
    f[c] = bdd.and(ownUp, dependenciesUp);
  }
  return f;
}

/**
 * Replicas or alternatives combined: the single member for none, at least `needed` up for
 * active-active, at least one up for failover that switches instantly and surely.
 */
function combine(bdd: Bdd, members: number[], mode: number, needed: number): number {
  if (mode === COMBINE_ACTIVE) return atLeast(bdd, needed, members);
  if (mode === COMBINE_FAILOVER) return atLeast(bdd, 1, members);
  return members[0];
}

/**
 * At least k of the functions are true, by the recurrence
 * atLeast(k, f_i..) = ite(f_i, atLeast(k − 1, f_i+1..), atLeast(k, f_i+1..)),
 * kept as one row over k that is updated from the last function to the first.
 */
function atLeast(bdd: Bdd, k: number, functions: readonly number[]): number {
  const row = new Int32Array(k + 1);
  row[0] = TRUE;
  for (let i = functions.length - 1; i >= 0; i--) {
    for (let m = k; m >= 1; m--) row[m] = bdd.ite(functions[i], row[m - 1], row[m]);
  }
  return row[k];
}
