// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JourneyRun, Run } from '../../src/engine';
import { AttainmentChart } from '../../src/app/results/attainment-chart';
import { BudgetChart } from '../../src/app/results/budget-chart';
import { BurnChart } from '../../src/app/results/burn-chart';
import { eventSources, ninesOf } from '../../src/app/results/chart-data';
import { PALETTE } from '../../src/app/results/chart-frame';
import { WorstWindowChart } from '../../src/app/results/worst-window';
import { mobileBankingRun, runScenario, TRIALS } from './results-fixture';

afterEach(cleanup);

/** The x of every axis tick of the bottom axis, by its label (shown or left out for room). */
function bottomTicks(): Map<string, number> {
  const ticks = document.querySelectorAll('.axis-bottom .tick');
  return new Map(
    Array.from(ticks, (tick) => [
      tick.getAttribute('data-label')!,
      Number(/translate\(([-\d.e]+),/.exec(tick.getAttribute('transform')!)![1]),
    ]),
  );
}

function barCounts(selector = 'rect.bar'): number[] {
  return Array.from(document.querySelectorAll(selector), (bar) =>
    Number(bar.getAttribute('data-count')),
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the result charts of the default scenario', () => {
  let run: Run;
  let payments: JourneyRun;
  beforeAll(async () => {
    run = await mobileBankingRun();
    payments = run.journeys.find((j) => j.id === 'payments')!;
  });

  it('draws every window in the attainment histogram, the no-loss ones in their own bar', () => {
    render(<AttainmentChart journey={payments} window={run.window} trials={run.trials} />);

    expect(sum(barCounts())).toBe(TRIALS);
    expect(barCounts('.no-loss rect.bar')).toEqual([payments.histogram.zero]);
    expect(document.querySelector('.no-loss text')!.textContent).toBe('no loss');
  });

  it('puts the target line where 99.95 % falls between the 99.9 % and 99.99 % ticks', () => {
    render(<AttainmentChart journey={payments} window={run.window} trials={run.trials} />);

    const ticks = bottomTicks();
    const [x999, x9999] = [ticks.get('99.9 %')!, ticks.get('99.99 %')!];
    const expected = x999 + (x9999 - x999) * (ninesOf(0.9995) - 3);
    const line = document.querySelector('.target-line line')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(expected, 6);
    expect(line.getAttribute('x2')).toBe(line.getAttribute('x1'));
    expect(screen.getByText('target 99.95 %')).toBeTruthy();
  });

  it('colours the bars right of the target as meeting it and left of it as missing it', () => {
    render(<AttainmentChart journey={payments} window={run.window} trials={run.trials} />);

    const target = Number(document.querySelector('.target-line line')!.getAttribute('x1'));
    const bars = Array.from(document.querySelectorAll('rect.bar')).filter(
      (bar) => !bar.closest('.no-loss'),
    );
    for (const bar of bars) {
      const x = Number(bar.getAttribute('x'));
      const right = x + Number(bar.getAttribute('width'));
      const fill = bar.getAttribute('fill');
      expect(fill).toBe(x >= target - 1 ? PALETTE.meet : PALETTE.miss);
      if (fill === PALETTE.miss) expect(right).toBeLessThanOrEqual(target);
    }
    const met = sum(
      bars
        .filter((b) => b.getAttribute('fill') === PALETTE.meet)
        .map((b) => Number(b.getAttribute('data-count'))),
    );
    expect(met + payments.histogram.zero).toBe(Math.round(payments.pMeet * TRIALS));
  });

  it('states P(meet) with its interval and marks the simulated mean', () => {
    render(<AttainmentChart journey={payments} window={run.window} trials={run.trials} />);

    const [low, high] = payments.pMeetInterval;
    const meet = `P(meet) = ${payments.pMeet.toFixed(3)} (${low.toFixed(3)}–${high.toFixed(3)})`;
    expect(document.querySelector('.chart-subtitle')!.textContent).toContain(meet);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(meet);
    const ticks = bottomTicks();
    const [x999, x9999] = [ticks.get('99.9 %')!, ticks.get('99.99 %')!];
    const mean = Number(document.querySelector('.mean-marker')!.getAttribute('data-x'));
    const nines = ninesOf(payments.attainment.mean);
    expect(mean).toBeCloseTo(x999 + (x9999 - x999) * (nines - 3), 6);
    expect(document.querySelector('.analytic-marker')).toBeNull();
  });

  it('draws the budget distribution with every window and the overspent region up to 0 %', () => {
    render(<BudgetChart journey={payments} window={run.window} trials={run.trials} />);

    expect(sum(barCounts())).toBe(TRIALS);
    const zone = document.querySelector('.overspent-zone')!;
    const zoneEnd = Number(zone.getAttribute('x')) + Number(zone.getAttribute('width'));
    expect(zoneEnd).toBeCloseTo(bottomTicks().get('0 %')!, 6);
    expect(
      screen.getByText(`overspent: ${((1 - payments.pMeet) * 100).toFixed(1)} % of windows`),
    ).toBeTruthy();
    expect(document.querySelector('.chart-subtitle')!.textContent).toBe(
      'budget = 1 − 99.95 % = 0.05 % of 28d ≈ 20.2 min; left = 1 − lost / budget',
    );
  });

  it('marks the median budget left between the ticks around it', () => {
    render(<BudgetChart journey={payments} window={run.window} trials={run.trials} />);

    const ticks = bottomTicks();
    const [x0, x100] = [ticks.get('0 %')!, ticks.get('100 %')!];
    const p50 = Number(document.querySelector('.marker-p50')!.getAttribute('data-x'));
    expect(p50).toBeCloseTo(x0 + (x100 - x0) * payments.budgetRemaining!.p50, 6);
  });

  it('says there is no budget when the target is 100 %', () => {
    render(
      <BudgetChart
        journey={{ ...payments, target: 1, budgetRemaining: null }}
        window="28d"
        trials={run.trials}
      />,
    );

    expect(screen.getByText(/has no error budget: its target is 100 %/)).toBeTruthy();
    expect(document.querySelector('svg')).toBeNull();
  });

  it('ranks what burns the budget and sets events apart from components', () => {
    render(<BurnChart journey={payments} events={eventSources(run)} />);

    const bars = Array.from(document.querySelectorAll('.burn-bar'));
    const shares = bars.map((bar) => Number(bar.getAttribute('data-share')));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(sum(shares)).toBeCloseTo(1, 12);
    expect(bars[0].querySelector('text')!.textContent).toBe('eu-west region outage');
    expect(bars[0].classList.contains('burn-event')).toBe(true);
    const edge = bars.find((bar) => bar.querySelector('text')!.textContent === 'edge')!;
    expect(edge.classList.contains('burn-component')).toBe(true);
    expect(edge.querySelector('rect')!.getAttribute('fill')).toBe(PALETTE.meet);
    expect(bars[0].querySelector('rect')!.getAttribute('fill')).toMatch(/^url\(#/);
  });

  it('gathers what burns almost nothing into one bar rather than show "0.0 %"', () => {
    const login = run.journeys.find((j) => j.id === 'login')!;
    const tiny = login.attribution.filter((a) => a.share < 0.0005).map((a) => a.component);
    render(<BurnChart journey={login} events={eventSources(run)} />);

    expect(tiny.length).toBeGreaterThan(1);
    const bars = Array.from(document.querySelectorAll('.burn-bar'));
    const texts = bars.map((bar) => Array.from(bar.querySelectorAll('text'), (t) => t.textContent));
    expect(texts.flat()).not.toContain('0.0 %');
    expect(texts.at(-1)).toEqual([`${tiny.length} others`, '< 0.1 %']);
    expect(bars.at(-1)!.querySelector('title')!.textContent).toBe(
      `${tiny.length} others (${tiny.join(', ')}): < 0.1 % of the lost time`,
    );
  });

  it('selects a component when its burn bar is chosen, but not an event', () => {
    const onSelect = vi.fn();
    render(
      <BurnChart journey={payments} events={eventSources(run)} onSelectComponent={onSelect} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Select component edge' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Select component core-db' }), {
      key: 'Enter',
    });

    expect(onSelect.mock.calls).toEqual([['edge'], ['core-db']]);
    expect(
      screen.queryByRole('button', { name: 'Select component eu-west region outage' }),
    ).toBeNull();
  });

  it('replays the worst window with a lane per source and every outage', () => {
    render(<WorstWindowChart journey={payments} window={run.window} />);

    const { timeline, worst } = payments;
    const trial = worst.trial.toLocaleString('en-US');
    const sources = new Set(timeline.outages.map((o) => o.source));
    expect(document.querySelectorAll('.lane')).toHaveLength(sources.size);
    expect(document.querySelectorAll('rect.outage')).toHaveLength(timeline.outages.length);
    expect(document.querySelector('.chart-title')!.textContent).toBe(
      `Payments: worst window, trial ${trial} (${(worst.attainment * 100).toFixed(4)} %)`,
    );
    expect(bottomTicks().get('0')).toBeDefined();
    expect(screen.getByText('Days into the 28d window')).toBeTruthy();
    expect(document.querySelector('.error-line path')!.getAttribute('d')).toMatch(/^M/);
  });

  it('offers to save each chart as SVG and PNG under names that say which', () => {
    render(<WorstWindowChart journey={payments} window={run.window} />);

    expect(
      screen.getByRole('button', { name: 'Save payments worst window chart as SVG' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Save payments worst window chart as PNG' }),
    ).toBeTruthy();
  });
});

describe('the attainment chart of a model with a closed form', () => {
  it('marks the analytic value where the nines axis puts it', async () => {
    const run = await runScenario('scenarios/serial-vs-parallel.json', 500);
    const serial = run.journeys.find((j) => j.analytic !== null)!;
    render(<AttainmentChart journey={serial} window={run.window} trials={run.trials} />);

    const ticks = bottomTicks();
    const [x90, x99] = [ticks.get('90 %')!, ticks.get('99 %')!];
    const analytic = Number(document.querySelector('.analytic-marker')!.getAttribute('data-x'));
    expect(analytic).toBeCloseTo(x90 + (x99 - x90) * (ninesOf(serial.analytic!) - 1), 6);
    expect(screen.getByText('analytic')).toBeTruthy();
  });
});
