import { scaleLinear, type ScaleLinear } from 'd3';
import type { JourneyRun } from '../../engine';
import { formatCount, formatPercent, formatTarget } from '../format';
import { AxisBottom, AxisLeft } from './axes';
import { budgetBins, errorBudget, windowCount, type BudgetBin } from './chart-data';
import { ChartFrame, PALETTE } from './chart-frame';
import { CHART_WIDTH, chartHeader, FONT, MARGIN, textWidth, type LegendItem } from './chart-layout';

const PLOT_HEIGHT = 256;
/** Room for the separate bars: overspent beyond the axis (left), no loss (right). */
const SIDE_BAND = 90;
const SIDE_BAR = 34;
/** The side bars sit at the outer edge of their band, leaving the axis's end labels room. */
const SIDE_INSET = 6;
/** Room a tick of the budget axis needs, with its label ("−250 %"). */
const TICK_ROOM = 80;

/** Budget remaining as a percentage of the budget, with a true minus sign: −0.5 → "−50 %". */
function budgetLabel(ratio: number): string {
  return `${Math.round(ratio * 100)} %`.replace('-', '−');
}

interface BudgetChartProps {
  journey: JourneyRun;
  /** The run's window, such as "28d", for the budget's arithmetic. */
  window: string;
  /** The run's trials: every window the histogram counts. */
  trials: number;
}

/**
 * The distribution of a journey's error budget remaining over the simulated windows, the
 * overspent region (below 0 %) shaded red, with its median and 5th percentile marked.
 */
export function BudgetChart({ journey, window, trials }: BudgetChartProps) {
  const budget = journey.budgetRemaining;
  if (!budget) {
    return (
      <p className="chart-empty">
        {journey.name} has no error budget: its target is 100 %, so any loss misses it.
      </p>
    );
  }
  const data = budgetBins(journey);
  const { share, time } = errorBudget(journey);
  const arithmetic =
    `budget = 1 − ${formatTarget(journey.target)} = ${share} of ${window} ` +
    `≈ ${time}; left = 1 − lost / budget`;
  const overspent = formatPercent(1 - journey.pMeet, 1);
  const header = chartHeader(
    `${journey.name}: error budget remaining per window`,
    arithmetic,
    LEGEND,
  );

  const top = header.top;
  const bottom = top + PLOT_HEIGHT;
  const left = MARGIN.left + SIDE_BAND;
  const right = CHART_WIDTH - MARGIN.right - SIDE_BAND;
  const x = scaleLinear().domain(data.domain).range([left, right]);
  const tallest = Math.max(data.below, data.noLoss, ...data.bins.map((b) => b.count), 1);
  const y = scaleLinear().domain([0, tallest]).nice().range([bottom, top]);
  const belowX = MARGIN.left + SIDE_INSET;
  const noLossX = right + SIDE_BAND - SIDE_BAR - SIDE_INSET;
  const xOf = (ratio: number) => (ratio < data.domain[0] ? belowX + SIDE_BAR / 2 : x(ratio));
  const marker = { top, bottom };
  return (
    <ChartFrame
      chart="budget chart"
      journeyId={journey.id}
      header={header}
      description={
        `Error budget remaining of ${journey.name}: median ${budgetLabel(budget.p50)}, ` +
        `5th percentile ${budgetLabel(budget.p05)}; overspent in ${overspent} of windows.`
      }
      height={bottom + MARGIN.bottom}
    >
      <rect
        className="overspent-zone"
        x={MARGIN.left}
        y={top}
        width={x(0) - MARGIN.left}
        height={bottom - top}
        fill={PALETTE.overspentZone}
      />
      <text className="label" x={x(0) - 8} y={top + 20} textAnchor="end" fill={PALETTE.miss}>
        {overspentLabel(overspent, x(0) - 16 - MARGIN.left)}
      </text>
      <AxisLeft
        ticks={y.ticks(5).map((v) => ({ at: y(v), label: formatCount(v) }))}
        from={bottom}
        to={top}
        across={MARGIN.left}
        title="Windows"
        grid={CHART_WIDTH - MARGIN.right - MARGIN.left}
      />
      <AxisBottom
        ticks={x
          .ticks(Math.floor((right - left) / TICK_ROOM))
          .map((v) => ({ at: x(v), label: budgetLabel(v) }))}
        from={left}
        to={right}
        across={bottom}
        title="Budget remaining (% of the budget; below 0 % overspent)"
      />
      {data.bins.map((bin) => (
        <Bar key={bin.x0} bin={bin} x={x} y={y} trials={trials} />
      ))}
      <SideBar
        at={belowX}
        count={data.below}
        label={`< ${budgetLabel(data.domain[0])}`}
        tip={`Overspent beyond ${budgetLabel(data.domain[0])} of the budget`}
        fill={PALETTE.miss}
        y={y}
        trials={trials}
      />
      <SideBar
        at={noLossX}
        count={data.noLoss}
        label="no loss"
        tip="No loss at all, the whole budget left"
        fill={PALETTE.noLoss}
        y={y}
        trials={trials}
      />
      <Marker at={xOf(budget.p50)} name="p50" value={budget.p50} dash="8 4" {...marker} above />
      <Marker at={xOf(budget.p05)} name="p5" value={budget.p05} dash="2 3" {...marker} />
    </ChartFrame>
  );
}

const LEGEND: LegendItem[] = [
  { label: 'budget left', swatch: { shape: 'box', fill: PALETTE.meet } },
  { label: 'overspent', swatch: { shape: 'box', fill: PALETTE.miss } },
  { label: 'no loss', swatch: { shape: 'box', fill: PALETTE.noLoss } },
  {
    label: 'median (p50) and 5th percentile (p5)',
    swatch: { shape: 'line', stroke: PALETTE.ink, dashed: true },
  },
];

interface BarProps {
  bin: BudgetBin;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  trials: number;
}

function Bar({ bin, x, y, trials }: BarProps) {
  if (bin.count === 0) return null;
  const range = `${budgetLabel(bin.x0)} to ${budgetLabel(bin.x1)} left`;
  const tip = `${range}: ${windowCount(bin.count, trials)}`;
  return (
    <rect
      className="bar"
      data-count={bin.count}
      x={x(bin.x0) + 0.5}
      y={y(bin.count)}
      width={Math.max(1, x(bin.x1) - x(bin.x0) - 1)}
      height={y(0) - y(bin.count)}
      fill={bin.x1 <= 1e-9 ? PALETTE.miss : PALETTE.meet}
    >
      <title>{tip}</title>
    </rect>
  );
}

interface SideBarProps {
  at: number;
  count: number;
  label: string;
  tip: string;
  fill: string;
  y: ScaleLinear<number, number>;
  trials: number;
}

function SideBar({ at, count, label, tip, fill, y, trials }: SideBarProps) {
  return (
    <g className="side-bar">
      <rect
        className="bar"
        data-count={count}
        x={at}
        y={y(count)}
        width={SIDE_BAR}
        height={y(0) - y(count)}
        fill={fill}
      >
        <title>{`${tip}: ${windowCount(count, trials)}`}</title>
      </rect>
      <text x={at + SIDE_BAR / 2} y={y(0) + 22} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** "overspent: 43.0 % of windows", or a shorter label where the overspent region is narrow. */
function overspentLabel(share: string, room: number): string {
  const label = `overspent: ${share} of windows`;
  return textWidth(label, FONT.text, true) <= room ? label : `overspent ${share}`;
}

interface MarkerProps {
  at: number;
  name: string;
  value: number;
  dash: string;
  top: number;
  bottom: number;
  above?: boolean;
}

/** A percentile's line, its label right of it: above the plot, or else inside it. */
function Marker({ at, name, value, dash, top, bottom, above }: MarkerProps) {
  return (
    <g className={`marker marker-${name}`} data-x={at}>
      <line
        x1={at}
        x2={at}
        y1={top - 8}
        y2={bottom}
        stroke={PALETTE.ink}
        strokeWidth={2}
        strokeDasharray={dash}
      />
      <text x={at + 4} y={above ? top - 12 : top + 46} className="label">
        {name} {budgetLabel(value)}
      </text>
      <title>{`${name}: ${budgetLabel(value)} of the budget left`}</title>
    </g>
  );
}
