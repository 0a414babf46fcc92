import { attainmentDecimals, type JourneyRun, type Run } from '../../engine';
import { formatCount, formatPercent, formatProbability, formatTarget } from '../format';
import { errorBudget } from './chart-data';

const NO_ANALYTIC =
  'No closed form: partial failures, soft dependencies, shedding or failover timing';
/** An interval wider than this says little about P(meet): more trials would narrow it. */
const WIDE_INTERVAL = 0.1;

interface SummaryTableProps {
  run: Run;
  /** Workers the run used, for the speed line; left out when unknown. */
  workers?: number;
}

/**
 * The summary of every journey of a run, one row each: target, simulated mean, P(meet) with its
 * interval, budget remaining (p50 and p5) and the analytic value. The budget's arithmetic is
 * spelled out under it, with a note where P(meet) needs more trials.
 */
export function SummaryTable({ run, workers }: SummaryTableProps) {
  const rows = run.journeys.map((journey) => ({ journey, note: trialsNote(journey, run.trials) }));
  const notes = rows.flatMap(({ journey: { id, name }, note }) =>
    note ? [{ id, name, note }] : [],
  );
  return (
    <div className="summary">
      <table className="summary-table" aria-labelledby="results-heading">
        <caption>
          {formatCount(run.trials)} simulated windows of {run.window}, seed “{run.seed}”.{' '}
          <span className="arithmetic">
            Error budget = 1 − target; budget left = 1 − lost / budget, where lost = 1 − attainment
            (below 0 % the budget is overspent).
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Target</th>
            <th scope="col">Mean attainment (simulated)</th>
            <th scope="col">P(meet) [95 % interval]</th>
            <th scope="col">Error budget (1 − target)</th>
            <th scope="col">Budget left p50</th>
            <th scope="col">Budget left p5</th>
            <th scope="col">Analytic</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ journey, note }) => (
            <JourneyRow key={journey.id} journey={journey} note={note} />
          ))}
        </tbody>
      </table>
      {notes.length > 0 && (
        <ul className="summary-notes">
          {notes.map(({ id, name, note }) => (
            <li key={id}>
              {name}: {note}
            </li>
          ))}
        </ul>
      )}
      <p className="speed">
        Elapsed {formatCount(run.elapsedMs)} ms · {formatCount(run.trialsPerSecond)} trials/s
        {workers !== undefined && ` · ${workers} ${workers === 1 ? 'worker' : 'workers'}`}
      </p>
    </div>
  );
}

function JourneyRow({ journey, note }: { journey: JourneyRun; note: string | null }) {
  const [low, high] = journey.pMeetInterval;
  const digits = attainmentDecimals(journey.target);

  return (
    <tr data-journey={journey.id}>
      <th scope="row">
        {journey.name} <code>{journey.id}</code>
      </th>
      <td>{formatTarget(journey.target)}</td>
      <td>{formatPercent(journey.attainment.mean, digits)}</td>
      <td title={note ?? undefined}>
        {formatProbability(journey.pMeet)} [{formatProbability(low)}, {formatProbability(high)}]
        {note && <span className="more-trials"> more trials needed</span>}
      </td>
      <td>{budgetText(journey)}</td>
      <BudgetCell journey={journey} value={journey.budgetRemaining?.p50} />
      <BudgetCell journey={journey} value={journey.budgetRemaining?.p05} />
      <td title={journey.analytic === null ? NO_ANALYTIC : 'Exact steady-state expectation'}>
        {journey.analytic === null ? '—' : formatPercent(journey.analytic, digits)}
      </td>
    </tr>
  );
}

function BudgetCell({ journey, value }: { journey: JourneyRun; value: number | undefined }) {
  if (value === undefined) return <td title="No error budget: the target is 100 %">—</td>;
  return (
    <td className={value < 0 ? 'overspent' : undefined} title={budgetTitle(journey, value)}>
      {formatPercent(value, 1)}
    </td>
  );
}

/** The budget of a journey as a share and a time: "0.01 % ≈ 4.0 min". */
function budgetText(journey: JourneyRun): string {
  if (journey.target >= 1) return '—';
  const { share, time } = errorBudget(journey);
  return `${share} ≈ ${time}`;
}

/** The arithmetic behind a budget-left figure, for its tooltip. */
function budgetTitle(journey: JourneyRun, left: number): string {
  const lost = (1 - left) * (1 - journey.target);
  const { share, time } = errorBudget(journey);
  return (
    `budget = 1 − ${formatTarget(journey.target)} = ${share} ≈ ${time}; ` +
    `left = 1 − lost / budget = 1 − ${formatPercent(lost, 4)} / ${share}`
  );
}

/**
 * Why P(meet) needs more trials, or null: every window (or none) met the target, so the
 * interval only bounds it, or the interval is too wide to tell designs apart.
 */
function trialsNote(journey: JourneyRun, trials: number): string | null {
  const [low, high] = journey.pMeetInterval;
  if (journey.pMeet === 1 || journey.pMeet === 0) {
    const which = journey.pMeet === 1 ? 'every one' : 'none';
    const interval = `[${formatProbability(low)}, ${formatProbability(high)}]`;
    return (
      `${which} of the ${formatCount(trials)} windows met the target, so P(meet) is only known ` +
      `to lie in ${interval}: more trials are needed to resolve it.`
    );
  }
  if (high - low > WIDE_INTERVAL) {
    const width = formatProbability(high - low);
    return `the 95 % interval of P(meet) is ${width} wide: run more trials to narrow it.`;
  }
  return null;
}
