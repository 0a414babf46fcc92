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
import { ChartFrame, Diamond, PALETTE } from './chart-frame';
import { CHART_WIDTH, chartHeader, FONT, MARGIN, textWidth, type LegendItem } from './chart-layout';

const PLOT_HEIGHT = 260;
/** Room at the right of the plot for the separate "no loss" bar. */
const NO_LOSS_BAND = 96;
const NO_LOSS_BAR = 40;
const NO_LOSS = 'no loss';
/** Space between two tick labels; closer ticks keep their mark but not all their labels. */
const LABEL_GAP = 14;

interface AttainmentChartProps {
  journey: JourneyRun;
  /** The run's window, such as "28d", for the axis title. */
  window: string;
  /** The run's trials: every window the histogram counts. */
  trials: number;
}

/**
 * The histogram of a journey's attainment over the simulated windows on a nines axis, with the
 * target as a line, the share of windows meeting it with its interval, and the simulated mean
 * beside the analytic value.
 */
export function AttainmentChart({ journey, window, trials }: AttainmentChartProps) {
  const marks = [journey.attainment.mean, ...(journey.analytic === null ? [] : [journey.analytic])];
  const met = Math.round(journey.pMeet * trials);
  const data = attainmentBins(journey.histogram, journey.target, { marks, met });

  const [low, high] = journey.pMeetInterval;
  const interval = `${formatProbability(low)}–${formatProbability(high)}`;
  const meet = `P(meet) = ${formatProbability(journey.pMeet)} (${interval})`;
  const windows = `${formatCount(trials)} windows`;
  const digits = attainmentDecimals(journey.target);
  const header = chartHeader(
    `${journey.name}: attainment per ${window} window`,
    `${meet} of meeting ${formatTarget(journey.target)}, over ${windows}`,
    legendItems(journey.analytic !== null),
  );
  const top = header.top;
  const bottom = top + PLOT_HEIGHT;
  const plotRight = CHART_WIDTH - MARGIN.right - NO_LOSS_BAND;
  const x = scaleLinear().domain(data.domain).range([MARGIN.left, plotRight]);
  const tallest = Math.max(data.zero, ...data.bins.map((b) => b.count), 1);
  const y = scaleLinear().domain([0, tallest]).nice().range([bottom, top]);
  const noLossX = plotRight + NO_LOSS_BAND - NO_LOSS_BAR;
  const noLossLabel = noLossX + NO_LOSS_BAR / 2 - textWidth(NO_LOSS) / 2;
  const xOf = (attainment: number) => {
    const nines = ninesOf(attainment);
    return Number.isFinite(nines) ? x(nines) : noLossX + NO_LOSS_BAR / 2;
  };
  return (
    <ChartFrame
      chart="attainment chart"
      journeyId={journey.id}
      header={header}
      description={`Histogram of ${journey.name} attainment over ${windows}; ${meet}.`}
      height={bottom + MARGIN.bottom}
    >
      {data.targetX !== null && (
        <rect
          className="meet-zone"
          x={x(data.targetX)}
          y={top}
          width={plotRight - x(data.targetX)}
          height={bottom - top}
          fill={PALETTE.meet}
          fillOpacity={0.08}
        />
      )}
      <AxisLeft
        ticks={y.ticks(5).map((v) => ({ at: y(v), label: formatCount(v) }))}
        from={bottom}
        to={top}
        across={MARGIN.left}
        title="Windows"
        grid={plotRight - MARGIN.left}
      />
      <AxisBottom
        ticks={thinned(
          ninesTicks(data.domain).map((t) => ({ at: x(t.x), label: t.label })),
          noLossLabel - LABEL_GAP,
        )}
        from={MARGIN.left}
        to={plotRight}
        across={bottom}
        title="Attainment (nines scale: each step is ×10 less loss)"
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
          {NO_LOSS}
        </text>
      </g>
      {data.targetX !== null && (
        <TargetLine at={x(data.targetX)} top={top} bottom={bottom} target={journey.target} />
      )}
      <g className="mean-marker" data-x={xOf(journey.attainment.mean)}>
        <Diamond x={xOf(journey.attainment.mean)} y={top - 10} fill={PALETTE.ink} size={9} />
        <title>{`Simulated mean ${formatPercent(journey.attainment.mean, digits)}`}</title>
      </g>
      {journey.analytic !== null && (
        <g className="analytic-marker" data-x={xOf(journey.analytic)}>
          <circle
            cx={xOf(journey.analytic)}
            cy={top - 10}
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

/**
 * Every tick keeps its mark; labels are left out evenly where they would overlap, and where
 * they would reach past `limit` (the "no loss" label).
 */
function thinned(ticks: AxisTick[], limit: number): AxisTick[] {
  const spacing = ticks.length > 1 ? ticks[1].at - ticks[0].at : Infinity;
  const widest = Math.max(0, ...ticks.map((t) => textWidth(t.label)));
  const every = Math.ceil((widest + LABEL_GAP) / spacing);
  const fits = (t: AxisTick) => t.at + textWidth(t.label) / 2 <= limit;
  return ticks.map((t, k) => (k % every === 0 && fits(t) ? t : { ...t, bare: true }));
}

/** The target as a line across the plot, labelled on its left unless the plot ends there. */
function TargetLine(props: { at: number; top: number; bottom: number; target: number }) {
  const { at, top, bottom, target } = props;
  const label = `target ${formatTarget(target)}`;
  const left = at - 6 - textWidth(label, FONT.text, true) >= MARGIN.left;
  return (
    <g className="target-line" data-x={at}>
      <line x1={at} x2={at} y1={top - 8} y2={bottom} stroke={PALETTE.ink} strokeWidth={2.5} />
      <text
        x={left ? at - 6 : at + 6}
        y={top + 16}
        textAnchor={left ? 'end' : 'start'}
        className="label"
      >
        {label}
      </text>
      <title>{`Target ${formatTarget(target)}: windows right of it meet it`}</title>
    </g>
  );
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
