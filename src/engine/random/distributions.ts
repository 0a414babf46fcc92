import type { Random } from './streams';
import { standardExponential } from './ziggurat';

/*
 * Each sampler takes its uniform source as an argument, in the manner of d3-random. d3-random's
 * own normal (and the gamma built on it) keeps a spare deviate between calls, state that would
 * carry one trial's draws into the next and break per-trial keyed streams, so these are
 * stateless. Every distribution is parameterised by its mean, as the scenario format is.
 */

/** Draws an exponential time with the given mean (by the ziggurat: no logarithm, mostly). */
export function exponential(random: Random, mean: number): number {
  return mean * standardExponential(random);
}

/** Draws a standard normal deviate (Box–Muller, one of the pair). */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/** Draws a Weibull time with shape k and scale λ. */
export function weibull(random: Random, shape: number, scale: number): number {
  return scale * Math.pow(-Math.log(random()), 1 / shape);
}

/** Draws a lognormal time exp(mu + sigma Z). */
export function lognormal(random: Random, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * normal(random));
}

/**
 * Draws a Gamma(shape, 1) deviate by Marsaglia and Tsang's method.
 * @throws RangeError when shape < 1 (not needed by the engine).
 */
export function gamma(random: Random, shape: number): number {
  if (!(shape >= 1)) throw new RangeError(`gamma: shape must be at least 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** The gamma function Γ(x) for x > 0 (Lanczos approximation, about 15 significant digits). */
export function gammaFunction(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * sum;
}
