import { COMBINE_FAILOVER, type Model } from '../model/types';
import type { SeedKey } from '../random/streams';
import { Structure } from './structure';

/**
 * What each process does to the journeys when it is the only one down. Most outages of a window
 * overlap nothing, so the sweep can take their journey errors from here instead of evaluating
 * the structure. Only processes that no failover group can see qualify: a switch depends on
 * time and on the history of the trial, not on the set of active processes alone.
 */
export class IsolatedEffects {
  /** Whether process p may use the table: no failover group is at or above its instances. */
  readonly alone: Uint8Array;
  /** The error of journey j while p alone is down: errors[p * journeys + j]. */
  readonly errors: Float64Array;

  constructor(model: Model, seed: SeedKey) {
    const { processes, journeys } = model;
    this.alone = new Uint8Array(processes.count);
    this.errors = new Float64Array(processes.count * journeys.length);

    const hidden = componentsSeenByNoFailover(model);
    const structure = new Structure(model, seed);
    for (let p = 0; p < processes.count; p++) {
      if (!processes.relevant[p] || !instancesAll(model, p, hidden)) continue;
      this.alone[p] = 1;
      structure.reset(0);
      structure.change(p, 1);
      structure.evaluate(0, false);
      journeys.forEach((j, n) => (this.errors[p * journeys.length + n] = structure.error[j.entry]));
    }
  }
}

/** Marks the components with no failover group on themselves or on anything that calls them. */
function componentsSeenByNoFailover(model: Model): Uint8Array {
  const { components, order } = model;
  const seen = new Uint8Array(components.count);
  for (let k = order.length - 1; k >= 0; k--) {
    const c = order[k];
    const failover =
      components.replicaMode[c] === COMBINE_FAILOVER ||
      components.alternativeMode[c] === COMBINE_FAILOVER;
    let callerSeen = false;
    for (let d = components.dependantStart[c]; d < components.dependantStart[c + 1]; d++) {
      if (seen[components.dependants[d]] === 1) callerSeen = true;
    }
    seen[c] = failover || callerSeen ? 1 : 0;
  }
  return seen.map((s) => 1 - s);
}

function instancesAll(model: Model, p: number, hidden: Uint8Array): boolean {
  const { processes, instances } = model;
  for (let k = processes.instanceStart[p]; k < processes.instanceStart[p + 1]; k++) {
    if (hidden[instances.component[processes.instances[k]]] === 0) return false;
  }
  return true;
}
