import { describe, expect, it } from 'vitest';
import {
  exponential,
  gamma,
  gammaFunction,
  lognormal,
  normal,
  weibull,
} from '../src/engine/random/distributions';
import { KeyedStream, seedKey, streamKey, type Random } from '../src/engine/random/streams';

const N = 200_000;

/** A seeded uniform source: the `next` draws of one keyed stream. */
function source(name: string): Random {
  const stream = new KeyedStream(seedKey('distributions'));
  const [key0, key1] = streamKey(name);
  stream.start(key0, key1, 0);
  return stream.next;
}

/** Sample mean and sample standard deviation (n − 1 divisor) of n draws. */
function sample(draw: () => number, n = N): { mean: number; sd: number } {
  let mean = 0;
  let m2 = 0;
  for (let k = 1; k <= n; k++) {
    const x = draw();
    const delta = x - mean;
    mean += delta / k;
    m2 += delta * (x - mean);
  }
  return { mean, sd: Math.sqrt(m2 / (n - 1)) };
}

/** Asserts |mean − expected| < 4 standard errors, the error from the known sd. */
function expectMean(mean: number, expected: number, sd: number, n = N): void {
  expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(n));
}

describe('sampling distributions', () => {
  it('draws exponential times with the given mean', () => {
    const random = source('exponential');
    const mean = 1800;

    const s = sample(() => exponential(random, mean));

    // Exp: sd = mean.
    expectMean(s.mean, mean, mean);
  });

  it('draws standard normal deviates with mean 0 and variance 1', () => {
    const random = source('normal');

    const s = sample(() => normal(random));

    expectMean(s.mean, 0, 1);
    // Var(Z²) = E[Z⁴] − 1 = 2, so the sample variance has standard error √(2 / n).
    expect(Math.abs(s.sd * s.sd - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it.each([0.7, 2])('draws Weibull times with shape %s scaled to a given mean', (shape) => {
    const random = source(`weibull-${shape}`);
    const mean = 30 * 86_400;
    const scale = mean / gammaFunction(1 + 1 / shape);

    const s = sample(() => weibull(random, shape, scale));

    // Weibull(k, λ): mean λ Γ(1 + 1/k), variance λ² (Γ(1 + 2/k) − Γ(1 + 1/k)²).
    const variance = scale * scale * (gammaFunction(1 + 2 / shape) - (mean / scale) ** 2);
    expectMean(s.mean, mean, Math.sqrt(variance));
    expect(Math.abs(s.mean - mean)).toBeLessThan((4 * s.sd) / Math.sqrt(N));
  });

  it.each([0.5, 1])('draws lognormal times with mean exp(mu + sigma²/2) (sigma %s)', (sigma) => {
    const random = source(`lognormal-${sigma}`);
    const mu = Math.log(2700);

    const s = sample(() => lognormal(random, mu, sigma));

    // Lognormal: mean exp(μ + σ²/2), variance (exp(σ²) − 1) exp(2μ + σ²).
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);
    expectMean(s.mean, mean, Math.sqrt(variance));
  });

  it.each([1, 1.5, 3])(
    'draws Gamma(%s, 1) deviates with mean and variance equal to the shape',
    (shape) => {
      const random = source(`gamma-${shape}`);

      const s = sample(() => gamma(random, shape));

      expectMean(s.mean, shape, Math.sqrt(shape));
      // Central fourth moment 3k(k + 2), so Var((X − k)²) = 3k(k + 2) − k² = 2k² + 6k.
      const varianceError = Math.sqrt((2 * shape * shape + 6 * shape) / N);
      expect(Math.abs(s.sd * s.sd - shape)).toBeLessThan(4 * varianceError);
    },
  );
});

describe('gamma', () => {
  it.each([0.5, 0.999, 0, -1, Number.NaN])('throws a RangeError for shape %s', (shape) => {
    const random = source('gamma-bad');

    expect(() => gamma(random, shape)).toThrow(RangeError);
  });
});

describe('gammaFunction', () => {
  it.each([
    ['Γ(0.5) = √π', 0.5, Math.sqrt(Math.PI)],
    ['Γ(1) = 1', 1, 1],
    ['Γ(1.5) = √π / 2', 1.5, Math.sqrt(Math.PI) / 2],
    ['Γ(5) = 4! = 24', 5, 24],
    ['Γ(0.25) (reflection branch)', 0.25, 3.625609908221908],
    ['Γ(10) = 9! = 362880', 10, 362_880],
  ])('computes %s to 13 significant digits', (_, x, exact) => {
    expect(Math.abs(gammaFunction(x) - exact) / exact).toBeLessThan(1e-13);
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    for (const x of [0.3, 0.7, 1.43, 2.5, 6.1]) {
      expect(gammaFunction(x + 1) / (x * gammaFunction(x))).toBeCloseTo(1, 13);
    }
  });
});
