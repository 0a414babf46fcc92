import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { downloadPng, downloadSvg, fileName } from './chart-export';

/** The Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const PALETTE = {
  meet: '#0072B2',
  miss: '#D55E00',
  noLoss: '#009E73',
  event: '#E69F00',
  analytic: '#CC79A7',
  ink: '#1a1a1a',
  grid: '#d9d9d9',
  overspentZone: '#fbe3d6',
};

/** Room around the plot of every chart for its title, legend and axes. */
export const MARGIN = { top: 100, right: 24, bottom: 64, left: 80 };
export const CHART_WIDTH = 800;

interface ChartFrameProps {
  /** What the chart is, for its buttons and file names: "attainment chart". */
  chart: string;
  journeyId: string;
  title: string;
  subtitle?: string;
  /** The chart's text alternative. */
  description: string;
  height: number;
  /** The chart holds controls (components to select): a group, so they stay reachable. */
  interactive?: boolean;
  children: ReactNode;
}

/**
 * A chart's SVG with its title inside (so a saved file carries it) and the buttons that save it
 * as SVG or PNG.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { chart, journeyId, title, subtitle, description, height, interactive, children } = props;
  const svg = useRef<SVGSVGElement>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (extension: string) =>
    fileName([journeyId, chart.replace(/ chart$/, '')], extension);

  const savePng = () => {
    setError(null);
    if (svg.current) downloadPng(svg.current, name('png')).catch((e: Error) => setError(e.message));
  };
  return (
    <figure className="chart">
      <svg
        ref={svg}
        className="chart-svg"
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        role={interactive ? 'group' : 'img'}
        aria-label={description}
      >
        <text className="chart-title" x={16} y={30}>
          {title}
        </text>
        {subtitle && (
          <text className="chart-subtitle" x={16} y={54}>
            {subtitle}
          </text>
        )}
        {children}
      </svg>
      <figcaption className="chart-actions">
        <button
          type="button"
          aria-label={`Save ${journeyId} ${chart} as SVG`}
          onClick={() => svg.current && downloadSvg(svg.current, name('svg'))}
        >
          Save SVG
        </button>
        <button type="button" aria-label={`Save ${journeyId} ${chart} as PNG`} onClick={savePng}>
          Save PNG
        </button>
        {error && <span className="error">{error}</span>}
      </figcaption>
    </figure>
  );
}

/** How a legend entry is drawn. */
export type Swatch =
  | { shape: 'box'; fill: string; pattern?: string }
  | { shape: 'line'; stroke: string; dashed?: boolean }
  | { shape: 'diamond' | 'circle'; fill: string; stroke?: string };

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

const SWATCH = 16;
const CHAR_WIDTH = 8.2;

const LEGEND_ROW = 24;

/** Legend entries from (x, y), each a swatch and its label, wrapping at `width`. */
export function Legend(props: { x: number; y: number; width: number; items: LegendItem[] }) {
  const { x, y, width, items } = props;
  let column = 0;
  let row = 0;
  const placed = items.map((item) => {
    const size = SWATCH + 8 + item.label.length * CHAR_WIDTH + 20;
    if (column > 0 && column + size > width) [column, row] = [0, row + 1];
    const at = { item, x: column, y: row * LEGEND_ROW };
    column += size;
    return at;
  });
  return (
    <g className="legend" transform={`translate(${x},${y})`}>
      {placed.map(({ item, x: ix, y: iy }) => (
        <g key={item.label} transform={`translate(${ix},${iy})`}>
          <SwatchMark swatch={item.swatch} />
          <text x={SWATCH + 6} y={SWATCH / 2} dominantBaseline="central">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

function SwatchMark({ swatch }: { swatch: Swatch }) {
  const mid = SWATCH / 2;
  switch (swatch.shape) {
    case 'box':
      return <rect width={SWATCH} height={SWATCH} fill={swatch.pattern ?? swatch.fill} />;
    case 'line':
      return (
        <line
          x1={mid}
          x2={mid}
          y1={0}
          y2={SWATCH}
          stroke={swatch.stroke}
          strokeWidth={3}
          strokeDasharray={swatch.dashed ? '4 3' : undefined}
        />
      );
    case 'diamond':
      return <Diamond x={mid} y={mid} fill={swatch.fill} />;
    case 'circle':
      return (
        <circle cx={mid} cy={mid} r={6} fill={swatch.fill} stroke={swatch.stroke} strokeWidth={2} />
      );
  }
}

/** A diamond marker centred on (x, y). */
export function Diamond({
  x,
  y,
  fill,
  size = 8,
}: {
  x: number;
  y: number;
  fill: string;
  size?: number;
}) {
  return (
    <path
      d={`M${x},${y - size}L${x + size},${y}L${x},${y + size}L${x - size},${y}Z`}
      fill={fill}
      stroke="#ffffff"
      strokeWidth={1.5}
    />
  );
}

/**
 * Props that make an SVG group act as a button selecting component `id` (click, Enter or
 * Space), or nothing when there is no `onSelect`.
 */
export function selectableProps(id: string, onSelect?: (id: string) => void) {
  if (!onSelect) return {};
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': `Select component ${id}`,
    onClick: () => onSelect(id),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      onSelect(id);
    },
  };
}

/** A label cut to `length` characters with an ellipsis; the full text goes in the tooltip. */
export function shorten(text: string, length = 32): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** The diagonal hatching that sets shared events apart from components in colour and texture. */
export function EventHatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={id}
        width={8}
        height={8}
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width={8} height={8} fill={PALETTE.event} />
        <line x1={0} y1={0} x2={0} y2={8} stroke="#ffffff" strokeWidth={3} />
      </pattern>
    </defs>
  );
}

/** A document-unique id for an SVG pattern, usable inside url(#…). */
export function usePatternId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}
