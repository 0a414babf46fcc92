import type { Random } from './streams';

/*
 * Marsaglia and Tsang's ziggurat for the standard exponential (J. Stat. Software 5(8), 2000):
 * 255 rectangles and a tail cover the density, so about 98.9 % of draws are one table lookup
 * and one multiplication, with no logarithm. The bits come from one uniform of the stream.
 */

const LAYERS = 256;
const TWO_POW_32 = 4294967296;
/** Where the tail starts, and the area of each layer, for 256 layers. */
const TAIL = 7.697117470131487;
const AREA = 3.949659822581572e-3;

const limit = new Uint32Array(LAYERS);
const width = new Float64Array(LAYERS);
const height = new Float64Array(LAYERS);

function buildTables(): void {
  let edge = TAIL;
  const q = AREA / Math.exp(-edge);
  limit[0] = Math.floor((edge / q) * TWO_POW_32);
  limit[1] = 0;
  width[0] = q / TWO_POW_32;
  width[LAYERS - 1] = edge / TWO_POW_32;
  height[0] = 1;
  height[LAYERS - 1] = Math.exp(-edge);
  for (let i = LAYERS - 2; i >= 1; i--) {
    const previous = edge;
    edge = -Math.log(AREA / edge + Math.exp(-edge));
    limit[i + 1] = Math.floor((edge / previous) * TWO_POW_32);
    width[i] = edge / TWO_POW_32;
    height[i] = Math.exp(-edge);
  }
}
buildTables();

/** Draws a standard exponential deviate (mean 1). */
export function standardExponential(random: Random): number {
  for (;;) {
    const bits = Math.floor(random() * TWO_POW_32);
    const layer = bits & (LAYERS - 1);
    const x = bits * width[layer];
    if (bits < limit[layer]) return x;
    if (layer === 0) return TAIL - Math.log(random());
    if (height[layer] + random() * (height[layer - 1] - height[layer]) < Math.exp(-x)) return x;
  }
}
