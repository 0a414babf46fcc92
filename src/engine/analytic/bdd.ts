/**
 * A reduced ordered binary decision diagram over independent boolean variables, small enough to
 * read: nodes live in typed arrays, a hash table keeps them unique (so equal functions are equal
 * node ids), and `ite` is memoised in a lossy cache. Variables are numbered by their level:
 * variable 0 is tested first. Node ids grow as nodes are made, so children always have smaller
 * ids than their parents, which lets `probability` walk the nodes once in id order.
 */

export const FALSE = 0;
export const TRUE = 1;

/** Past this many nodes a diagram gives up: the exact answer would cost too much memory. */
export const DEFAULT_NODE_LIMIT = 2_000_000;

const TERMINAL_LEVEL = 0x7fffffff;
const EMPTY = -1;

/** Thrown when a diagram would grow past its node limit. */
export class BddLimitError extends Error {
  readonly code = 'BDD_NODE_LIMIT';

  constructor(limit: number) {
    super(`the decision diagram needs more than ${limit} nodes`);
  }
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** A diagram manager: every function it returns is a node id valid only within it. */
export class Bdd {
  private size = 2;
  private level: Int32Array = new Int32Array(1024);
  private low: Int32Array = new Int32Array(1024);
  private high: Int32Array = new Int32Array(1024);
  private unique = new Int32Array(2048).fill(EMPTY);
  private cache = new Int32Array(4 * 2048).fill(EMPTY);

  constructor(readonly limit = DEFAULT_NODE_LIMIT) {
    this.level[FALSE] = TERMINAL_LEVEL;
    this.level[TRUE] = TERMINAL_LEVEL;
  }

  /** The function that is true exactly when variable `index` is. */
  variable(index: number): number {
    return this.make(index, FALSE, TRUE);
  }

  /** The conjunction of f and g. */
  and(f: number, g: number): number {
    return this.ite(f, g, FALSE);
  }

  /** If f then g else h: the one operation every other is made of. */
  ite(f: number, g: number, h: number): number {
    if (f === TRUE) return g;
    if (f === FALSE) return h;
    if (g === h) return g;
    if (g === TRUE && h === FALSE) return f;

    const hit = this.cacheSlot(f, g, h);
    if (this.cache[hit] === f && this.cache[hit + 1] === g && this.cache[hit + 2] === h) {
      return this.cache[hit + 3];
    }

    const top = Math.min(this.level[f], this.level[g], this.level[h]);
    const whenFalse = this.ite(this.at(f, top, 0), this.at(g, top, 0), this.at(h, top, 0));
    const whenTrue = this.ite(this.at(f, top, 1), this.at(g, top, 1), this.at(h, top, 1));
    const result = this.make(top, whenFalse, whenTrue);

    // Making nodes may have grown the tables, which moves the slot.
    const slot = this.cacheSlot(f, g, h);
    this.cache[slot] = f;
    this.cache[slot + 1] = g;
    this.cache[slot + 2] = h;
    this.cache[slot + 3] = result;
    return result;
  }

  /**
   * The probability that f is true when variable v is true with probability `p[v]`, all
   * independently: P(node) = p · P(high) + (1 − p) · P(low), children first.
   */
  probability(f: number, p: ArrayLike<number>): number {
    const value = new Float64Array(f + 1);
    value[TRUE] = 1;
    for (let n = 2; n <= f; n++) {
      const q = p[this.level[n]];
      value[n] = q * value[this.high[n]] + (1 - q) * value[this.low[n]];
    }
    return value[f];
  }

  /** The cofactor of f with the variable at level `top` set to `value`. */
  private at(f: number, top: number, value: 0 | 1): number {
    if (this.level[f] !== top) return f;
    return value === 1 ? this.high[f] : this.low[f];
  }

  private cacheSlot(f: number, g: number, h: number): number {
    return 4 * (hash3(f, g, h) & (this.cache.length / 4 - 1));
  }

  /** The unique node testing `level` with these children, made if it does not exist yet. */
  private make(level: number, low: number, high: number): number {
    if (low === high) return low;

    let slot = this.find(level, low, high);
    const found = this.unique[slot];
    if (found !== EMPTY) return found;

    if (this.size >= this.limit) throw new BddLimitError(this.limit);
    if (this.size === this.level.length) {
      this.grow();
      slot = this.find(level, low, high);
    }
    const n = this.size++;
    this.level[n] = level;
    this.low[n] = low;
    this.high[n] = high;
    this.unique[slot] = n;
    return n;
  }

  /** The unique-table slot holding this node, or the empty slot where it belongs. */
  private find(level: number, low: number, high: number): number {
    const mask = this.unique.length - 1;
    let slot = hash3(level, low, high) & mask;
    for (let n = this.unique[slot]; n !== EMPTY; n = this.unique[slot]) {
      if (this.level[n] === level && this.low[n] === low && this.high[n] === high) break;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Doubles every table; the cache may be emptied because it only saves work. */
  private grow(): void {
    const capacity = 2 * this.level.length;
    const copy = (from: Int32Array): Int32Array => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.level = copy(this.level);
    this.low = copy(this.low);
    this.high = copy(this.high);
    this.unique = new Int32Array(2 * capacity).fill(EMPTY);
    this.cache = new Int32Array(4 * capacity).fill(EMPTY);
    for (let n = 2; n < this.size; n++) {
      this.unique[this.find(this.level[n], this.low[n], this.high[n])] = n;
    }
  }
}
