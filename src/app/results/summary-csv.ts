import type { JourneyRun, Run } from '../../engine';

type Cell = string | number | null;

const COLUMNS: [string, (run: Run, j: JourneyRun) => Cell][] = [
  ['scenario', (run) => run.scenario],
  ['seed', (run) => run.seed],
  ['trials', (run) => run.trials],
  ['window', (run) => run.window],
  ['journey', (_, j) => j.id],
  ['name', (_, j) => j.name],
  ['target', (_, j) => j.target],
  ['attainment_mean', (_, j) => j.attainment.mean],
  ['attainment_sd', (_, j) => j.attainment.sd],
  ['attainment_min', (_, j) => j.attainment.min],
  ['attainment_p01', (_, j) => j.attainment.p01],
  ['attainment_p05', (_, j) => j.attainment.p05],
  ['attainment_p50', (_, j) => j.attainment.p50],
  ['attainment_p95', (_, j) => j.attainment.p95],
  ['attainment_max', (_, j) => j.attainment.max],
  ['analytic', (_, j) => j.analytic],
  ['p_meet', (_, j) => j.pMeet],
  ['p_meet_low', (_, j) => j.pMeetInterval[0]],
  ['p_meet_high', (_, j) => j.pMeetInterval[1]],
  ['budget_remaining_mean', (_, j) => j.budgetRemaining?.mean ?? null],
  ['budget_remaining_p50', (_, j) => j.budgetRemaining?.p50 ?? null],
  ['budget_remaining_p05', (_, j) => j.budgetRemaining?.p05 ?? null],
  ['worst_trial', (_, j) => j.worst.trial],
  ['worst_attainment', (_, j) => j.worst.attainment],
  ['attribution', (_, j) => j.attribution.map((a) => `${a.component}: ${a.share}`).join('; ')],
];

/** Text a spreadsheet would run as a formula; such a label gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): numbers in full precision, null as empty, text quoted when it holds
 * a comma, quote or line break. Text that a spreadsheet would take for a formula is defused,
 * since labels come from scenario files that anyone can share.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The trial summary of a run as CSV: a header, then one row per journey with every statistic
 * of the run (ratios, not percentages), lines ending in CRLF.
 */
export function trialSummaryCsv(run: Run): string {
  const header = COLUMNS.map(([name]) => name).join(',');
  const rows = run.journeys.map((j) => COLUMNS.map(([, read]) => csvField(read(run, j))).join(','));
  return [header, ...rows].map((line) => `${line}\r\n`).join('');
}
