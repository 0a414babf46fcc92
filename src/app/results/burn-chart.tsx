import { scaleLinear } from 'd3';
import type { JourneyRun } from '../../engine';
import { formatPercent } from '../format';
import { AxisBottom } from './axes';
import { burnBars, type BurnBar } from './chart-data';
import { ChartFrame, EventHatch, PALETTE, selectableProps, usePatternId } from './chart-frame';
import { CHART_WIDTH, chartHeader, fitText, INSET, MARGIN, type LegendItem } from './chart-layout';

/** Where the bars start: the names are right-aligned left of it. */
const LABELS = 230;
/** Room right of the longest bar for its share ("57.7 %"). */
const SHARE_ROOM = 60;
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
  const header = chartHeader(
    `${journey.name}: what burns the error budget`,
    'Share of all the time lost over the simulated windows',
    legend(hatch),
  );
  const top = header.top - 16;
  const height = top + bars.length * ROW + MARGIN.bottom;
  const right = CHART_WIDTH - MARGIN.right - SHARE_ROOM;
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
      header={header}
      description={`Attribution of ${journey.name}'s lost time: ${shares}.`}
      height={height}
      interactive={onSelectComponent !== undefined}
    >
      <EventHatch id={hatch} />
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
  const what =
    bar.kind === 'others'
      ? `${bar.name} (${(bar.members ?? []).join(', ')})`
      : `${bar.name}, ${bar.kind === 'event' ? 'shared event' : 'component'}`;
  const label = `${what}: ${shareLabel(bar.share)} of the lost time`;
  return (
    <g
      className={`burn-bar burn-${bar.kind}${onSelect ? ' selectable' : ''}`}
      data-share={bar.share}
      {...selectableProps(bar.name, onSelect)}
    >
      <text x={LABELS - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
        {fitText(bar.name, LABELS - 10 - INSET)}
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
  const label = formatPercent(share, 1);
  return label === '0.0 %' ? '< 0.1 %' : label;
}
