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
  readonly activeCount: Int32Array;
  readonly instanceError: Float64Array;
  readonly error: Float64Array;
  readonly failover: FailoverStates;
  private readonly dirty: Uint8Array;
  private readonly scratch: Float64Array;
  private readonly switchStreams: KeyedStream[];

  constructor(
    private readonly model: Model,
    seed: SeedKey,
  ) {
    const { components, instances, processes } = model;
    this.activeCount = new Int32Array(processes.count);
    this.instanceError = new Float64Array(instances.count);
    this.error = new Float64Array(components.count);
    this.dirty = new Uint8Array(components.count);
    this.failover = new FailoverStates(model.failoverGroups.length);
    this.scratch = new Float64Array(Math.max(instances.count, components.dependencies.length, 1));
    this.switchStreams = model.failoverGroups.map(() => new KeyedStream(seed));
  }

  /** Starts a trial with every process up. */
  reset(trial: number): void {
    this.activeCount.fill(0);
    this.instanceError.fill(0);
    this.error.fill(0);
    this.dirty.fill(0);
    this.failover.reset();
    this.model.failoverGroups.forEach((g, index) =>
      this.switchStreams[index].start(g.key0, g.key1, trial),
    );
  }

  /** Adds `delta` down intervals to process p and updates the errors of its instances. */
  change(p: number, delta: number): void {
    this.activeCount[p] += delta;
    this.refreshInstances(p);
  }

  /** Recomputes the error of each instance that process p acts on. */
  refreshInstances(p: number): void {
    const { processes, instances } = this.model;
    const end = processes.instanceStart[p + 1];
    for (let k = processes.instanceStart[p]; k < end; k++) {
      const i = processes.instances[k];
      let good = 1;
      const last = instances.processStart[i + 1];
      for (let q = instances.processStart[i]; q < last; q++) {
        const process = instances.processes[q];
        if (this.activeCount[process] > 0) good *= 1 - processes.errorRate[process];
      }
      if (this.instanceError[i] !== 1 - good) {
        this.instanceError[i] = 1 - good;
        this.dirty[instances.component[i]] = 1;
      }
    }
  }

  /**
   * Brings every component a journey reaches up to date at `time`. With `advance`, failover
   * groups move on to `time` (switches start and complete); without it their state is only
   * read, so a what-if evaluation leaves the trial untouched.
   */
  evaluate(time: number, advance: boolean): void {
    const { order, components, failoverGroups } = this.model;
    if (advance) {
      for (let g = 0; g < failoverGroups.length; g++) {
        if (time === 0 || this.failover.isSwitching(g)) this.dirty[failoverGroups[g].component] = 1;
      }
    }
    for (let k = 0; k < order.length; k++) {
      const c = order[k];
      if (this.dirty[c] === 0) continue;
      this.dirty[c] = 0;
      const own = this.replicaError(c, time, advance);
      const error = 1 - (1 - own) * (1 - this.dependencyError(c, time, advance));
      if (error === this.error[c]) continue;
      this.error[c] = error;
      const end = components.dependantStart[c + 1];
      for (let d = components.dependantStart[c]; d < end; d++) {
        this.dirty[components.dependants[d]] = 1;
      }
    }
  }

  private replicaError(c: number, time: number, advance: boolean): number {
    const { components } = this.model;
    const first = components.instanceStart[c];
    const mode = components.replicaMode[c];
    if (mode === COMBINE_NONE) return this.instanceError[first];

    const count = components.instanceStart[c + 1] - first;
    for (let r = 0; r < count; r++) this.scratch[r] = this.instanceError[first + r];
    const group = components.replicaGroup[c];
    return this.combine(c, components.replicas, mode, group, count, time, advance);
  }

  private dependencyError(c: number, time: number, advance: boolean): number {
    const { components } = this.model;
    const start = components.dependencyStart[c];
    const end = components.dependencyStart[c + 1];
    const mode = components.alternativeMode[c];
    if (mode === COMBINE_NONE) {
      let good = 1;
      for (let k = start; k < end; k++) {
        good *= 1 - components.impact[k] * this.error[components.dependencies[k]];
      }
      return 1 - good;
    }

    for (let k = start; k < end; k++) {
      this.scratch[k - start] = this.error[components.dependencies[k]];
    }
    const group = components.alternativeGroup[c];
    return this.combine(c, components.alternatives, mode, group, end - start, time, advance);
  }

  private combine(
    c: number,
    how: Combination,
    mode: number,
    group: number,
    count: number,
    time: number,
    advance: boolean,
  ): number {
    if (mode === COMBINE_ACTIVE) {
      return activeActiveError(this.scratch, count, how.needed[c], how.shed[c] === 1);
    }
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
