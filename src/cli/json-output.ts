import {
  type Run,
  type JourneyRun,
  type AttainmentStatistics,
  type BudgetStatistics,
  type RunResult,
} from '../engine';

/** One journey in `run --json`: the contract's fields, nothing the UI alone needs. */
export type JourneyOutput = Pick<
  JourneyRun,
  | 'id'
  | 'target'
  | 'attainment'
  | 'pMeet'
  | 'pMeetInterval'
  | 'budgetRemaining'
  | 'analytic'
  | 'attribution'
>;

/** The document `run --json` prints. */
export interface JsonOutput extends Omit<RunResult, 'journeys'> {
  journeys: JourneyOutput[];
}

/**
 * Picks the contract's fields out of a run, in the contract's order. Timings are rounded to
 * whole numbers; everything else keeps full precision.
 */
export function jsonOutput(run: Run): JsonOutput {
  return {
    scenario: run.scenario,
    seed: run.seed,
    trials: run.trials,
    window: run.window,
    journeys: run.journeys.map(journeyOutput),
    elapsedMs: Math.round(run.elapsedMs),
    trialsPerSecond: Math.round(run.trialsPerSecond),
  };
}

function journeyOutput(j: JourneyRun): JourneyOutput {
  return {
    id: j.id,
    target: j.target,
    attainment: attainmentOutput(j.attainment),
    pMeet: j.pMeet,
    pMeetInterval: [j.pMeetInterval[0], j.pMeetInterval[1]],
    budgetRemaining: j.budgetRemaining && budgetOutput(j.budgetRemaining),
    analytic: j.analytic,
    attribution: j.attribution.map(({ component, share }) => ({ component, share })),
  };
}

function attainmentOutput(a: AttainmentStatistics): AttainmentStatistics {
  const { mean, sd, min, p01, p05, p50, p95, max } = a;
  return { mean, sd, min, p01, p05, p50, p95, max };
}

function budgetOutput({ mean, p05, p50 }: BudgetStatistics): BudgetStatistics {
  return { mean, p05, p50 };
}

/** The text of `run --json`: one pretty-printed JSON document and a newline. */
export function jsonOutputText(run: Run): string {
  return `${JSON.stringify(jsonOutput(run), null, 2)}\n`;
}
