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
  /** Whether a process's outages may be absorbed: a full-outage mode of a spare replica. */
  private readonly absorbable: Uint8Array;
  /** Whether process p acts on an instance of component c: [p * components + c]. */
  private readonly touches: Uint8Array;
  /** For a mode of a failover standby, its group's row in `hitsPrimary`; else -1. */
  private readonly standbyGroup: Int32Array;
  /** Whether process q acts on the first instance of failover group g: [g * processes + q]. */
  private readonly hitsPrimary: Uint8Array;
  private keep = new Uint8Array(64);

  constructor(private readonly model: Model) {
    const { processes, components, instances } = model;
    this.absorbable = new Uint8Array(processes.count);
    this.touches = new Uint8Array(processes.count * components.count);
    for (let p = 0; p < processes.count; p++) {
      for (let k = processes.instanceStart[p]; k < processes.instanceStart[p + 1]; k++) {
        this.touches[p * components.count + instances.component[processes.instances[k]]] = 1;
      }
      const c = processes.component[p];
      if (c < 0 || processes.errorRate[p] !== 1) continue;
      const spare = components.instanceStart[c + 1] - components.instanceStart[c] - 1;
      const active = components.replicaMode[c] === COMBINE_ACTIVE;
      this.absorbable[p] = active && spare >= components.replicas.needed[c] ? 1 : 0;
    }
    [this.standbyGroup, this.hitsPrimary] = standbys(model);
  }

  /** Removes the absorbed outages from `intervals`, keeping the others in order. */
  remove(intervals: IntervalBuffer): void {
    const { count } = intervals;
    if (this.keep.length < count) this.keep = new Uint8Array(2 * count);
    let dropped = 0;
    for (let n = 0; n < count; n++) {
      this.keep[n] = this.absorbed(intervals, n) ? 0 : 1;
      dropped += 1 - this.keep[n];
    }
    if (dropped > 0) this.compact(intervals);
  }

  private absorbed(intervals: IntervalBuffer, n: number): boolean {
    const p = intervals.process[n];
    if (this.absorbable[p] === 1 && this.isolated(intervals, n)) return true;
    return this.standbyGroup[p] >= 0 && this.beforePrimaryTrouble(intervals, n);
  }

  private beforePrimaryTrouble(intervals: IntervalBuffer, n: number): boolean {
    const { count, start, end, process } = intervals;
    const row = this.standbyGroup[process[n]] * this.model.processes.count;
    for (let m = 0; m < count; m++) {
      if (this.hitsPrimary[row + process[m]] === 1 && start[m] < end[n]) return false;
    }
    return true;
  }

  private isolated(intervals: IntervalBuffer, n: number): boolean {
    const { count, start, end, process } = intervals;
    const row = this.model.components.count;
    const c = this.model.processes.component[process[n]];
    for (let m = 0; m < count; m++) {
      if (m === n || this.touches[process[m] * row + c] === 0) continue;
      if (start[m] < end[n] && end[m] > start[n]) return false;
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

/** The failover group of each standby's modes, and which processes hit each group's first instance. */
function standbys(model: Model): [Int32Array, Uint8Array] {
  const { processes, components, instances } = model;
  const groups = model.failoverGroups.filter((g) => !g.alternatives);
  const standbyGroup = new Int32Array(processes.count).fill(-1);
  const hitsPrimary = new Uint8Array(groups.length * processes.count);
  groups.forEach((group, g) => {
    const primary = components.instanceStart[group.component];
    for (let k = instances.processStart[primary]; k < instances.processStart[primary + 1]; k++) {
      hitsPrimary[g * processes.count + instances.processes[k]] = 1;
    }
    for (let p = 0; p < processes.count; p++) {
      if (processes.component[p] === group.component && processes.replica[p] > 0) {
        standbyGroup[p] = g;
      }
    }
  });
  return [standbyGroup, hitsPrimary];
}
