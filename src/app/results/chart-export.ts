const SVG_NS = 'http://www.w3.org/2000/svg';

/** The style properties that decide how a chart looks; copied inline so the file stands alone. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];

/** The size a chart is drawn at, from its width and height or else its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute('width')) || box[2] || 800;
  const height = Number(svg.getAttribute('height')) || box[3] || 400;
  return { width, height };
}

/**
 * A chart's SVG as a standalone document: its computed styles inlined on every element (the
 * page's stylesheet does not travel with the file), the SVG namespace, a size and a white
 * background.
 */
function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);

  const { width, height } = svgSize(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const inline = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
    .filter(([, value]) => value !== '')
    .map(([property, value]) => `${property}: ${value}`);
  const own = target.getAttribute('style');
  if (inline.length > 0) target.setAttribute('style', [...inline, own].filter(Boolean).join('; '));

  Array.from(source.children).forEach((child, k) => inlineStyles(child, target.children[k]));
}

/** Starts the browser's download of `blob` as `filename`. */
function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a second is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a chart as an .svg file. */
export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  downloadBlob(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }), filename);
}

/** Saves a chart as a .png file, drawn at `scale` times its size for sharp projection. */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const { width, height } = svgSize(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgMarkup(svg))}`;
  await image.decode();

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a PNG (no 2D canvas).');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('This browser could not encode the PNG.');
  downloadBlob(blob, filename);
}

/** Saves text (such as the trial summary CSV) as a file. */
export function downloadText(text: string, filename: string, type = 'text/csv'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}

/** A file name made of `parts`: lower case, safe characters, joined by dashes. */
export function fileName(parts: string[], extension: string): string {
  const base = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'nines'}.${extension}`;
}
