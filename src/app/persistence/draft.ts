import type { ScenarioDoc } from '../../engine';

/**
 * Recognises a saved or shared draft: a parsed JSON value with the structure the editor reads
 * (the right arrays, objects and string ids), whether or not it is a valid scenario. A draft
 * that does not validate is still the user's work and is opened as it is; anything else (a
 * number, another program's data) is not a draft.
 */
function asDraft(value: unknown): ScenarioDoc | null {
  if (!isRecord(value) || value.nines !== 1) return null;
  const shaped =
    typeof value.name === 'string' &&
    typeof value.window === 'string' &&
    optional(value.description, (d) => typeof d === 'string') &&
    optional(value.run, isRecord) &&
    listOf(value.components, isComponent) &&
    optional(value.dependencies, (d) => listOf(d, isDependency)) &&
    optional(value.events, (e) => listOf(e, isEvent)) &&
    listOf(value.journeys, isJourney) &&
    optional(value.layout, (l) => isRecord(l) && Object.values(l).every(isPosition));
  return shaped ? (value as ScenarioDoc) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function listOf(value: unknown, check: (item: Record<string, unknown>) => boolean): boolean {
  return Array.isArray(value) && value.every((item) => isRecord(item) && check(item));
}

function isComponent(c: Record<string, unknown>): boolean {
  return (
    typeof c.id === 'string' &&
    optional(c.name, (n) => typeof n === 'string') &&
    optional(c.tags, isRecord) &&
    optional(c.failures, (f) => listOf(f, () => true)) &&
    optional(c.replicas, (r) => isRecord(r) && optional(r.tags, (t) => listOf(t, () => true))) &&
    optional(c.dependsOn, isRecord)
  );
}

function isDependency(d: Record<string, unknown>): boolean {
  return typeof d.from === 'string' && typeof d.to === 'string';
}

function isEvent(e: Record<string, unknown>): boolean {
  return (
    typeof e.name === 'string' &&
    optional(e.match, isRecord) &&
    optional(e.components, (c) => Array.isArray(c) && c.every((id) => typeof id === 'string'))
  );
}

function isJourney(j: Record<string, unknown>): boolean {
  return typeof j.id === 'string' && typeof j.entry === 'string';
}

function isPosition(p: unknown): boolean {
  return isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y);
}

/** Parses JSON text as a draft; null when it is not JSON or not a draft. */
export function parseDraft(text: string): ScenarioDoc | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return asDraft(value);
}
