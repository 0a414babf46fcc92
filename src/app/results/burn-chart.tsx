import { scaleLinear } from 'd3';
import type { JourneyRun } from '../../engine';
import { formatPercent } from '../format';
import { AxisBottom } from './axes';
import { burnBars, type BurnBar } from './chart-data';
import {
  CHART_WIDTH,
  ChartFrame,
  EventHatch,
  Legend,
  MARGIN,
  PALETTE,
  selectableProps,
  shorten,
  usePatternId,
  type LegendItem,
} from './chart-frame';

const LABELS = 290;
const ROW = 36;
const BAR = 24;
const OTHERS = '#9e9e9e';

interface BurnChartProps {
  journey: JourneyRun;
  /** Names among the attribution that are shared events rather than components. */
  events: ReadonlySet<string>;
  /** Called with a component's id when its bar is chosen. */
  onSelectComponent?: (id: string) => void;
}

/** Which components and shared events burn a journey's error budget, largest first. */
export function BurnChart({ journey, events, onSelectComponent }: BurnChartProps) {
  const hatch = usePatternId('hatch');
  if (journey.attribution.length === 0) {
    return (
      <p className="chart-empty">
        {journey.name} lost nothing in any window, so nothing burns its budget.
      </p>
    );
  }
  const bars = burnBars(journey, events);
  const top = MARGIN.top - 8;
  const height = top + bars.length * ROW + MARGIN.bottom;
  const right = CHART_WIDTH - MARGIN.right - 64;
  const x = scaleLinear()
    .domain([0, Math.max(...bars.map((b) => b.share))])
    .nice()
    .range([LABELS, right]);
  const shares = bars.map((b) => `${b.name} ${shareLabel(b.share)}`).join(', ');
  const fill = (bar: BurnBar) =>
    bar.kind === 'event' ? `url(#${hatch})` : bar.kind === 'others' ? OTHERS : PALETTE.meet;

  return (
    <ChartFrame
      chart="burn chart"
      journeyId={journey.id}
      title={`${journey.name}: what burns the error budget`}
      subtitle="Share of all the time lost over the simulated windows"
      description={`Attribution of ${journey.name}'s lost time: ${shares}.`}
      height={height}
      interactive={onSelectComponent !== undefined}
    >
      <EventHatch id={hatch} />
      <Legend x={16} y={64} width={CHART_WIDTH - 32} items={legend(hatch)} />
      <AxisBottom
        ticks={x.ticks(5).map((v) => ({ at: x(v), label: formatPercent(v, 0) }))}
        from={LABELS}
        to={right}
        across={height - MARGIN.bottom}
        title="Share of the journey's lost time"
        grid={bars.length * ROW}
      />
      {bars.map((bar, k) => (
        <BarRow
          key={bar.name}
          bar={bar}
          y={top + k * ROW + (ROW - BAR) / 2}
          width={x(bar.share) - LABELS}
          fill={fill(bar)}
          onSelect={bar.kind === 'component' ? onSelectComponent : undefined}
        />
      ))}
    </ChartFrame>
  );
}

function legend(hatch: string): LegendItem[] {
  return [
    { label: 'component', swatch: { shape: 'box', fill: PALETTE.meet } },
    {
      label: 'shared event',
      swatch: { shape: 'box', fill: PALETTE.event, pattern: `url(#${hatch})` },
    },
  ];
}

interface BarRowProps {
  bar: BurnBar;
  y: number;
  width: number;
  fill: string;
  onSelect?: (id: string) => void;
}

function BarRow({ bar, y, width, fill, onSelect }: BarRowProps) {
  const kind = bar.kind === 'event' ? 'shared event' : bar.kind === 'component' ? 'component' : '';
  const label = `${bar.name}${kind && `, ${kind}`}: ${shareLabel(bar.share)} of the lost time`;
  return (
    <g
      className={`burn-bar burn-${bar.kind}${onSelect ? ' selectable' : ''}`}
      data-share={bar.share}
      {...selectableProps(bar.name, onSelect)}
    >
      <text x={LABELS - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
        {shorten(bar.name)}
      </text>
      <rect x={LABELS} y={y} width={Math.max(1, width)} height={BAR} fill={fill} />
      <text x={LABELS + width + 6} y={y + BAR / 2} dominantBaseline="central">
        {shareLabel(bar.share)}
      </text>
      <title>{label}</title>
    </g>
  );
}

/** A share with one decimal; a share too small for it says so rather than show "0.0 %". */
function shareLabel(share: number): string {
  return share >= 0.0005 ? formatPercent(share, 1) : '< 0.1 %';
}
