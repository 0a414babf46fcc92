import type { Model } from '../model/types';
import { seedKey } from '../random/streams';
import { TrialSimulator } from './trial';

/** A down interval of one process in a trial, in seconds from the start of the window. */
export interface TimelineOutage {
  /** What was down: `payments#2 crash`, or an event's name. */
  label: string;
  /** The component whose instance it hit, or the event's name. */
  source: string;
  event: boolean;
  start: number;
  end: number;
  errorRate: number;
}

/** A trial's story for one journey: what was down when, and the journey's error over time. */
export interface Timeline {
  trial: number;
  window: number;
  outages: TimelineOutage[];
  /** The journey's error from `time` until the next step (or the end of the window). */
  error: { time: number; error: number }[];
}

/**
 * Re-simulates trial `trials[j]` for each journey j and records it, with one simulator for all.
 * Because every draw is keyed by (seed, trial, process), the worst trial of a run can be
 * replayed exactly without having been stored.
 */
export function trialTimelines(model: Model, seed: string, trials: readonly number[]): Timeline[] {
  const simulator = new TrialSimulator(model, seedKey(seed));
  return trials.map((trial, journey) => trialTimeline(simulator, model, trial, journey));
}

function trialTimeline(
  simulator: TrialSimulator,
  model: Model,
  trial: number,
  journey: number,
): Timeline {
  const error: Timeline['error'] = [];
  simulator.run(trial, {
    segment(start, _end, errors) {
      const value = errors[journey];
      if (error.length === 0 || error[error.length - 1].error !== value) {
        error.push({ time: start, error: value });
      }
    },
  });

  const { processes, journeys } = model;
  const { intervals } = simulator;
  const outages: TimelineOutage[] = [];
  for (let n = 0; n < intervals.count; n++) {
    const p = intervals.process[n];
    if (processes.reaches[p * journeys.length + journey] === 0) continue;
    outages.push({
      label: processes.label[p],
      source: model.credits[processes.credit[p]],
      event: processes.event[p] >= 0,
      start: intervals.start[n],
      end: intervals.end[n],
      errorRate: processes.errorRate[p],
    });
  }
  outages.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
  return { trial, window: model.window, outages, error };
}
