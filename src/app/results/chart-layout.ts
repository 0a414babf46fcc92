/*
 * Where the text of a chart goes, worked out without a DOM. SVG text does not wrap and cannot be
 * measured before it is drawn (nor at all in tests), so widths are estimated from the characters,
 * for the wide font most Linux browsers use (DejaVu Sans); other fonts are narrower.
 */

/**
 * The width every chart is drawn at, in SVG units. The page scales it to its column: about
 * 1:1 in each of the two columns of a 1400 px page, so the sizes below are close to pixels there.
 */
export const CHART_WIDTH = 660;

/** Room around the plot for the axes; the top depends on the header (see `chartHeader`). */
export const MARGIN = { right: 24, bottom: 68, left: 88 };

/** Font sizes set by results.css, for the estimates here. */
export const FONT = { title: 19, subtitle: 16, text: 15 };

/** Widths of characters in ems, by class, as in DejaVu Sans: the widest common sans. */
const CHAR_EMS: [RegExp, number][] = [
  [/[0-9]/, 0.64],
  [/[ .,:;|'()[\]ijlrtf]/, 0.35],
  [/[%mw—…]/, 0.93],
  [/[−<>=–≈×+]/, 0.84],
  [/[A-Z]/, 0.7],
];
const OTHER_EM = 0.6;
/** Bold text is this much wider. */
const BOLD = 1.12;

/** The estimated width of `text` at `size` px (within about 8 % for DejaVu Sans). */
export function textWidth(text: string, size = FONT.text, bold = false): number {
  let ems = 0;
  for (const char of text) ems += CHAR_EMS.find(([re]) => re.test(char))?.[1] ?? OTHER_EM;
  return ems * size * (bold ? BOLD : 1);
}

/** `text` cut at `width` px with an ellipsis; the full text belongs in a tooltip. */
export function fitText(text: string, width: number, size = FONT.text): string {
  if (textWidth(text, size) <= width) return text;
  let length = text.length - 1;
  while (length > 1 && textWidth(`${text.slice(0, length)}…`, size) > width) length -= 1;
  return `${text.slice(0, length)}…`;
}

/**
 * `text` broken at spaces into lines no wider than `width`; a longer word has its own line. A
 * percent sign stays with its number.
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const word of text.split(/ (?!%)/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size, bold) <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
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

/** A legend entry placed relative to the legend's top left corner. */
export interface PlacedItem {
  item: LegendItem;
  x: number;
  y: number;
}

export const SWATCH = 16;
const SWATCH_GAP = 6;
const ITEM_GAP = 20;
const LEGEND_ROW = 26;

/** Legend entries side by side, wrapping to a new row where the next would pass `width`. */
export function legendLayout(items: LegendItem[], width: number): PlacedItem[] {
  let column = 0;
  let row = 0;
  return items.map((item) => {
    const size = SWATCH + SWATCH_GAP + textWidth(item.label) + ITEM_GAP;
    if (column > 0 && column + size - ITEM_GAP > width) [column, row] = [0, row + 1];
    const placed = { item, x: column, y: row * LEGEND_ROW };
    column += size;
    return placed;
  });
}

/** A block of lines of text: the baseline of the first line and the step to the next. */
export interface TextBlock {
  lines: string[];
  y: number;
  step: number;
}

/** The title, subtitle and legend of a chart, placed, and where its plot may start. */
export interface ChartHeader {
  title: TextBlock;
  subtitle: TextBlock | null;
  legend: { y: number; items: PlacedItem[] };
  /** The top of the plot, below the legend with room for marks drawn just above the plot. */
  top: number;
}

/** Left edge of the header's text, and its width. */
export const INSET = 16;
const HEADER_WIDTH = CHART_WIDTH - 2 * INSET;
/** Room above the plot for its marks (the mean, a percentile's label). */
const ABOVE_PLOT = 30;

/** Places a chart's title and subtitle, wrapped to the chart's width, then its legend. */
export function chartHeader(
  title: string,
  subtitle: string | undefined,
  legend: LegendItem[],
): ChartHeader {
  const titleBlock = block(wrapText(title, HEADER_WIDTH, FONT.title, true), 30, FONT.title);
  let bottom = lastBaseline(titleBlock);
  const subtitleBlock = subtitle
    ? block(wrapText(subtitle, HEADER_WIDTH, FONT.subtitle), bottom + 25, FONT.subtitle)
    : null;
  if (subtitleBlock) bottom = lastBaseline(subtitleBlock);

  const items = legendLayout(legend, HEADER_WIDTH);
  const legendY = bottom + 12;
  const rows = items.length === 0 ? 0 : items[items.length - 1].y + SWATCH;
  return {
    title: titleBlock,
    subtitle: subtitleBlock,
    legend: { y: legendY, items },
    top: legendY + rows + ABOVE_PLOT,
  };
}

function block(lines: string[], y: number, size: number): TextBlock {
  return { lines, y, step: Math.round(size * 1.3) };
}

function lastBaseline(b: TextBlock): number {
  return b.y + (b.lines.length - 1) * b.step;
}
