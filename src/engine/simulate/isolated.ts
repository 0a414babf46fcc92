import { COMBINE_FAILOVER, type Model } from '../model/types';
import type { SeedKey } from '../random/streams';
import { Structure } from './structure';

/** Whether a process is seen by no failover group: its isolated errors always hold. */
export const UNSEEN = 1;
/**
 * Whether a process touches failover groups only at standby instances: a group resting on its
 * first instance cannot see it, so its isolated errors hold in a trial where nothing else does.
 */
export const STANDBY_ONLY = 2;

/**
 * What each process does to the journeys when it is the only one down. Most outages of a window
 * overlap nothing, so the sweep can take their journey errors from here instead of evaluating
 * the structure. A failover group's state depends on time and on the trial's history, not on
 * the set of active processes alone, so processes a group may react to are left out.
 */
export class IsolatedEffects {
  /** UNSEEN, STANDBY_ONLY, or 0 for a process that a failover group may react to. */
  readonly alone: Uint8Array;
  /** The error of journey j while p alone is down: errors[p * journeys + j]. */
  readonly errors: Float64Array;

  constructor(model: Model, seed: SeedKey) {
    const { processes, journeys } = model;
    this.alone = new Uint8Array(processes.count);
    this.errors = new Float64Array(processes.count * journeys.length);

    const underAlternatives = belowFailoverAlternatives(model);
    const structure = new Structure(model, seed);
    for (let p = 0; p < processes.count; p++) {
      if (!processes.relevant[p]) continue;
      this.alone[p] = visibility(model, p, underAlternatives);
      if (this.alone[p] === 0) continue;
      structure.reset(0);
      structure.change(p, 1);
      structure.evaluate(0, false);
      journeys.forEach((j, n) => (this.errors[p * journeys.length + n] = structure.error[j.entry]));
    }
  }
}

/**
 * Marks the components whose error a failover between alternatives may react to: such a
 * junction itself and everything below it.
 */
function belowFailoverAlternatives(model: Model): Uint8Array {
  const { components, order } = model;
  const below = new Uint8Array(components.count);
  for (let k = order.length - 1; k >= 0; k--) {
    const c = order[k];
    if (components.alternativeMode[c] === COMBINE_FAILOVER) below[c] = 1;
    for (let d = components.dependantStart[c]; d < components.dependantStart[c + 1]; d++) {
      if (below[components.dependants[d]] === 1) below[c] = 1;
    }
  }
  return below;
}

/** How failover groups see process p: UNSEEN, STANDBY_ONLY, or 0. */
function visibility(model: Model, p: number, underAlternatives: Uint8Array): number {
  const { processes, instances, components } = model;
  let seen = UNSEEN;
  for (let k = processes.instanceStart[p]; k < processes.instanceStart[p + 1]; k++) {
    const i = processes.instances[k];
    const c = instances.component[i];
    if (underAlternatives[c] === 1) return 0;
    if (components.replicaMode[c] !== COMBINE_FAILOVER) continue;
    if (i === components.instanceStart[c]) return 0;
    seen = STANDBY_ONLY;
  }
  return seen;
}
