import { COMBINE_FAILOVER, COMBINE_NONE, type Combination, type Model } from '../model/types';

/**
 * Which part of the model a journey reaches, and whether that part is binary: every instance,
 * component and journey is then either fully up or fully down, so the journey's expected
 * attainment is the probability that its entry is up.
 */

/** The components reachable from `entry` through dependencies, as a 0/1 mask. */
export function reachedComponents(model: Model, entry: number): Uint8Array {
  const { dependencyStart, dependencies } = model.components;
  const reached = new Uint8Array(model.components.count);
  const stack = [entry];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (reached[c] === 1) continue;
    reached[c] = 1;
    for (let k = dependencyStart[c]; k < dependencyStart[c + 1]; k++) stack.push(dependencies[k]);
  }
  return reached;
}

/**
 * True when everything journey j reaches is all-or-nothing: full outages only (errorRate 1),
 * failover that switches instantly and surely, no shedding, and dependencies with impact 1.
 */
export function isBinary(model: Model, j: number, reached: Uint8Array): boolean {
  const { processes, components } = model;
  const journeys = model.journeys.length;
  for (let p = 0; p < processes.count; p++) {
    if (processes.reaches[p * journeys + j] === 1 && processes.errorRate[p] !== 1) return false;
  }
  for (let c = 0; c < components.count; c++) {
    if (reached[c] === 0) continue;
    if (!isBinaryCombination(components.replicas, components.replicaMode[c], c)) return false;
    if (!isBinaryCombination(components.alternatives, components.alternativeMode[c], c)) {
      return false;
    }
    for (let k = components.dependencyStart[c]; k < components.dependencyStart[c + 1]; k++) {
      if (components.impact[k] !== 1) return false;
    }
  }
  return true;
}

function isBinaryCombination(how: Combination, mode: number, c: number): boolean {
  if (mode === COMBINE_NONE) return true;
  if (mode === COMBINE_FAILOVER) return how.delay[c] === 0 && how.success[c] === 1;
  return how.shed[c] === 0;
}
