import { type JourneyRun, type Run } from '../engine';
import { formatCount, formatPercent, formatProbability, formatTarget } from './format';

/** One row per journey of a finished run, with the run's speed underneath. */
export function ResultsTable({ run, workers }: { run: Run; workers: number }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <table aria-labelledby="results-heading">
        <caption>
          {formatCount(run.trials)} simulated windows of {run.window}, seed “{run.seed}”
        </caption>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Target</th>
            <th scope="col">Mean attainment</th>
            <th scope="col">P(meet) [95 % interval]</th>
            <th scope="col">Budget remaining (p50)</th>
            <th scope="col">Analytic</th>
          </tr>
        </thead>
        <tbody>
          {run.journeys.map((journey) => (
            <JourneyRow key={journey.id} journey={journey} />
          ))}
        </tbody>
      </table>
      <p className="speed">
        Elapsed {formatCount(run.elapsedMs)} ms · {formatCount(run.trialsPerSecond)} trials/s ·{' '}
        {workers} {workers === 1 ? 'worker' : 'workers'}
      </p>
    </section>
  );
}

function JourneyRow({ journey }: { journey: JourneyRun }) {
  const [low, high] = journey.pMeetInterval;
  const budget = journey.budgetRemaining;

  return (
    <tr data-journey={journey.id}>
      <th scope="row">
        {journey.name} <code>{journey.id}</code>
      </th>
      <td>{formatTarget(journey.target)}</td>
      <td>{formatPercent(journey.attainment.mean)}</td>
      <td>
        {formatProbability(journey.pMeet)} [{formatProbability(low)}, {formatProbability(high)}]
      </td>
      <td>{budget ? formatPercent(budget.p50, 1) : 'no budget (target 100 %)'}</td>
      <td>{journey.analytic === null ? 'n/a' : formatPercent(journey.analytic)}</td>
    </tr>
  );
}
