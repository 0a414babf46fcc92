/**
 * The compiled model: a validated scenario flattened into typed arrays that the trial loop reads
 * without allocating. Indices: c = component, i = instance, p = process (a failure mode of one
 * instance, or a shared event), j = journey, k = credit (a component or an event, for attribution).
 */

export const UP_EXPONENTIAL = 0;
export const UP_WEIBULL = 1;
export const DOWN_EXPONENTIAL = 0;
export const DOWN_FIXED = 1;
export const DOWN_LOGNORMAL = 2;

/** How a component combines its replicas or its alternatives. */
export const COMBINE_NONE = 0;
export const COMBINE_ACTIVE = 1;
export const COMBINE_FAILOVER = 2;

/** The up/down renewal processes of a trial, one row per process. */
export interface ProcessTable {
  count: number;
  /** What the process is, for people: `payments#2 crash` or `eu-west region outage`. */
  label: string[];
  /** The event index for shared events, -1 for failure modes. */
  event: Int32Array;
  /** The component whose instance the mode belongs to, -1 for events. */
  component: Int32Array;
  /** The instance index within its component, -1 for events. */
  replica: Int32Array;
  key0: Uint32Array;
  key1: Uint32Array;
  /** Mean up time and mean down time in seconds (mtbf may be Infinity). */
  mtbf: Float64Array;
  mttr: Float64Array;
  /** Steady-state availability mtbf / (mtbf + mttr). */
  availability: Float64Array;
  /** Probability that an exponential-uptime process stays up for the whole window. */
  quiet: Float64Array;
  upKind: Uint8Array;
  /** Weibull shape and scale of up times. */
  upShape: Float64Array;
  upScale: Float64Array;
  downKind: Uint8Array;
  /** Lognormal mu and sigma of down times. */
  downMu: Float64Array;
  downSigma: Float64Array;
  errorRate: Float64Array;
  /** The credit (component or event) its lost time is attributed to. */
  credit: Int32Array;
  /** Instances it acts on: instances[instanceStart[p] .. instanceStart[p + 1]). */
  instanceStart: Int32Array;
  instances: Int32Array;
  /** Whether the process can reach journey j: reaches[p * journeyCount + j]. */
  reaches: Uint8Array;
  /** Whether any journey depends on it; the others are never drawn. */
  relevant: Uint8Array;
}

/**
 * The parameters, per component, of one way of combining several error sources: replicas of a
 * component or its alternatives. Which way each component uses is in `replicaMode` and
 * `alternativeMode`.
 */
export interface Combination {
  needed: Int32Array;
  shed: Uint8Array;
  /** detect + switchover, in seconds. */
  delay: Float64Array;
  success: Float64Array;
}

export interface ComponentTable {
  count: number;
  id: string[];
  name: string[];
  /** Instances of c: instanceStart[c] .. instanceStart[c + 1]. */
  instanceStart: Int32Array;
  /** COMBINE_NONE for one instance, else COMBINE_ACTIVE or COMBINE_FAILOVER. */
  replicaMode: Uint8Array;
  replicas: Combination;
  /** Dependencies of c: dependencies[dependencyStart[c] .. dependencyStart[c + 1]). */
  dependencyStart: Int32Array;
  dependencies: Int32Array;
  impact: Float64Array;
  /** Components that depend on c: dependants[dependantStart[c] .. dependantStart[c + 1]). */
  dependantStart: Int32Array;
  dependants: Int32Array;
  /** COMBINE_NONE for serial dependencies, else how the alternatives combine. */
  alternativeMode: Uint8Array;
  alternatives: Combination;
  /** Failover group index of the replicas and of the alternatives, or -1. */
  replicaGroup: Int32Array;
  alternativeGroup: Int32Array;
}

export interface InstanceTable {
  count: number;
  component: Int32Array;
  /** Processes acting on i: processes[processStart[i] .. processStart[i + 1]). */
  processStart: Int32Array;
  processes: Int32Array;
}

export interface FailoverGroup {
  component: number;
  /** True when the group switches between alternatives (dependsOn), false for replicas. */
  alternatives: boolean;
  key0: number;
  key1: number;
}

export interface JourneySpec {
  id: string;
  name: string;
  entry: number;
  target: number;
}

export interface Model {
  name: string;
  /** The window as written in the scenario, e.g. "30d", and in seconds. */
  windowLabel: string;
  window: number;
  components: ComponentTable;
  instances: InstanceTable;
  processes: ProcessTable;
  /** Components that some journey reaches, dependencies before dependants. */
  order: Int32Array;
  failoverGroups: FailoverGroup[];
  journeys: JourneySpec[];
  /** Attribution names: component ids, then event names. */
  credits: string[];
}
