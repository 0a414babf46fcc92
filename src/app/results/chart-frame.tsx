import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { downloadPng, downloadSvg, fileName } from './chart-export';
import {
  CHART_WIDTH,
  INSET,
  SWATCH,
  type ChartHeader,
  type PlacedItem,
  type Swatch,
  type TextBlock,
} from './chart-layout';

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

interface ChartFrameProps {
  /** What the chart is, for its buttons and file names: "attainment chart". */
  chart: string;
  journeyId: string;
  /** Title, subtitle and legend, placed by `chartHeader`. */
  header: ChartHeader;
  /** The chart's text alternative. */
  description: string;
  height: number;
  /** The chart holds controls (components to select): a group, so they stay reachable. */
  interactive?: boolean;
  children: ReactNode;
}

/**
 * A chart's SVG with its title and legend inside (so a saved file carries them) and the buttons
 * that save it as SVG or PNG. The SVG has no size of its own: the page scales it to its column.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { chart, journeyId, header, description, height, interactive, children } = props;
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
        role={interactive ? 'group' : 'img'}
        aria-label={description}
      >
        <Lines className="chart-title" block={header.title} />
        {header.subtitle && <Lines className="chart-subtitle" block={header.subtitle} />}
        <Legend y={header.legend.y} items={header.legend.items} />
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

/**
 * Lines of text as one element, so that its text is the whole text: each line but the last
 * keeps its trailing space.
 */
function Lines({ className, block }: { className: string; block: TextBlock }) {
  const last = block.lines.length - 1;
  return (
    <text className={className} x={INSET} y={block.y}>
      {block.lines.map((line, k) => (
        <tspan key={k} x={INSET} dy={k === 0 ? 0 : block.step}>
          {k < last ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  );
}

/** The legend's entries, each a swatch and its label, where `legendLayout` placed them. */
function Legend({ y, items }: { y: number; items: PlacedItem[] }) {
  return (
    <g className="legend" transform={`translate(${INSET},${y})`}>
      {items.map(({ item, x: ix, y: iy }) => (
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
