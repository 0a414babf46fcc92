import type { FailureModeDoc, SharedEventDoc } from '../scenario/schema';
import { parseDuration, parseRatio, SECONDS_PER_UNIT } from '../scenario/units';

type ProcessDoc = FailureModeDoc | SharedEventDoc;

/**
 * The mean up time of a failure mode or event in seconds, from whichever rate it gives:
 * `mtbf`; `availability` with `mttr` (mtbf = mttr · A / (1 − A)); or `deploysPerWeek` with
 * `changeFailureRate` (mtbf = 1 week / (deploys · rate)). Infinity when it never fails.
 */
export function meanUpTime(doc: ProcessDoc): number {
  if (doc.mtbf !== undefined) return parseDuration(doc.mtbf);
  if (doc.availability !== undefined) {
    const availability = parseRatio(doc.availability);
    return availability === 1
      ? Infinity
      : (parseDuration(doc.mttr) * availability) / (1 - availability);
  }
  const failuresPerWeek = (doc.deploysPerWeek ?? 0) * parseRatio(doc.changeFailureRate ?? 0);
  return failuresPerWeek === 0 ? Infinity : SECONDS_PER_UNIT.w / failuresPerWeek;
}

/** Steady-state availability mtbf / (mtbf + mttr); 1 for a process that never fails. */
export function steadyStateAvailability(mtbf: number, mttr: number): number {
  return Number.isFinite(mtbf) ? mtbf / (mtbf + mttr) : 1;
}
