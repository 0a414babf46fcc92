import {
  componentsHitBy,
  meanUpTime,
  parseDuration,
  parseRatio,
  steadyStateAvailability,
  type ComponentDoc,
  type FailureModeDoc,
  type SharedEventDoc,
} from '../../engine';

/**
 * The availability of one instance of a component implied by its failure modes: the product
 * over modes of 1 − errorRate × (1 − mtbf / (mtbf + mttr)), the share of requests it serves
 * when the modes fail independently. 1 without failure modes; null when a mode cannot be read
 * yet (the user is still typing it).
 */
export function componentAvailability(component: ComponentDoc): number | null {
  const modes = (component.failures ?? []).map(modeAvailability);
  return modes.some((a) => a === null) ? null : (modes as number[]).reduce((p, a) => p * a, 1);
}

function modeAvailability(mode: FailureModeDoc): number | null {
  try {
    const mttr = parseDuration(mode.mttr);
    const available = steadyStateAvailability(meanUpTime(mode), mttr);
    const served = 1 - parseRatio(mode.errorRate ?? 1) * (1 - available);
    return Number.isFinite(served) && served >= 0 && served <= 1 ? served : null;
  } catch {
    return null;
  }
}

/**
 * The ids of the components a shared event hits, by the engine's rules: listed in its
 * `components`, or an instance whose tags (replica tags merged over the component's) contain
 * its `match`. A draft that cannot be read hits nothing.
 */
export function eventComponents(
  doc: { components: readonly ComponentDoc[] },
  event: SharedEventDoc,
): string[] {
  try {
    return componentsHitBy(event, doc.components);
  } catch {
    return [];
  }
}
