import { PALETTE } from './chart-frame';

/** A tick of an axis at `at` pixels; a `bare` tick has its mark but no room for its label. */
export interface AxisTick {
  at: number;
  label: string;
  bare?: boolean;
}

interface AxisProps {
  ticks: AxisTick[];
  /** Where the axis line runs, in pixels along it. */
  from: number;
  to: number;
  /** The axis line's position across: y of a bottom axis, x of a left one. */
  across: number;
  title: string;
  /** Grid lines from the axis across the plot, this long. */
  grid?: number;
}

const TICK = 6;
/** How far left of a vertical axis its title runs: clear of tick labels such as "10,000". */
const LEFT_TITLE = 70;

/** A horizontal axis drawn under a plot, with its title centred below. */
export function AxisBottom({ ticks, from, to, across, title, grid }: AxisProps) {
  return (
    <g className="axis axis-bottom" transform={`translate(0,${across})`}>
      <line className="axis-line" x1={from} x2={to} stroke="currentColor" />
      {ticks.map((tick) => (
        <g
          key={tick.at}
          className="tick"
          data-label={tick.label}
          transform={`translate(${tick.at},0)`}
        >
          {grid !== undefined && <line className="grid" y1={-grid} y2={0} stroke={PALETTE.grid} />}
          <line y2={TICK} stroke="currentColor" />
          {!tick.bare && (
            <text y={TICK + 17} textAnchor="middle">
              {tick.label}
            </text>
          )}
        </g>
      ))}
      <text className="axis-title" x={(from + to) / 2} y={TICK + 46} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

/** A vertical axis on the left of a plot, its title turned along it. */
export function AxisLeft({ ticks, from, to, across, title, grid }: AxisProps) {
  return (
    <g className="axis axis-left" transform={`translate(${across},0)`}>
      <line className="axis-line" y1={from} y2={to} stroke="currentColor" />
      {ticks.map((tick) => (
        <g key={tick.at} className="tick" transform={`translate(0,${tick.at})`}>
          {grid !== undefined && <line className="grid" x1={0} x2={grid} stroke={PALETTE.grid} />}
          <line x2={-TICK} stroke="currentColor" />
          <text x={-TICK - 4} textAnchor="end" dominantBaseline="central">
            {tick.label}
          </text>
        </g>
      ))}
      <text
        className="axis-title"
        transform={`translate(${-LEFT_TITLE},${(from + to) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}
