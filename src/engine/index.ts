/**
 * The Nines engine: everything the app, the workers and the command line use. It is pure
 * TypeScript with no DOM, Node or UI dependency (`tsconfig.engine.json` checks that).
 */
export { analyticAttainment } from './analytic';
export { compileModel } from './model/compile';
export type { Model } from './model/types';
export { createChunkWorker, type ChunkWorker } from './runner/chunk-worker';
export { createLocalRunner } from './runner/local';
export {
  createRunner,
  RunCancelledError,
  type JourneyRun,
  type RemoteChunkWorker,
  type Run,
  type RunOptions,
  type Runner,
} from './runner/runner';
export { DEFAULT_SEED, DEFAULT_TRIALS, runSettings } from './scenario/run-settings';
export { Scenario, type ScenarioDoc } from './scenario/schema';
export { formatDuration, parseDuration, parseRatio, SECONDS_PER_UNIT } from './scenario/units';
export {
  formatProblem,
  parseScenarioText,
  ScenarioError,
  validateScenario,
  type Problem,
  type ValidationResult,
} from './scenario/validate';
export { CHUNK_SIZE } from './simulate/chunk';
export type { Timeline, TimelineOutage } from './simulate/timeline';
export { budgetHistogram, type BudgetHistogram } from './summary/budget';
export { BINS_PER_DECADE, binOf, LOG10_MIN } from './summary/histogram';
export { attainmentDecimals } from './summary/precision';
export type {
  AttainmentStatistics,
  Attribution,
  BudgetStatistics,
  HistogramData,
  JourneyResult,
  RunResult,
} from './summary/result';
export {
  COMPONENT_KINDS,
  type ComponentDoc,
  type ComponentKind,
  type DependencyDoc,
  type DependsOnDoc,
  type FailureModeDoc,
  type JourneyDoc,
  type ReplicasDoc,
  type SharedEventDoc,
} from './scenario/schema';
export { componentsHitBy, cycleClosedBy, eventHitsInstance, instanceTags } from './scenario/graph';
export { formatPath } from './scenario/validate';
export { meanUpTime, steadyStateAvailability } from './model/rates';
