import { scaleLinear } from 'd3';
import { attainmentDecimals, type JourneyRun } from '../../engine';
import { formatCount, formatPercent, formatProbability, formatTarget } from '../format';
import { AxisBottom, AxisLeft, type AxisTick } from './axes';
import {
  attainmentBins,
  ninesLabel,
  ninesOf,
  ninesTicks,
  windowCount,
  type NinesBin,
} from './chart-data';
import {
  CHART_WIDTH,
  ChartFrame,
  Diamond,
  Legend,
  MARGIN,
  PALETTE,
  type LegendItem,
} from './chart-frame';

const HEIGHT = 420;
/** Room at the right of the plot for the separate "no loss" bar. */
const NO_LOSS_BAND = 110;
const NO_LOSS_BAR = 44;
/** Room a tick label such as "99.999 %" needs; closer ticks keep their mark but not all labels. */
const LABEL_ROOM = 84;

interface AttainmentChartProps {
  journey: JourneyRun;
  /** The run's window, such as "28d", for the axis title. */
  window: string;
}

/**
 * The histogram of a journey's attainment over the simulated windows on a nines axis, with the
 * target as a line, the share of windows meeting it with its interval, and the simulated mean
 * beside the analytic value.
 */
export function AttainmentChart({ journey, window }: AttainmentChartProps) {
  const marks = [journey.attainment.mean, ...(journey.analytic === null ? [] : [journey.analytic])];
  const h = journey.histogram;
  const trials = h.zero + h.counts.reduce((sum, count) => sum + count, 0);
  const met = Math.round(journey.pMeet * trials);
  const data = attainmentBins(h, journey.target, { marks, met });
  const plotRight = CHART_WIDTH - MARGIN.right - NO_LOSS_BAND;
  const bottom = HEIGHT - MARGIN.bottom;
  const x = scaleLinear().domain(data.domain).range([MARGIN.left, plotRight]);
  const tallest = Math.max(data.zero, ...data.bins.map((b) => b.count), 1);
  const y = scaleLinear().domain([0, tallest]).nice().range([bottom, MARGIN.top]);
  const noLossX = plotRight + NO_LOSS_BAND - NO_LOSS_BAR - 12;
  const xOf = (attainment: number) => {
    const nines = ninesOf(attainment);
    return Number.isFinite(nines) ? x(nines) : noLossX + NO_LOSS_BAR / 2;
  };

  const [low, high] = journey.pMeetInterval;
  const interval = `${formatProbability(low)}–${formatProbability(high)}`;
  const meet = `P(meet) = ${formatProbability(journey.pMeet)} (${interval})`;
  const windows = `${formatCount(trials)} windows`;
  const digits = attainmentDecimals(journey.target);
  return (
    <ChartFrame
      chart="attainment chart"
      journeyId={journey.id}
      title={`${journey.name}: attainment per ${window} window`}
      subtitle={`${meet} of meeting ${formatTarget(journey.target)}, over ${windows}`}
      description={`Histogram of ${journey.name} attainment over ${windows}; ${meet}.`}
      height={HEIGHT}
    >
      <Legend
        x={16}
        y={64}
        width={CHART_WIDTH - 32}
        items={legendItems(journey.analytic !== null)}
      />
      {data.targetX !== null && (
        <rect
          className="meet-zone"
          x={x(data.targetX)}
          y={MARGIN.top}
          width={plotRight - x(data.targetX)}
          height={bottom - MARGIN.top}
          fill={PALETTE.meet}
          fillOpacity={0.08}
        />
      )}
      <AxisLeft
        ticks={y.ticks(5).map((v) => ({ at: y(v), label: formatCount(v) }))}
        from={bottom}
        to={MARGIN.top}
        across={MARGIN.left}
        title="Windows"
        grid={plotRight - MARGIN.left}
      />
      <AxisBottom
        ticks={thinned(ninesTicks(data.domain).map((t) => ({ at: x(t.x), label: t.label })))}
        from={MARGIN.left}
        to={plotRight}
        across={bottom}
        title={`Attainment over the ${window} window (nines scale: each step is ×10 less loss)`}
      />
      {data.bins.map((bin, k) => (
        <Bar
          key={bin.x0}
          bin={bin}
          x0={x(bin.x0)}
          x1={x(bin.x1)}
          y={y}
          trials={trials}
          open={data.clipped && k === data.bins.length - 1}
        />
      ))}
      <g className="no-loss">
        <rect
          className="bar"
          data-count={data.zero}
          x={noLossX}
          y={y(data.zero)}
          width={NO_LOSS_BAR}
          height={bottom - y(data.zero)}
          fill={PALETTE.noLoss}
        >
          <title>{`No loss at all: ${windowCount(data.zero, trials)}`}</title>
        </rect>
        <text x={noLossX + NO_LOSS_BAR / 2} y={bottom + 22} textAnchor="middle">
          no loss
        </text>
      </g>
      {data.targetX !== null && (
        <g className="target-line" data-x={x(data.targetX)}>
          <line
            x1={x(data.targetX)}
            x2={x(data.targetX)}
            y1={MARGIN.top - 8}
            y2={bottom}
            stroke={PALETTE.ink}
            strokeWidth={2.5}
          />
          <text x={x(data.targetX) - 6} y={MARGIN.top + 14} textAnchor="end" className="label">
            target {formatTarget(journey.target)}
          </text>
          <title>{`Target ${formatTarget(journey.target)}: windows right of it meet it`}</title>
        </g>
      )}
      <g className="mean-marker" data-x={xOf(journey.attainment.mean)}>
        <Diamond x={xOf(journey.attainment.mean)} y={MARGIN.top - 8} fill={PALETTE.ink} size={9} />
        <title>{`Simulated mean ${formatPercent(journey.attainment.mean, digits)}`}</title>
      </g>
      {journey.analytic !== null && (
        <g className="analytic-marker" data-x={xOf(journey.analytic)}>
          <circle
            cx={xOf(journey.analytic)}
            cy={MARGIN.top - 8}
            r={7}
            fill="none"
            stroke={PALETTE.analytic}
            strokeWidth={3}
          />
          <title>{`Analytic expectation ${formatPercent(journey.analytic, digits)}`}</title>
        </g>
      )}
    </ChartFrame>
  );
}

/** Every tick keeps its mark; labels are left out evenly where they would overlap. */
function thinned(ticks: AxisTick[]): AxisTick[] {
  const spacing = ticks.length > 1 ? ticks[1].at - ticks[0].at : Infinity;
  const every = Math.ceil(LABEL_ROOM / spacing);
  return ticks.map((t, k) => (k % every === 0 ? t : { ...t, label: '' }));
}

function Bar(props: {
  bin: NinesBin;
  x0: number;
  x1: number;
  y: (count: number) => number;
  trials: number;
  /** The last bar, holding also the windows beyond the axis. */
  open: boolean;
}) {
  const { bin, x0, x1, y, trials, open } = props;
  if (bin.count === 0) return null;
  const range = open
    ? `${ninesLabel(bin.x0, 1)} or more (with a loss)`
    : `${ninesLabel(bin.x0, 1)} – ${ninesLabel(bin.x1, 1)}`;
  return (
    <rect
      className="bar"
      data-count={bin.count}
      x={x0 + 0.5}
      y={y(bin.count)}
      width={Math.max(1, x1 - x0 - 1)}
      height={y(0) - y(bin.count)}
      fill={bin.meets ? PALETTE.meet : PALETTE.miss}
    >
      <title>{`${range}: ${windowCount(bin.count, trials)}`}</title>
    </rect>
  );
}

function legendItems(analytic: boolean): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'meets target', swatch: { shape: 'box', fill: PALETTE.meet } },
    { label: 'misses target', swatch: { shape: 'box', fill: PALETTE.miss } },
    { label: 'no loss', swatch: { shape: 'box', fill: PALETTE.noLoss } },
    { label: 'target', swatch: { shape: 'line', stroke: PALETTE.ink } },
    { label: 'simulated mean', swatch: { shape: 'diamond', fill: PALETTE.ink } },
  ];
  const circle = { shape: 'circle', fill: 'none', stroke: PALETTE.analytic } as const;
  return analytic ? [...items, { label: 'analytic', swatch: circle }] : items;
}
