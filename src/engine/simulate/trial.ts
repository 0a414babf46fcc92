import type { Model } from '../model/types';
import { firstDraw, KeyedStream, type SeedKey } from '../random/streams';
import { AbsorbedOutages } from './absorbed';
import { Contributors } from './contributors';
import { DeferredChanges } from './deferred-changes';
import { IntervalBuffer } from './intervals';
import { IsolatedEffects, UNSEEN } from './isolated';
import { drawDownIntervals } from './renewal';
import { sortByTime } from './sort';
import { Structure } from './structure';

/** Receives the piecewise-constant journey errors of a trial, for drawing its timeline. */
export interface TrialRecorder {
  segment(start: number, end: number, journeyErrors: Float64Array): void;
}

/**
 * Simulates single trials of a model: draws every relevant process's down intervals from its
 * keyed stream, sweeps their change points in time order, evaluates the structure only where
 * something changed, and integrates each journey's error exactly over the constant segments.
 */
export class TrialSimulator {
  /** 1 − attainment of each journey in the last trial. */
  readonly unavailability: Float64Array;
  /** Lost window fraction per journey and credit, added to by every trial: [j * credits + k]. */
  readonly attribution: Float64Array;
  /** The down intervals drawn in the last trial. */
  readonly intervals = new IntervalBuffer();

  private readonly stream: KeyedStream;
  private readonly structure: Structure;
  private readonly absorbed: AbsorbedOutages;
  private readonly relevant: Int32Array;
  private readonly journeyError: Float64Array;
  private readonly lost: Float64Array;
  private readonly activeList: Int32Array;
  private activeSize = 0;
  private times = new Float64Array(128);
  private codes = new Int32Array(128);
  private scratchTimes = new Float64Array(128);
  private scratchCodes = new Int32Array(128);
  /** Ends of the intervals under way, earliest first. */
  private endTimes = new Float64Array(128);
  private endProcesses = new Int32Array(128);
  private endCount = 0;
  private readonly contributors: Contributors;
  private contributorsKnown = false;
  private readonly isolated: IsolatedEffects;
  /** Whether a process that a failover group sees changed since the structure was evaluated. */
  private failoverInputChanged = false;
  /** The process whose isolated errors hold, or -1 when the structure's errors do. */
  private solo = -1;
  /** Down intervals of each process at the current instant, kept here as the structure lags. */
  private readonly activeCount: Int32Array;
  private readonly deferred: DeferredChanges;
  /** Whether a process started or ended since the journeys' errors were brought up to date. */
  private activeChanged = false;

  constructor(
    private readonly model: Model,
    seed: SeedKey,
  ) {
    const journeys = model.journeys.length;
    this.stream = new KeyedStream(seed);
    this.structure = new Structure(model, seed);
    this.absorbed = new AbsorbedOutages(model);
    this.relevant = Int32Array.from(
      Array.from(model.processes.relevant.keys()).filter((p) => model.processes.relevant[p]),
    );
    this.unavailability = new Float64Array(journeys);
    this.attribution = new Float64Array(journeys * model.credits.length);
    this.journeyError = new Float64Array(journeys);
    this.lost = new Float64Array(journeys);
    this.activeList = new Int32Array(model.processes.count);
    this.contributors = new Contributors(model, this.structure);
    this.isolated = new IsolatedEffects(model, seed);
    this.activeCount = new Int32Array(model.processes.count);
    this.deferred = new DeferredChanges(model.processes.count);
  }

  /** Simulates trial `trial` and leaves its results in `unavailability` and `attribution`. */
  run(trial: number, recorder?: TrialRecorder): void {
    this.draw(trial);
    // A recorded trial keeps every outage for its timeline; the errors are the same either way.
    if (!recorder) this.absorbed.remove(this.intervals);
    this.lost.fill(0);
    const starts = this.sortStarts();
    if (recorder || !this.allIsolated(starts)) this.sweep(trial, starts, recorder);
    else this.integrateIsolated(starts);

    for (let j = 0; j < this.lost.length; j++) {
      this.unavailability[j] = Math.min(1, this.lost[j] / this.model.window);
    }
  }

  private draw(trial: number): void {
    const { processes, window } = this.model;
    this.intervals.clear();
    const trialKey = this.stream.trialKey(trial);
    for (let k = 0; k < this.relevant.length; k++) {
      const p = this.relevant[k];
      const u = firstDraw(processes.key0[p], trialKey);
      if (u < processes.quiet[p]) continue;
      this.stream.continueAfter(u, processes.key1[p], trialKey);
      drawDownIntervals(processes, p, window, u, this.stream.next, this.intervals);
    }
  }

  /**
   * Whether every outage of the trial (listed by start) overlaps no other and is of a process
   * that no failover group sees, or sees only at a standby: with nothing touching a group's
   * first instance all trial, the group rests there. Then each outage holds the journeys at its
   * isolated errors, and the trial needs no sweep. Most trials are of this kind.
   */
  private allIsolated(starts: number): boolean {
    const { start, end, process } = this.intervals;
    let until = 0;
    for (let k = 0; k < starts; k++) {
      const n = this.codes[k];
      if (start[n] < until || this.isolated.alone[process[n]] === 0) return false;
      until = end[n];
    }
    return true;
  }

  /** Integrates isolated outages in time order, as the sweep would, segment by segment. */
  private integrateIsolated(starts: number): void {
    const { window } = this.model;
    const { start, end, process } = this.intervals;
    for (let k = 0; k < starts; k++) {
      const n = this.codes[k];
      this.solo = process[n];
      if (!this.useIsolated(this.solo)) continue;
      this.integrate(Math.min(end[n], window) - start[n], start[n]);
    }
  }

  /** Lists the intervals by start time in `times` and `codes` (the interval's index). */
  private sortStarts(): number {
    const { start, count } = this.intervals;
    if (this.times.length < count) this.growChanges(2 * count);
    for (let n = 0; n < count; n++) {
      this.times[n] = start[n];
      this.codes[n] = n;
    }
    sortByTime(this.times, this.codes, count, this.scratchTimes, this.scratchCodes);
    return count;
  }

  private growChanges(size: number): void {
    this.times = new Float64Array(size);
    this.codes = new Int32Array(size);
    this.scratchTimes = new Float64Array(size);
    this.scratchCodes = new Int32Array(size);
    this.endTimes = new Float64Array(size);
    this.endProcesses = new Int32Array(size);
  }

  /**
   * Walks the trial's change points in time order: interval starts from the sorted list, ends
   * from a short sorted queue of the intervals under way. After all changes of an instant are
   * applied, the structure is evaluated (if anything that matters changed) and the journeys'
   * errors hold until the next change point or failover switch.
   */
  private sweep(trial: number, starts: number, recorder?: TrialRecorder): void {
    const { window } = this.model;
    const { end, process } = this.intervals;
    const structure = this.structure;
    structure.reset(trial);
    for (let k = 0; k < this.activeSize; k++) this.activeCount[this.activeList[k]] = 0;
    this.activeSize = 0;
    this.deferred.clear();
    this.endCount = 0;
    this.contributorsKnown = false;
    this.failoverInputChanged = false;
    this.solo = -1;
    this.journeyError.fill(0);

    let now = 0;
    let next = 0;
    let losing = false;
    for (;;) {
      while (next < starts && this.times[next] <= now) {
        const n = this.codes[next++];
        this.toggle(process[n], 1);
        if (end[n] < window) this.queueEnd(end[n], process[n]);
      }
      while (this.endCount > 0 && this.endTimes[0] <= now) this.toggle(this.dequeueEnd(), -1);
      if (this.activeChanged || structure.needsEvaluation()) losing = this.update(now);
      const startAt = next < starts ? this.times[next] : window;
      const endAt = this.endCount > 0 ? this.endTimes[0] : window;
      const until = Math.min(startAt, endAt, structure.failover.nextSwitchTime(), window);
      recorder?.segment(now, until, this.journeyError);
      if (losing && until > now) this.integrate(until - now, now);
      if (until >= window) return;
      now = until;
    }
  }

  /**
   * Brings the journeys' errors up to date after a change at `now` and says whether any journey
   * loses requests. Nothing down, or one process down that no failover group sees, needs no
   * evaluation: the structure catches up (held-back changes, marks) when it is next evaluated.
   */
  private update(now: number): boolean {
    const structure = this.structure;
    this.activeChanged = false;
    const journeys = this.model.journeys.length;
    const single = this.activeSize === 1 ? this.activeList[0] : -1;
    const quiet = !this.failoverInputChanged && !structure.failover.anySwitching();
    if (quiet && (this.activeSize === 0 || this.isolated.alone[single] === UNSEEN)) {
      this.solo = single;
      return this.useIsolated(single);
    }

    this.deferred.applyTo(structure);
    structure.evaluate(now, true);
    this.failoverInputChanged = false;
    this.contributorsKnown = false;
    this.solo = -1;
    let losing = false;
    for (let j = 0; j < journeys; j++) {
      const e = structure.error[this.model.journeys[j].entry];
      this.journeyError[j] = e;
      if (e > 0) losing = true;
    }
    return losing;
  }

  private useIsolated(p: number): boolean {
    const journeys = this.model.journeys.length;
    let losing = false;
    for (let j = 0; j < journeys; j++) {
      const e = p < 0 ? 0 : this.isolated.errors[p * journeys + j];
      this.journeyError[j] = e;
      if (e > 0) losing = true;
    }
    return losing;
  }

  private queueEnd(time: number, p: number): void {
    let k = this.endCount++;
    while (k > 0 && this.endTimes[k - 1] > time) {
      this.endTimes[k] = this.endTimes[k - 1];
      this.endProcesses[k] = this.endProcesses[k - 1];
      k--;
    }
    this.endTimes[k] = time;
    this.endProcesses[k] = p;
  }

  private dequeueEnd(): number {
    const p = this.endProcesses[0];
    this.endCount--;
    for (let k = 0; k < this.endCount; k++) {
      this.endTimes[k] = this.endTimes[k + 1];
      this.endProcesses[k] = this.endProcesses[k + 1];
    }
    return p;
  }

  private toggle(p: number, delta: number): void {
    const before = this.activeCount[p];
    this.activeCount[p] = before + delta;
    if (this.isolated.alone[p] === UNSEEN) this.deferred.add(p, delta);
    else {
      this.structure.change(p, delta);
      this.failoverInputChanged = true;
    }
    this.contributorsKnown = false;
    this.activeChanged = true;
    if (before === 0 && delta > 0) this.activeList[this.activeSize++] = p;
    if (before + delta === 0 && before > 0) {
      let at = 0;
      while (this.activeList[at] !== p) at++;
      this.activeList[at] = this.activeList[--this.activeSize];
    }
  }

  private integrate(duration: number, now: number): void {
    const journeys = this.model.journeys.length;
    for (let j = 0; j < journeys; j++) this.lost[j] += this.journeyError[j] * duration;
    this.attribute(duration, now);
  }

  /**
   * Splits this segment's lost time of each journey equally among its contributors, found
   * again after any process starts or ends or the structure is evaluated: a second cause of an
   * outage already under way changes no error but shares the loss from then on.
   */
  private attribute(duration: number, now: number): void {
    const journeys = this.model.journeys.length;
    if (this.solo >= 0) return this.attributeTo(this.solo, duration);
    const contributors = this.contributors;
    if (!this.contributorsKnown) {
      contributors.find(this.activeList, this.activeSize, this.journeyError, now);
      this.contributorsKnown = true;
    }

    for (let j = 0; j < journeys; j++) {
      const e = this.journeyError[j];
      const first = contributors.start[j];
      const count = contributors.start[j + 1] - first;
      if (e <= 0 || count === 0) continue;
      const share = (e * duration) / this.model.window / count;
      const row = j * this.model.credits.length;
      for (let k = first; k < first + count; k++) {
        this.attribution[row + this.model.processes.credit[contributors.list[k]]] += share;
      }
    }
  }

  /** Credits a segment's lost time to its only active process, as `attribute` would. */
  private attributeTo(p: number, duration: number): void {
    const { journeys, window, credits, processes } = this.model;
    for (let j = 0; j < journeys.length; j++) {
      const e = this.journeyError[j];
      if (e > 0) {
        this.attribution[j * credits.length + processes.credit[p]] += (e * duration) / window;
      }
    }
  }
}
