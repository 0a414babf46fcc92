import { attainmentDecimals, type JourneyRun, type Run } from '../engine';

/** How the run was made, for the report's heading: not part of the run's result. */
export interface RunSetting {
  workers: number;
}

const LABEL_WIDTH = 18;
const TOP_ATTRIBUTIONS = 3;
const NO_ANALYTIC = 'none (partial failures, soft dependencies, shed or failover timing)';

/** The human report of a run: a heading, then a short table per journey. */
export function reportText(run: Run, setting: RunSetting): string {
  const sections = [heading(run, setting), ...run.journeys.map((j) => journeyTable(j, run.trials))];
  return `${sections.join('\n\n')}\n`;
}

function heading(run: Run, { workers }: RunSetting): string {
  const seconds = (run.elapsedMs / 1000).toFixed(2);
  const speed = Math.round(run.trialsPerSecond);
  const threads = workers === 1 ? '1 worker' : `${workers} workers`;
  return [
    run.scenario,
    `${run.trials} trials of a ${run.window} window, seed ${JSON.stringify(run.seed)}, ` +
      `${threads}: ${seconds} s (${speed} trials/s)`,
  ].join('\n');
}

function journeyTable(j: JourneyRun, trials: number): string {
  const decimals = attainmentDecimals(j.target);
  const [low, high] = j.pMeetInterval;
  const rows: [string, string][] = [
    ['target', percent(j.target)],
    ['mean attainment', `${fixedPercent(j.attainment.mean, decimals)} (sd ${sd(j, decimals)})`],
    ['P(meet)', `${fixedPercent(j.pMeet, 2)} (95 % interval ${interval(low, high)})`],
    ['budget remaining', budget(j)],
    ['analytic', j.analytic === null ? NO_ANALYTIC : fixedPercent(j.analytic, decimals)],
    ['attribution', attribution(j)],
  ];
  if (j.pMeet === 0 || j.pMeet === 1) rows.push(['note', unresolvedNote(j.pMeet, trials)]);

  const title = j.name && j.name !== j.id ? `${j.id}  ${j.name}` : j.id;
  return [title, ...rows.map(([label, value]) => `  ${label.padEnd(LABEL_WIDTH)}${value}`)].join(
    '\n',
  );
}

function sd(j: JourneyRun, decimals: number): string {
  return `${(j.attainment.sd * 100).toFixed(decimals)} %`;
}

function budget(j: JourneyRun): string {
  if (j.budgetRemaining === null) return 'none (the target is 100 %)';
  const { p50, p05 } = j.budgetRemaining;
  return `p50 ${fixedPercent(p50, 1)}, p5 ${fixedPercent(p05, 1)}`;
}

function attribution(j: JourneyRun): string {
  if (j.attribution.length === 0) return 'nothing was lost';
  return j.attribution
    .slice(0, TOP_ATTRIBUTIONS)
    .map((a) => `${a.component} ${fixedPercent(a.share, 1)}`)
    .join(', ');
}

/** P(meet) of 0 or 1 only bounds the real chance; the interval says how far it may be off. */
function unresolvedNote(pMeet: number, trials: number): string {
  const which = pMeet === 1 ? 'every one' : 'none';
  return `${which} of the ${trials} windows met the target: more trials are needed to resolve it`;
}

function interval(low: number, high: number): string {
  return `${(low * 100).toFixed(2)}–${fixedPercent(high, 2)}`;
}

/** A ratio as a percent without trailing zeros, e.g. 0.9995 → "99.95 %". */
function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(6))} %`;
}

function fixedPercent(ratio: number, decimals: number): string {
  return `${(ratio * 100).toFixed(decimals)} %`;
}
