// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../src/engine';
import { trialSummaryCsv } from '../../src/app/results/summary-csv';
import { CHART_WIDTH } from '../../src/app/results/chart-layout';
import { ResultsPlaceholder, ResultsView } from '../../src/app/results/results-view';
import { mobileBankingRun } from './results-fixture';

/** Files the page asked the browser to download: their names and contents. */
let downloads: { name: string; blob: Blob }[];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function chartTitles(): string[] {
  return Array.from(document.querySelectorAll('.chart-title'), (t) => t.textContent ?? '');
}

describe('the results view', () => {
  let run: Run;
  beforeAll(async () => {
    run = await mobileBankingRun();
  });

  it('shows the summary table first, then the charts of the first journey', () => {
    render(<ResultsView run={run} stale={false} />);

    const table = screen.getByRole('table');
    const firstChart = document.querySelector('.chart')!;
    expect(
      table.compareDocumentPosition(firstChart) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(document.querySelectorAll('table')).toHaveLength(1);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(chartTitles()).toEqual([
      'Sign in: attainment per 28d window',
      'Sign in: error budget remaining per window',
      'Sign in: what burns the error budget',
      expect.stringMatching(/^Sign in: worst window, trial [\d,]+ \(\d+\.\d+ %\)$/),
    ]);
    expect(screen.getByRole('tab', { name: 'Sign in' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows another journey’s charts when its tab is chosen or reached with arrow keys', () => {
    render(<ResultsView run={run} stale={false} />);

    fireEvent.click(screen.getByRole('tab', { name: 'Payments' }));
    expect(chartTitles()[0]).toBe('Payments: attainment per 28d window');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Payments' }), { key: 'ArrowRight' });
    expect(chartTitles()[0]).toBe('Sign in: attainment per 28d window');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Sign in' }));
  });

  it('warns that the results are stale once the scenario changed', () => {
    const { rerender } = render(<ResultsView run={run} stale={false} />);
    expect(screen.queryByText(/The scenario changed since this run/)).toBeNull();

    rerender(<ResultsView run={run} stale />);

    expect(
      screen.getByText('The scenario changed since this run; press Run for current results.'),
    ).toBeTruthy();
    expect(document.querySelector('.results-body')!.classList.contains('is-stale')).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('downloads the trial summary as CSV', async () => {
    render(<ResultsView run={run} stale={false} />);

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(downloads.map((d) => d.name)).toEqual(['mobile-banking-platform-results-summary.csv']);
    const text = await downloads[0].blob.text();
    expect(text).toBe(trialSummaryCsv(run));
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5);
  });

  it('saves a chart as an SVG file that stands alone', async () => {
    const style = document.createElement('style');
    style.textContent = '.chart-title { font-size: 20px; font-weight: 700; }';
    document.head.append(style);
    render(<ResultsView run={run} stale={false} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save login attainment chart as SVG' }));
    style.remove();

    expect(downloads.map((d) => d.name)).toEqual(['login-attainment.svg']);
    const svg = new DOMParser().parseFromString(await downloads[0].blob.text(), 'image/svg+xml');
    const root = svg.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(CHART_WIDTH));
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(300);
    const title = root.querySelector('.chart-title')!;
    expect(title.textContent).toBe('Sign in: attainment per 28d window');
    expect(title.getAttribute('style')).toContain('font-size: 20px');
    expect(root.querySelectorAll('rect.bar').length).toBeGreaterThan(10);
  });

  it('has a button to save every chart as SVG and as PNG', () => {
    render(<ResultsView run={run} stale={false} />);

    for (const chart of ['attainment', 'budget', 'burn', 'worst window']) {
      for (const format of ['SVG', 'PNG']) {
        const name = `Save login ${chart} chart as ${format}`;
        expect(screen.getByRole('button', { name })).toBeTruthy();
      }
    }
  });

  it('passes a component chosen in a chart on to the editor', () => {
    const onSelect = vi.fn();
    render(<ResultsView run={run} stale={false} onSelectComponent={onSelect} />);

    fireEvent.click(screen.getAllByRole('button', { name: 'Select component edge' })[0]);

    expect(onSelect).toHaveBeenCalledWith('edge');
  });
});

describe('the results placeholder', () => {
  it('says what will appear once the scenario is run', () => {
    render(<ResultsPlaceholder />);

    const text = screen.getByRole('region', { name: 'Results' }).textContent;
    expect(text).toContain('No results yet');
    expect(text).toContain('Run simulation');
    expect(text).toMatch(/chance of meeting the target/);
    expect(text).toMatch(/error budget/);
  });
});
