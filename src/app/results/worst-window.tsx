import { area, curveStepAfter, line, scaleLinear, type ScaleLinear } from 'd3';
import { attainmentDecimals, SECONDS_PER_UNIT, type JourneyRun } from '../../engine';
import { formatCount, formatPercent } from '../format';
import { AxisBottom, AxisLeft } from './axes';
import { formatSpan, timelineLanes, type Lane } from './chart-data';
import { ChartFrame, EventHatch, PALETTE, selectableProps, usePatternId } from './chart-frame';
import { CHART_WIDTH, chartHeader, fitText, INSET, MARGIN, type LegendItem } from './chart-layout';

/** Where the time axis starts: the lanes' names are right-aligned left of it. */
const LABELS = 230;
const LANE = 32;
const OUTAGE = 20;
const GAP = 28;
const ERROR_PANEL = 150;
/** Outages of minutes are thinner than a pixel over 28 days; they still show this wide. */
const MIN_WIDTH = 3;

interface WorstWindowProps {
  journey: JourneyRun;
  window: string;
  onSelectComponent?: (id: string) => void;
}

/**
 * The worst simulated window of a journey, replayed: a lane per component or shared event with
 * its outages over the days of the window, and the journey's error over time as a step line.
 */
export function WorstWindowChart({ journey, window, onSelectComponent }: WorstWindowProps) {
  const hatch = usePatternId('worst');
  const { days, lanes, error } = timelineLanes(journey);
  const trial = formatCount(journey.timeline.trial);
  const down = `outages of ${lanes.map((l) => l.source).join(', ') || 'nothing'}`;
  const attainment = formatPercent(journey.worst.attainment, attainmentDecimals(journey.target));
  const header = chartHeader(
    `${journey.name}: worst window, trial ${trial} (${attainment})`,
    `What was down when over the ${window} window, and the journey's error`,
    legend(hatch),
  );

  const top = header.top - 16;
  const errorTop = top + Math.max(1, lanes.length) * LANE + GAP;
  const bottom = errorTop + ERROR_PANEL;
  const height = bottom + MARGIN.bottom;
  const right = CHART_WIDTH - MARGIN.right;
  const x = scaleLinear().domain([0, days]).range([LABELS, right]);
  const peak = Math.max(0.01, ...error.map((e) => e.error));
  const y = scaleLinear().domain([0, peak]).nice().range([bottom, errorTop]);

  return (
    <ChartFrame
      chart="worst window chart"
      journeyId={journey.id}
      header={header}
      description={`Worst window of ${journey.name}, trial ${trial}, ${attainment}: ${down}.`}
      height={height}
      interactive={onSelectComponent !== undefined}
    >
      <EventHatch id={hatch} />
      {lanes.length === 0 && (
        <text x={INSET} y={top + LANE / 2} dominantBaseline="central">
          Nothing on this journey's path was down in this window.
        </text>
      )}
      {lanes.map((lane, k) => (
        <LaneRow
          key={lane.source}
          lane={lane}
          y={top + k * LANE}
          x={x}
          fill={lane.event ? `url(#${hatch})` : PALETTE.meet}
          onSelect={lane.event ? undefined : onSelectComponent}
        />
      ))}
      <AxisLeft
        ticks={y.ticks(4).map((v) => ({ at: y(v), label: formatPercent(v, peak < 0.1 ? 1 : 0) }))}
        from={bottom}
        to={errorTop}
        across={LABELS}
        title="Error"
        grid={right - LABELS}
      />
      <ErrorLine points={error} x={x} y={y} />
      <AxisBottom
        ticks={x.ticks(7).map((v) => ({ at: x(v), label: `${v}` }))}
        from={LABELS}
        to={right}
        across={bottom}
        title={`Days into the ${window} window`}
        grid={bottom - top}
      />
    </ChartFrame>
  );
}

function legend(hatch: string): LegendItem[] {
  return [
    { label: 'component down', swatch: { shape: 'box', fill: PALETTE.meet } },
    {
      label: 'shared event',
      swatch: { shape: 'box', fill: PALETTE.event, pattern: `url(#${hatch})` },
    },
    {
      label: 'journey error (share of requests failing)',
      swatch: { shape: 'line', stroke: PALETTE.ink },
    },
  ];
}

interface LaneRowProps {
  lane: Lane;
  y: number;
  x: ScaleLinear<number, number>;
  fill: string;
  onSelect?: (id: string) => void;
}

function LaneRow({ lane, y, x, fill, onSelect }: LaneRowProps) {
  const middle = y + LANE / 2;
  return (
    <g className={`lane lane-${lane.event ? 'event' : 'component'}`}>
      <g {...selectableProps(lane.source, onSelect)}>
        <text x={LABELS - 10} y={middle} textAnchor="end" dominantBaseline="central">
          {fitText(lane.source, LABELS - 10 - INSET)}
        </text>
        <title>{`${lane.source} (${lane.event ? 'shared event' : 'component'})`}</title>
      </g>
      {lane.outages.map((o) => (
        <rect
          key={`${o.label}@${o.start}`}
          className="outage"
          x={x(o.start)}
          y={middle - OUTAGE / 2}
          width={Math.max(MIN_WIDTH, x(o.end) - x(o.start))}
          height={OUTAGE}
          fill={fill}
          fillOpacity={0.5 + 0.5 * o.errorRate}
        >
          <title>{outageTip(o)}</title>
        </rect>
      ))}
    </g>
  );
}

function outageTip(o: Lane['outages'][number]): string {
  const span = formatSpan((o.end - o.start) * SECONDS_PER_UNIT.d);
  const when = `day ${o.start.toFixed(2)} to ${o.end.toFixed(2)} (${span})`;
  return `${o.label}: ${when}, error rate ${formatPercent(o.errorRate, o.errorRate < 0.1 ? 1 : 0)}`;
}

interface ErrorLineProps {
  points: { day: number; error: number }[];
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

function ErrorLine({ points, x, y }: ErrorLineProps) {
  const fillPath = area<{ day: number; error: number }>()
    .x((p) => x(p.day))
    .y0(y(0))
    .y1((p) => y(p.error))
    .curve(curveStepAfter)(points);
  const strokePath = line<{ day: number; error: number }>()
    .x((p) => x(p.day))
    .y((p) => y(p.error))
    .curve(curveStepAfter)(points);
  return (
    <g className="error-line">
      <path d={fillPath ?? ''} fill={PALETTE.ink} fillOpacity={0.12} />
      <path d={strokePath ?? ''} fill="none" stroke={PALETTE.ink} strokeWidth={2} />
    </g>
  );
}
