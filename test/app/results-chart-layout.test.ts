// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { svgSize } from '../../src/app/results/chart-export';
import {
  CHART_WIDTH,
  chartHeader,
  FONT,
  fitText,
  legendLayout,
  SWATCH,
  textWidth,
  wrapText,
  type LegendItem,
} from '../../src/app/results/chart-layout';

const box = { shape: 'box', fill: '#000' } as const;

function items(...labels: string[]): LegendItem[] {
  return labels.map((label) => ({ label, swatch: box }));
}

describe('text of a chart', () => {
  it('is estimated wider for digits and percent signs than for narrow letters', () => {
    expect(textWidth('99.99 %')).toBeGreaterThan(textWidth('lilt ii'));
    expect(textWidth('target', FONT.text, true)).toBeGreaterThan(textWidth('target'));
    expect(textWidth('abc', 30)).toBeCloseTo(2 * textWidth('abc', 15), 9);
  });

  it('wraps at spaces within the width, keeping a percent sign with its number', () => {
    const text = 'Accounts overview: worst window, trial 2,331 (94.6379 %) of the 28d window';
    const width = 300;

    const lines = wrapText(text, width, FONT.title, true);

    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, FONT.title, true)).toBeLessThanOrEqual(width);
    expect(lines.some((line) => line.startsWith('%'))).toBe(false);
  });

  it('keeps a short text on one line and a word too long for the width on its own', () => {
    expect(wrapText('Sign in', 600, FONT.title)).toEqual(['Sign in']);
    expect(wrapText('a b-very-long-identifier c', 60, FONT.text)).toEqual([
      'a',
      'b-very-long-identifier',
      'c',
    ]);
  });

  it('cuts a label that does not fit with an ellipsis, and leaves one that fits', () => {
    const cut = fitText('core banking batch contention', 180);

    expect(cut).toMatch(/^core banking .*…$/);
    expect(textWidth(cut)).toBeLessThanOrEqual(180);
    expect(fitText('edge', 180)).toBe('edge');
  });
});

describe('the header of a chart', () => {
  it('wraps legend entries to a new row where the next would pass the width', () => {
    const placed = legendLayout(items('meets target', 'misses target', 'no loss'), 300);

    expect(placed.map((p) => p.y)).toEqual([0, 0, 26]);
    expect(placed[1].x).toBeGreaterThan(SWATCH + textWidth('meets target'));
    expect(placed[2].x).toBe(0);
  });

  it('starts the plot below the title, the subtitle and every row of the legend', () => {
    const legend = items('budget left', 'overspent', 'no loss', 'median (p50) and 5th percentile');
    const short = chartHeader('Sign in: budget', 'budget = 0.01 %', legend.slice(0, 1));
    const long = chartHeader(
      'Transaction history: error budget remaining per window, and more words to wrap it',
      'budget = 1 − 99.5 % = 0.5 % of 28d ≈ 3.4 h; left = 1 − lost / budget, and more',
      [...legend, ...legend.map((i) => ({ ...i, label: `${i.label} again` }))],
    );

    expect(long.title.lines.length).toBe(2);
    expect(long.subtitle!.lines.length).toBe(2);
    const lastRow = long.legend.items[long.legend.items.length - 1].y;
    expect(lastRow).toBeGreaterThan(0);
    expect(long.legend.y).toBeGreaterThan(long.subtitle!.y + long.subtitle!.step);
    expect(long.top).toBeGreaterThan(long.legend.y + lastRow + SWATCH);
    expect(long.top).toBeGreaterThan(short.top);
  });
});

describe('the size of a saved chart', () => {
  it('comes from the viewBox when the page scales the chart to its column', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${CHART_WIDTH} 437`);

    expect(svgSize(svg)).toEqual({ width: CHART_WIDTH, height: 437 });
  });
});
