import { COMBINE_ACTIVE, COMBINE_NONE, type Combination, type Model } from '../model/types';
import { KeyedStream, type SeedKey } from '../random/streams';
import { activeActiveError } from './combine';
import { FailoverStates } from './failover';

/**
 * The state of the dependency structure during one trial: which processes are active, each
 * instance's error, and each component's effective error
 * E(v) = 1 − (1 − e(v)) · Π (1 − impact · E(d)). Evaluation is incremental: only components
 * whose inputs changed are recomputed, and a change stops spreading where an error stays put.
 */
export class Structure {
  /** How many down intervals of each process cover the current instant. */
  private readonly activeCount: Int32Array;
  readonly instanceError: Float64Array;
  readonly error: Float64Array;
  readonly failover: FailoverStates;
  /** Components to recompute, by position in the evaluation order, within [firstDirty, lastDirty]. */
  private readonly dirty: Uint8Array;
  private readonly position: Int32Array;
  private firstDirty: number;
  private lastDirty = -1;
  /** Positions of the dependants of the component at position k, in the same CSR layout. */
  private readonly dependantPositionStart: Int32Array;
  private readonly dependantPositions: Int32Array;
  /** Instances of each component with a non-zero error. */
  private readonly unhealthy: Int32Array;
  /** Full outages (error rate 1) and partial ones active on each instance. */
  private readonly fullOutages: Int32Array;
  private readonly partialOutages: Int32Array;
  private readonly suspended: Uint8Array;
  private readonly scratch: Float64Array;
  private readonly switchStreams: KeyedStream[];
  private readonly instanceStart: Int32Array;
  private readonly replicaMode: Uint8Array;
  private readonly replicaGroup: Int32Array;
  private readonly dependencyStart: Int32Array;
  private readonly dependencies: Int32Array;
  private readonly impact: Float64Array;
  private readonly alternativeMode: Uint8Array;
  private readonly alternativeGroup: Int32Array;

  constructor(
    private readonly model: Model,
    seed: SeedKey,
  ) {
    const { components, instances, processes } = model;
    this.activeCount = new Int32Array(processes.count);
    this.instanceError = new Float64Array(instances.count);
    this.error = new Float64Array(components.count);
    this.dirty = new Uint8Array(model.order.length);
    this.position = new Int32Array(components.count).fill(-1);
    model.order.forEach((c, k) => (this.position[c] = k));
    this.firstDirty = model.order.length;
    [this.dependantPositionStart, this.dependantPositions] = dependantPositions(
      model,
      this.position,
    );
    this.unhealthy = new Int32Array(components.count);
    this.fullOutages = new Int32Array(instances.count);
    this.suspended = new Uint8Array(processes.count);
    this.partialOutages = new Int32Array(instances.count);
    this.failover = new FailoverStates(model.failoverGroups.length);
    this.scratch = new Float64Array(Math.max(instances.count, components.dependencies.length, 1));
    this.switchStreams = model.failoverGroups.map(() => new KeyedStream(seed));
    ({
      instanceStart: this.instanceStart,
      replicaMode: this.replicaMode,
      replicaGroup: this.replicaGroup,
      dependencyStart: this.dependencyStart,
      dependencies: this.dependencies,
      impact: this.impact,
      alternativeMode: this.alternativeMode,
      alternativeGroup: this.alternativeGroup,
    } = components);
  }

  /** Starts a trial with every process up. */
  reset(trial: number): void {
    this.activeCount.fill(0);
    this.instanceError.fill(0);
    this.error.fill(0);
    this.dirty.fill(0);
    this.firstDirty = this.model.order.length;
    this.lastDirty = -1;
    this.unhealthy.fill(0);
    this.fullOutages.fill(0);
    this.partialOutages.fill(0);
    this.failover.reset();
    this.model.failoverGroups.forEach((g, index) =>
      this.switchStreams[index].start(g.key0, g.key1, trial),
    );
  }

  /** Adds `delta` down intervals to process p and updates the errors of its instances. */
  change(p: number, delta: number): void {
    const was = this.activeCount[p] > 0;
    this.activeCount[p] += delta;
    if (was !== this.activeCount[p] > 0) this.refreshInstances(p);
  }

  /**
   * Sets an active process aside for a what-if (`suspend`) and brings it back (`resume`);
   * its interval count is untouched, so the trial carries on as before once resumed.
   */
  suspend(p: number): void {
    this.suspended[p] = 1;
    this.refreshInstances(p);
  }

  resume(p: number): void {
    this.suspended[p] = 0;
    this.refreshInstances(p);
  }

  private isActive(p: number): boolean {
    return this.activeCount[p] > 0 && this.suspended[p] === 0;
  }

  /**
   * Updates the error of each instance that process p acts on after p started or ended: 1 while
   * any full outage is active on it, else 1 − Π (1 − errorRate) over its active partial
   * outages. Counting outages keeps a full one, even an event over many instances, O(1) each.
   */
  private refreshInstances(p: number): void {
    const { processes, instances } = this.model;
    const full = processes.errorRate[p] === 1;
    const step = this.isActive(p) ? 1 : -1;
    const end = processes.instanceStart[p + 1];
    for (let k = processes.instanceStart[p]; k < end; k++) {
      const i = processes.instances[k];
      if (full) this.fullOutages[i] += step;
      else this.partialOutages[i] += step;
      const after =
        this.fullOutages[i] > 0 ? 1 : this.partialOutages[i] > 0 ? this.partialError(i) : 0;
      const before = this.instanceError[i];
      if (before === after) continue;
      this.instanceError[i] = after;
      const c = instances.component[i];
      this.unhealthy[c] += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
      if (!this.isRedundant(c, i, before, after)) this.mark(c);
    }
  }

  private partialError(i: number): number {
    const { processes, instances } = this.model;
    let good = 1;
    const last = instances.processStart[i + 1];
    for (let q = instances.processStart[i]; q < last; q++) {
      const process = instances.processes[q];
      const rate = processes.errorRate[process];
      if (rate < 1 && this.isActive(process)) good *= 1 - rate;
    }
    return 1 - good;
  }

  /**
   * Whether instance i of c going fully down or coming back cannot change c's own error: every
   * other instance is healthy and enough remain, or (failover) i is an idle standby. Most
   * replica outages are of this kind, and skipping them keeps the sweep cheap.
   */
  private isRedundant(c: number, i: number, before: number, after: number): boolean {
    const { components } = this.model;
    const mode = components.replicaMode[c];
    if (mode === COMBINE_NONE) return false;
    if ((before !== 0 && before !== 1) || (after !== 0 && after !== 1)) return false;
    if (this.unhealthy[c] - (after > 0 ? 1 : 0) > 0) return false;

    const first = components.instanceStart[c];
    const count = components.instanceStart[c + 1] - first;
    if (mode === COMBINE_ACTIVE) return count - 1 >= components.replicas.needed[c];
    const group = components.replicaGroup[c];
    return !this.failover.isSwitching(group) && this.failover.active[group] !== i - first;
  }

  /** Whether something changed since the last evaluation that may change an error. */
  needsEvaluation(): boolean {
    return this.lastDirty >= 0 || this.failover.anySwitching();
  }

  /**
   * Brings every component a journey reaches up to date at `time`. With `advance`, failover
   * groups move on to `time` (switches start and complete); without it their state is only
   * read, so a what-if evaluation leaves the trial untouched.
   */
  evaluate(time: number, advance: boolean): void {
    const { order, failoverGroups } = this.model;
    // A switch under way completes at a time of its own, with no input of the group changing.
    if (advance && this.failover.anySwitching()) {
      for (let g = 0; g < failoverGroups.length; g++) {
        if (this.failover.isSwitching(g)) this.mark(failoverGroups[g].component);
      }
    }
    const dirty = this.dirty;
    const dependantStart = this.dependantPositionStart;
    const dependants = this.dependantPositions;
    for (let k = this.firstDirty; k <= this.lastDirty; k++) {
      if (dirty[k] === 0) continue;
      dirty[k] = 0;
      const c = order[k];
      const own = this.replicaError(c, time, advance);
      const error = 1 - (1 - own) * (1 - this.dependencyError(c, time, advance));
      if (error === this.error[c]) continue;
      this.error[c] = error;
      const end = dependantStart[k + 1];
      for (let d = dependantStart[k]; d < end; d++) {
        const position = dependants[d];
        dirty[position] = 1;
        if (position > this.lastDirty) this.lastDirty = position;
      }
    }
    this.firstDirty = order.length;
    this.lastDirty = -1;
  }

  private mark(c: number): void {
    const k = this.position[c];
    if (k < 0) return;
    this.dirty[k] = 1;
    if (k < this.firstDirty) this.firstDirty = k;
    if (k > this.lastDirty) this.lastDirty = k;
  }

  private replicaError(c: number, time: number, advance: boolean): number {
    const first = this.instanceStart[c];
    const mode = this.replicaMode[c];
    if (mode === COMBINE_NONE) return this.instanceError[first];

    const count = this.instanceStart[c + 1] - first;
    const { replicas } = this.model.components;
    if (mode === COMBINE_ACTIVE) {
      return activeActiveError(
        this.instanceError,
        first,
        count,
        replicas.needed[c],
        replicas.shed[c] === 1,
      );
    }
    for (let r = 0; r < count; r++) this.scratch[r] = this.instanceError[first + r];
    return this.failoverError(c, replicas, this.replicaGroup[c], count, time, advance);
  }

  private dependencyError(c: number, time: number, advance: boolean): number {
    const start = this.dependencyStart[c];
    const end = this.dependencyStart[c + 1];
    const dependencies = this.dependencies;
    const mode = this.alternativeMode[c];
    if (mode === COMBINE_NONE) {
      let good = 1;
      for (let k = start; k < end; k++) good *= 1 - this.impact[k] * this.error[dependencies[k]];
      return 1 - good;
    }

    for (let k = start; k < end; k++) this.scratch[k - start] = this.error[dependencies[k]];
    const { alternatives } = this.model.components;
    if (mode === COMBINE_ACTIVE) {
      return activeActiveError(
        this.scratch,
        0,
        end - start,
        alternatives.needed[c],
        alternatives.shed[c] === 1,
      );
    }
    return this.failoverError(
      c,
      alternatives,
      this.alternativeGroup[c],
      end - start,
      time,
      advance,
    );
  }

  private failoverError(
    c: number,
    how: Combination,
    group: number,
    count: number,
    time: number,
    advance: boolean,
  ): number {
    if (!advance) return this.scratch[this.failover.active[group]];
    const random = this.switchStreams[group].next;
    return this.failover.step(
      group,
      this.scratch,
      count,
      time,
      how.delay[c],
      how.success[c],
      random,
    );
  }
}

/** The evaluation positions of each evaluated component's dependants that are evaluated too. */
function dependantPositions(model: Model, position: Int32Array): [Int32Array, Int32Array] {
  const { order, components } = model;
  const lists = Array.from(order, (c) =>
    Array.from(
      components.dependants.subarray(
        components.dependantStart[c],
        components.dependantStart[c + 1],
      ),
    )
      .map((d) => position[d])
      .filter((k) => k >= 0),
  );
  const start = new Int32Array(order.length + 1);
  lists.forEach((list, k) => (start[k + 1] = start[k] + list.length));
  return [start, Int32Array.from(lists.flat())];
}
