import { COMBINE_ACTIVE, type Model } from '../model/types';
import type { IntervalBuffer } from './intervals';

/**
 * Drops, before the sweep, the outages that cannot change anything: a full outage of one replica
 * of an active-active group (which has a replica to spare) while nothing else touches that
 * component, and any outage of a failover standby that ends before anything touches the group's
 * first instance (which stays active until then). No error changes, and such a replica is no
 * one's contributor, so results are the same without them; most replica outages are of this
 * kind, and the sweep no longer sorts and steps through them.
 */
export class AbsorbedOutages {
  /** For a full-outage mode of a spare active-active replica, its component; else -1. */
  private readonly spareOf: Int32Array;
  /** Components with spare replicas that p touches: spares[spareStart[p] .. spareStart[p + 1]). */
  private readonly spareStart: Int32Array;
  private readonly spares: Int32Array;
  /** For a mode of a failover standby, its group (among replica groups); else -1. */
  private readonly standbyGroup: Int32Array;
  /** Groups whose first instance p acts on: primaries[primaryStart[p] .. primaryStart[p + 1]). */
  private readonly primaryStart: Int32Array;
  private readonly primaries: Int32Array;
  /**
   * The intervals on each spare-holding component in this pass (one call of `remove`), as linked
   * lists: the first entry is head[c] if headPass[c] is this pass, then entryNext. Stamping the
   * pass saves clearing the heads.
   */
  private readonly head: Int32Array;
  private readonly headPass: Int32Array;
  private entryInterval = new Int32Array(64);
  private entryNext = new Int32Array(64);
  /** The most spare-holding components one process touches, to size the lists. */
  private readonly mostSpares: number;
  /** When each group's first instance is first touched in this pass (valid as for heads). */
  private readonly firstTrouble: Float64Array;
  private readonly troublePass: Int32Array;
  private pass = 0;
  private keep = new Uint8Array(64);

  constructor(model: Model) {
    const { processes, components } = model;
    this.spareOf = Int32Array.from({ length: processes.count }, (_, p) => {
      const c = processes.component[p];
      return c >= 0 && processes.errorRate[p] === 1 && hasSpare(model, c) ? c : -1;
    });
    const spareComponents = Array.from(new Set(this.spareOf.filter((c) => c >= 0)));
    [this.spareStart, this.spares] = perProcess(processes.count, (p) =>
      spareComponents.filter((c) => actsOn(model, p, (i) => model.instances.component[i] === c)),
    );
    this.mostSpares = Math.max(
      1,
      ...Array.from(
        { length: processes.count },
        (_, p) => this.spareStart[p + 1] - this.spareStart[p],
      ),
    );
    const groups = model.failoverGroups.filter((g) => !g.alternatives);
    this.standbyGroup = Int32Array.from({ length: processes.count }, (_, p) =>
      groups.findIndex((g) => g.component === processes.component[p] && processes.replica[p] > 0),
    );
    [this.primaryStart, this.primaries] = perProcess(processes.count, (p) =>
      Array.from(groups.keys()).filter((g) =>
        actsOn(model, p, (i) => i === components.instanceStart[groups[g].component]),
      ),
    );
    this.head = new Int32Array(components.count);
    this.headPass = new Int32Array(components.count).fill(-1);
    this.firstTrouble = new Float64Array(groups.length);
    this.troublePass = new Int32Array(groups.length).fill(-1);
  }

  /** Removes the absorbed outages from `intervals`, keeping the others in order. */
  remove(intervals: IntervalBuffer): void {
    const { count, process, end } = intervals;
    if (this.keep.length < count) this.keep = new Uint8Array(2 * count);
    this.pass = (this.pass + 1) & 0x3fffffff;
    this.gather(intervals);

    let dropped = 0;
    for (let n = 0; n < count; n++) {
      const p = process[n];
      const c = this.spareOf[p];
      const g = this.standbyGroup[p];
      const absorbed =
        (c >= 0 && this.isolated(intervals, n, c)) ||
        (g >= 0 && (this.troublePass[g] !== this.pass || end[n] <= this.firstTrouble[g]));
      this.keep[n] = absorbed ? 0 : 1;
      if (absorbed) dropped++;
    }
    if (dropped > 0) this.compact(intervals);
  }

  /** Lists the intervals on each spare-holding component and finds each primary's trouble. */
  private gather(intervals: IntervalBuffer): void {
    const { count, process, start } = intervals;
    const { spareStart, spares, head, headPass, primaryStart, primaries, pass } = this;
    if (this.entryInterval.length < count * this.mostSpares) {
      this.entryInterval = new Int32Array(2 * count * this.mostSpares);
      this.entryNext = new Int32Array(2 * count * this.mostSpares);
    }
    let size = 0;
    for (let n = 0; n < count; n++) {
      const p = process[n];
      for (let k = spareStart[p]; k < spareStart[p + 1]; k++) {
        const c = spares[k];
        this.entryInterval[size] = n;
        this.entryNext[size] = headPass[c] === pass ? head[c] : -1;
        head[c] = size++;
        headPass[c] = pass;
      }
      for (let k = primaryStart[p]; k < primaryStart[p + 1]; k++) {
        this.troubled(primaries[k], start[n]);
      }
    }
  }

  private troubled(g: number, time: number): void {
    if (this.troublePass[g] === this.pass && this.firstTrouble[g] <= time) return;
    this.troublePass[g] = this.pass;
    this.firstTrouble[g] = time;
  }

  /** Whether no other interval on component c overlaps interval n. */
  private isolated(intervals: IntervalBuffer, n: number, c: number): boolean {
    const { start, end } = intervals;
    const from = start[n];
    const until = end[n];
    for (let e = this.head[c]; e >= 0; e = this.entryNext[e]) {
      const m = this.entryInterval[e];
      if (m !== n && start[m] < until && end[m] > from) return false;
    }
    return true;
  }

  private compact(intervals: IntervalBuffer): void {
    const { start, end, process } = intervals;
    let kept = 0;
    for (let n = 0; n < intervals.count; n++) {
      if (this.keep[n] === 0) continue;
      start[kept] = start[n];
      end[kept] = end[n];
      process[kept++] = process[n];
    }
    intervals.count = kept;
  }
}

/** Whether component c is active-active with a replica to spare beyond those it needs. */
function hasSpare(model: Model, c: number): boolean {
  const { components } = model;
  const spare = components.instanceStart[c + 1] - components.instanceStart[c] - 1;
  return components.replicaMode[c] === COMBINE_ACTIVE && spare >= components.replicas.needed[c];
}

/** Whether process p acts on an instance for which `test` holds. */
function actsOn(model: Model, p: number, test: (instance: number) => boolean): boolean {
  const { instanceStart, instances } = model.processes;
  for (let k = instanceStart[p]; k < instanceStart[p + 1]; k++) if (test(instances[k])) return true;
  return false;
}

/** A list per process in CSR form: items[start[p] .. start[p + 1]). */
function perProcess(count: number, itemsOf: (p: number) => number[]): [Int32Array, Int32Array] {
  const lists = Array.from({ length: count }, (_, p) => itemsOf(p));
  const start = new Int32Array(count + 1);
  lists.forEach((list, p) => (start[p + 1] = start[p] + list.length));
  return [start, Int32Array.from(lists.flat())];
}
