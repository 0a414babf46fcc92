// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/engine';
import { SummaryTable } from '../../src/app/results/summary-table';
import { mobileBankingRun, runScenario } from './results-fixture';

afterEach(cleanup);

/** The text of each cell of each body row, as the browser test reads them. */
function bodyCells(): string[][] {
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  return rows.map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? ''));
}

describe('the summary table', () => {
  let run: Run;
  beforeAll(async () => {
    run = await mobileBankingRun();
  });

  it('shows a row per journey with its target, mean, P(meet) and budget left', () => {
    render(<SummaryTable run={run} workers={2} />);

    const rows = bodyCells();
    expect(rows).toHaveLength(4);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(
      Array.from(document.querySelectorAll('tbody tr'), (tr) => tr.getAttribute('data-journey')),
    ).toEqual(['login', 'account-overview', 'transaction-history', 'payments']);
    expect(rows.map((cells) => cells[1])).toEqual(['99.99 %', '99.9 %', '99.5 %', '99.95 %']);
    run.journeys.forEach((j, k) => {
      const [journey, , mean, pMeet, budget, p50, p5, analytic] = rows[k];
      const [low, high] = j.pMeetInterval;
      expect(journey).toContain(j.id);
      expect(mean).toBe(`${(j.attainment.mean * 100).toFixed(4)} %`);
      expect(pMeet).toBe(`${j.pMeet.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`);
      expect(p50).toBe(`${(j.budgetRemaining!.p50 * 100).toFixed(1)} %`);
      expect(p5).toBe(`${(j.budgetRemaining!.p05 * 100).toFixed(1)} %`);
      expect(analytic).toBe('—');
      expect(budget).toMatch(/^\d+(\.\d+)? % ≈ \d+\.\d (min|h)$/);
    });
    expect(rows[0][4]).toBe('0.01 % ≈ 4.0 min');
    expect(rows[2][4]).toBe('0.5 % ≈ 3.4 h');
  });

  it('spells out how the error budget is computed', () => {
    render(<SummaryTable run={run} />);

    expect(screen.getByRole('table').querySelector('caption')?.textContent).toContain(
      'Error budget = 1 − target; budget left = 1 − lost / budget',
    );
  });

  it('marks an overspent budget and shows the run’s speed', () => {
    render(<SummaryTable run={run} workers={3} />);

    const login = run.journeys[0];
    expect(login.budgetRemaining!.p05).toBeLessThan(0);
    expect(document.querySelector('tbody tr td.overspent')?.textContent).toBe(
      `${(login.budgetRemaining!.p05 * 100).toFixed(1)} %`,
    );
    expect(document.querySelector('.speed')?.textContent).toMatch(
      /^Elapsed [\d,]+ ms · [\d,]+ trials\/s · 3 workers$/,
    );
  });

  it('shows a dash where a journey has no budget or no analytic value', () => {
    const strict = { ...run.journeys[0], target: 1, budgetRemaining: null };
    render(<SummaryTable run={{ ...run, journeys: [strict] }} />);

    const [cells] = bodyCells();
    expect(cells.slice(4)).toEqual(['—', '—', '—', '—']);
    expect(cells[1]).toBe('100 %');
  });

  it('says that more trials are needed when every window met the target', async () => {
    const rare = await runScenario('test/fixtures/rarely-fails.json', 300);
    render(<SummaryTable run={rare} />);

    const [cells] = bodyCells();
    expect(rare.journeys[0].pMeet).toBe(1);
    expect(cells[3]).toContain('more trials needed');
    expect(screen.getByRole('listitem').textContent).toContain(
      'every one of the 300 windows met the target',
    );
  });

  it('says nothing about trials when P(meet) is resolved', () => {
    render(<SummaryTable run={run} />);

    expect(screen.queryByText(/more trials/)).toBeNull();
  });
});
