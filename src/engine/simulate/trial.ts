import type { Model } from '../model/types';
import { KeyedStream, type SeedKey } from '../random/streams';
import { IntervalBuffer } from './intervals';
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
  private readonly relevant: Int32Array;
  private readonly journeyError: Float64Array;
  private readonly lost: Float64Array;
  private readonly activeList: Int32Array;
  private activeSize = 0;
  private times = new Float64Array(128);
  private codes = new Int32Array(128);
  private scratchTimes = new Float64Array(128);
  private scratchCodes = new Int32Array(128);
  private whatIf = new Float64Array(0);

  constructor(
    private readonly model: Model,
    seed: SeedKey,
  ) {
    const journeys = model.journeys.length;
    this.stream = new KeyedStream(seed);
    this.structure = new Structure(model, seed);
    this.relevant = Int32Array.from(
      Array.from(model.processes.relevant.keys()).filter((p) => model.processes.relevant[p]),
    );
    this.unavailability = new Float64Array(journeys);
    this.attribution = new Float64Array(journeys * model.credits.length);
    this.journeyError = new Float64Array(journeys);
    this.lost = new Float64Array(journeys);
    this.activeList = new Int32Array(model.processes.count);
  }

  /** Simulates trial `trial` and leaves its results in `unavailability` and `attribution`. */
  run(trial: number, recorder?: TrialRecorder): void {
    this.draw(trial);
    this.lost.fill(0);
    if (this.intervals.count > 0 || recorder) this.sweep(trial, recorder);

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
      const u = this.stream.startWith(processes.key0[p], processes.key1[p], trialKey);
      if (u < processes.quiet[p]) continue;
      drawDownIntervals(processes, p, window, u, this.stream.next, this.intervals);
    }
  }

  /** Lists the change points in time order: code 2n is the start of interval n, 2n + 1 its end. */
  private sortChanges(): number {
    const { start, end, count } = this.intervals;
    if (this.times.length < 2 * count) this.growChanges(4 * count);
    let size = 0;
    for (let n = 0; n < count; n++) {
      this.times[size] = start[n];
      this.codes[size++] = 2 * n;
      if (end[n] < this.model.window) {
        this.times[size] = end[n];
        this.codes[size++] = 2 * n + 1;
      }
    }
    sortByTime(this.times, this.codes, size, this.scratchTimes, this.scratchCodes);
    return size;
  }

  private growChanges(size: number): void {
    this.times = new Float64Array(size);
    this.codes = new Int32Array(size);
    this.scratchTimes = new Float64Array(size);
    this.scratchCodes = new Int32Array(size);
  }

  private sweep(trial: number, recorder?: TrialRecorder): void {
    const { window, journeys } = this.model;
    const process = this.intervals.process;
    const size = this.sortChanges();
    const structure = this.structure;
    structure.reset(trial);
    this.activeSize = 0;

    let now = 0;
    let next = 0;
    let losing = false;
    for (;;) {
      while (next < size && this.times[next] <= now) {
        const code = this.codes[next++];
        this.toggle(process[code >> 1], (code & 1) === 0 ? 1 : -1);
      }
      if (structure.needsEvaluation()) {
        structure.evaluate(now, true);
        losing = false;
        for (let j = 0; j < journeys.length; j++) {
          const e = structure.error[journeys[j].entry];
          this.journeyError[j] = e;
          if (e > 0) losing = true;
        }
      }

      const changeAt = next < size ? this.times[next] : window;
      const until = Math.min(changeAt, structure.failover.nextSwitchTime(), window);
      recorder?.segment(now, until, this.journeyError);
      if (losing && until > now) this.integrate(until - now, now);
      if (until >= window) return;
      now = until;
    }
  }

  private toggle(p: number, delta: number): void {
    const before = this.structure.activeCount[p];
    this.structure.change(p, delta);
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
   * Splits this segment's lost time of each journey equally among the active processes that
   * contribute to it: those whose removal alone would lower the journey's error. When no single
   * removal helps (two modes that each take the same instance down), every active process that
   * reaches the journey shares it. A lone candidate needs no what-if.
   */
  private attribute(duration: number, now: number): void {
    const journeys = this.model.journeys.length;
    const credits = this.model.credits.length;
    const { reaches, credit } = this.model.processes;
    let whatIf: Float64Array | undefined;

    for (let j = 0; j < journeys; j++) {
      const e = this.journeyError[j];
      if (e <= 0) continue;
      const lost = (e * duration) / this.model.window;
      let candidates = 0;
      let lone = -1;
      for (let a = 0; a < this.activeSize; a++) {
        if (reaches[this.activeList[a] * journeys + j] === 1) {
          candidates++;
          lone = this.activeList[a];
        }
      }
      if (candidates === 1) {
        this.attribution[j * credits + credit[lone]] += lost;
        continue;
      }
      whatIf ??= this.whatIfErrors(now);
      let helpers = 0;
      for (let a = 0; a < this.activeSize; a++) if (whatIf[a * journeys + j] < e - 1e-12) helpers++;
      const all = helpers === 0;
      const share = lost / (all ? candidates : helpers);
      for (let a = 0; a < this.activeSize; a++) {
        const p = this.activeList[a];
        const counts = all ? reaches[p * journeys + j] === 1 : whatIf[a * journeys + j] < e - 1e-12;
        if (counts) this.attribution[j * credits + credit[p]] += share;
      }
    }
  }

  /** Journey errors with each active process removed in turn: [a * journeys + j]. */
  private whatIfErrors(now: number): Float64Array {
    const journeys = this.model.journeys;
    const structure = this.structure;
    if (this.whatIf.length < this.activeSize * journeys.length) {
      this.whatIf = new Float64Array(2 * this.activeSize * journeys.length);
    }
    for (let a = 0; a < this.activeSize; a++) {
      const p = this.activeList[a];
      const count = structure.activeCount[p];
      structure.activeCount[p] = 0;
      structure.refreshInstances(p);
      structure.evaluate(now, false);
      for (let j = 0; j < journeys.length; j++) {
        this.whatIf[a * journeys.length + j] = structure.error[journeys[j].entry];
      }
      structure.activeCount[p] = count;
      structure.refreshInstances(p);
      structure.evaluate(now, false);
    }
    return this.whatIf;
  }
}
