import { COMBINE_ACTIVE, COMBINE_NONE, type Model } from '../model/types';
import { KeyedStream, type SeedKey } from '../random/streams';
import { activeActiveError } from './combine';
import { FailoverStates } from './failover';

/**
 * The state of the dependency structure during one trial: which processes are active, each
 * instance's error, and each component's own error e(v) and effective error
 * E(v) = 1 − (1 − e(v)) · Π (1 − impact · E(d)).
 */
export class Structure {
  /** How many down intervals of each process cover the current instant. */
  readonly activeCount: Int32Array;
  readonly instanceError: Float64Array;
  readonly ownError: Float64Array;
  readonly error: Float64Array;
  readonly failover: FailoverStates;
  private readonly scratch: Float64Array;
  private readonly switchStreams: KeyedStream[];

  constructor(
    private readonly model: Model,
    seed: SeedKey,
  ) {
    const { components, instances, processes } = model;
    this.activeCount = new Int32Array(processes.count);
    this.instanceError = new Float64Array(instances.count);
    this.ownError = new Float64Array(components.count);
    this.error = new Float64Array(components.count);
    this.failover = new FailoverStates(model.failoverGroups.length);
    this.scratch = new Float64Array(Math.max(instances.count, components.dependencies.length, 1));
    this.switchStreams = model.failoverGroups.map(() => new KeyedStream(seed));
  }

  /** Starts a trial with every process up. */
  reset(trial: number): void {
    this.activeCount.fill(0);
    this.instanceError.fill(0);
    this.failover.reset();
    this.model.failoverGroups.forEach((g, index) =>
      this.switchStreams[index].reset(g.key0, g.key1, trial),
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
      this.instanceError[i] = 1 - good;
    }
  }

  /**
   * Evaluates every component a journey reaches at `time`. With `advance`, failover groups move
   * on to `time` (switches start and complete); without it the failover state is only read, so
   * a what-if evaluation leaves the trial untouched.
   */
  evaluate(time: number, advance: boolean): void {
    const order = this.model.order;
    for (let k = 0; k < order.length; k++) {
      const c = order[k];
      const own = this.replicaError(c, time, advance);
      this.ownError[c] = own;
      this.error[c] = 1 - (1 - own) * (1 - this.dependencyError(c, time, advance));
    }
  }

  private replicaError(c: number, time: number, advance: boolean): number {
    const { components } = this.model;
    const first = components.instanceStart[c];
    const mode = components.replicaMode[c];
    if (mode === COMBINE_NONE) return this.instanceError[first];

    const count = components.instanceStart[c + 1] - first;
    for (let r = 0; r < count; r++) this.scratch[r] = this.instanceError[first + r];
    return this.combine(
      c,
      components.replicas,
      mode,
      components.replicaGroup[c],
      count,
      time,
      advance,
    );
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

    for (let k = start; k < end; k++)
      this.scratch[k - start] = this.error[components.dependencies[k]];
    const group = components.alternativeGroup[c];
    return this.combine(c, components.alternatives, mode, group, end - start, time, advance);
  }

  private combine(
    c: number,
    how: Model['components']['replicas'],
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
