import seedrandom from 'seedrandom';
import { hashString, mix32 } from './hash';

/** A source of uniform numbers in the open interval (0, 1). */
export type Random = () => number;

/** The 128-bit key of a run, derived from its seed string. */
export type SeedKey = readonly [number, number, number, number];

/** Derives a run's key from its seed string with seedrandom's Alea generator. */
export function seedKey(seed: string): SeedKey {
  const alea = seedrandom.alea(seed);
  return [alea.int32() >>> 0, alea.int32() >>> 0, alea.int32() >>> 0, alea.int32() >>> 0];
}

/** The key of one random process: a failure mode of an instance, a shared event, a switch. */
export type StreamKey = readonly [number, number];

/** Hashes a process identity such as `mode:db#1/crash` into its stream key. */
export function streamKey(identity: string): StreamKey {
  return hashString(identity);
}

const TWO_POW_32 = 2 ** 32;
const TWO_POW_MINUS_32 = 2 ** -32;
const GOLDEN = 0x9e3779b9;

/**
 * The first draw of stream `key0` in the trial with key `trialKey`, the same number `startWith`
 * returns, without positioning a stream: most processes need nothing more.
 */
export function firstDraw(key0: number, trialKey: number): number {
  return (mix32(key0 ^ trialKey) + 0.5) * TWO_POW_MINUS_32;
}

/**
 * A reusable random stream whose draws depend only on (seed, stream key, trial): start it for
 * a process and a trial, then draw. Per-trial keyed streams make results independent of worker
 * count, chunking and the order in which components were created. Draw k is a hash of the
 * key, the trial and k (a counter-based generator in the manner of SplitMix), so starting a
 * stream costs one hash and most processes, which settle a window with one draw, need no more.
 */
export class KeyedStream {
  private h = 0;
  private key1 = 0;
  private trial = 0;
  private started = false;
  private state = 0;

  constructor(private readonly seed: SeedKey) {}

  /** The hash of (seed, trial) that `startWith` takes; compute it once per trial. */
  trialKey(trial: number): number {
    const high = Math.floor(trial / 4294967296);
    return mix32(this.seed[0] ^ Math.imul(trial >>> 0, GOLDEN) ^ mix32(this.seed[1] + high));
  }

  /**
   * Positions the stream at the start of `key`'s draws in trial `trial` and returns its first
   * draw; `next` continues from there.
   */
  start(key0: number, key1: number, trial: number): number {
    return this.startWith(key0, key1, this.trialKey(trial));
  }

  /** `start` for a trial whose `trialKey` is known: one hash settles the first draw. */
  startWith(key0: number, key1: number, trialKey: number): number {
    const first = firstDraw(key0, trialKey);
    this.continueAfter(first, key1, trialKey);
    return first;
  }

  /**
   * Positions the stream of (`key0`, `key1`) after its first draw `first`, as `firstDraw`
   * returned it, so a caller that looked at the first draw alone need not hash it again.
   */
  continueAfter(first: number, key1: number, trialKey: number): void {
    // Exact: the first draw is (h + 0.5) / 2^32 for a 32-bit integer h.
    this.h = first * TWO_POW_32 - 0.5;
    this.key1 = key1;
    this.trial = trialKey;
    this.started = false;
  }

  /** The next uniform number in (0, 1), after the one `start` returned. */
  readonly next: Random = () => {
    if (!this.started) {
      this.started = true;
      this.state = mix32(this.key1 ^ this.trial ^ this.seed[2]) ^ this.h ^ this.seed[3];
    }
    this.state = (this.state + GOLDEN) | 0;
    return (mix32(this.state) + 0.5) * TWO_POW_MINUS_32;
  };
}
