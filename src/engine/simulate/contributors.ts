import type { Model } from '../model/types';
import type { Structure } from './structure';

/** How much a what-if must lower an error to count, against rounding. */
const EPSILON = 1e-12;

/** The most processes whose subsets are tried one by one (2^n evaluations). */
const MAX_SUBSET_SIZE = 10;

/**
 * Who burns a journey's budget at a moment: the active processes whose removal alone would
 * lower the journey's error. When no single removal would (two modes that each take the same
 * instance down, or both sides of a serial pair down), the members of the minimal sets of
 * active processes that would lose requests by themselves. A lone candidate needs no what-if,
 * and a replica that is down while its siblings serve is never one.
 */
export class Contributors {
  /** The contributors of journey j: list[start[j] .. start[j + 1]). */
  readonly start: Int32Array;
  private contributors = new Int32Array(64);
  private active: Int32Array = new Int32Array(0);
  private activeSize = 0;
  private readonly picked: Uint8Array;
  private withoutErrors = new Float64Array(0);

  get list(): Int32Array {
    return this.contributors;
  }

  constructor(
    private readonly model: Model,
    private readonly structure: Structure,
  ) {
    this.start = new Int32Array(model.journeys.length + 1);
    this.picked = new Uint8Array(model.processes.count);
  }

  /**
   * Finds the contributors of every journey whose error `journeyError[j]` is positive, among the
   * active processes `active[0 .. activeSize)`, at time `now`.
   */
  find(active: Int32Array, activeSize: number, journeyError: Float64Array, now: number): void {
    const journeys = this.model.journeys.length;
    this.active = active;
    this.activeSize = activeSize;
    let without: Float64Array | undefined;
    let size = 0;
    for (let j = 0; j < journeys; j++) {
      this.start[j] = size;
      const e = journeyError[j];
      if (e <= 0) continue;
      if (this.pickReaching(j) > 1) {
        without ??= this.whatIfErrors(now);
        if (this.pickHelping(without, j, e) === 0) this.pickLossSets(j, now);
      }
      size = this.keepPicked(size);
    }
    this.start[journeys] = size;
  }

  private keepPicked(size: number): number {
    if (this.contributors.length < size + this.activeSize) {
      const grown = new Int32Array(2 * (size + this.activeSize));
      grown.set(this.contributors);
      this.contributors = grown;
    }
    for (let a = 0; a < this.activeSize; a++) {
      if (this.picked[a] === 1) this.contributors[size++] = this.active[a];
    }
    return size;
  }

  /** Picks the active processes that reach journey j. */
  private pickReaching(j: number): number {
    const { reaches } = this.model.processes;
    const journeys = this.model.journeys.length;
    let count = 0;
    for (let a = 0; a < this.activeSize; a++) {
      this.picked[a] = reaches[this.active[a] * journeys + j];
      count += this.picked[a];
    }
    return count;
  }

  /** Picks the active processes whose removal lowers journey j's error e. */
  private pickHelping(without: Float64Array, j: number, e: number): number {
    const journeys = this.model.journeys.length;
    let count = 0;
    for (let a = 0; a < this.activeSize; a++) {
      this.picked[a] = without[a * journeys + j] < e - EPSILON ? 1 : 0;
      count += this.picked[a];
    }
    return count;
  }

  /**
   * Picks the members of every minimal set of active processes reaching journey j that loses
   * requests on its own, by trying each subset. Reached only when no single removal helps, with
   * a handful of processes; past MAX_SUBSET_SIZE it picks all of them.
   */
  private pickLossSets(j: number, now: number): void {
    const journeys = this.model.journeys;
    const members: number[] = [];
    for (let a = 0; a < this.activeSize; a++) {
      if (this.model.processes.reaches[this.active[a] * journeys.length + j] === 1) {
        members.push(a);
      }
    }
    if (members.length > MAX_SUBSET_SIZE) {
      this.pickReaching(j);
      return;
    }

    const loses = new Uint8Array(1 << members.length);
    for (let mask = 1; mask < loses.length; mask++) {
      this.setAsideOutside(members, mask, true);
      this.structure.evaluate(now, false);
      loses[mask] = this.structure.error[journeys[j].entry] > EPSILON ? 1 : 0;
      this.setAsideOutside(members, mask, false);
    }
    this.structure.evaluate(now, false);

    let union = 0;
    for (let mask = 1; mask < loses.length; mask++) {
      const minimal = members.every((_, bit) => !(mask & (1 << bit)) || !loses[mask ^ (1 << bit)]);
      if (loses[mask] && minimal) union |= mask;
    }
    this.picked.fill(0, 0, this.activeSize);
    members.forEach((a, bit) => (this.picked[a] = (union >> bit) & 1));
  }

  /** Suspends (or resumes) the members whose bit is not in `mask`. */
  private setAsideOutside(members: number[], mask: number, suspend: boolean): void {
    members.forEach((a, bit) => {
      if (mask & (1 << bit)) return;
      if (suspend) this.structure.suspend(this.active[a]);
      else this.structure.resume(this.active[a]);
    });
  }

  /** Journey errors with each active process removed in turn: [a * journeys + j]. */
  private whatIfErrors(now: number): Float64Array {
    const journeys = this.model.journeys;
    const structure = this.structure;
    if (this.withoutErrors.length < this.activeSize * journeys.length) {
      this.withoutErrors = new Float64Array(2 * this.activeSize * journeys.length);
    }
    for (let a = 0; a < this.activeSize; a++) {
      structure.suspend(this.active[a]);
      structure.evaluate(now, false);
      for (let j = 0; j < journeys.length; j++) {
        this.withoutErrors[a * journeys.length + j] = structure.error[journeys[j].entry];
      }
      structure.resume(this.active[a]);
    }
    structure.evaluate(now, false);
    return this.withoutErrors;
  }
}
