import { exponential, gamma, lognormal, weibull } from '../random/distributions';
import type { Random } from '../random/streams';
import { DOWN_EXPONENTIAL, DOWN_FIXED, UP_EXPONENTIAL, type ProcessTable } from '../model/types';
import type { IntervalBuffer } from './intervals';

/*
 * An alternating up/down renewal process observed over [0, window), started in its stationary
 * state: up with probability A = mtbf / (mtbf + mttr), and then the time left in the current
 * phase follows the phase's equilibrium distribution, that of U · L where L is a length-biased
 * phase length and U is uniform. Starting "all up at t = 0" instead would bias every window
 * towards availability.
 */

function upTime(t: ProcessTable, p: number, random: Random): number {
  return t.upKind[p] === UP_EXPONENTIAL
    ? exponential(random, t.mtbf[p])
    : weibull(random, t.upShape[p], t.upScale[p]);
}

function downTime(t: ProcessTable, p: number, random: Random): number {
  const kind = t.downKind[p];
  if (kind === DOWN_EXPONENTIAL) return exponential(random, t.mttr[p]);
  if (kind === DOWN_FIXED) return t.mttr[p];
  return lognormal(random, t.downMu[p], t.downSigma[p]);
}

/** Time left in an up phase seen at a random moment: for Weibull(k), L = λ G^(1/k), G ~ Γ(1 + 1/k). */
function residualUpTime(t: ProcessTable, p: number, random: Random): number {
  if (t.upKind[p] === UP_EXPONENTIAL) return exponential(random, t.mtbf[p]);
  const shape = t.upShape[p];
  const length = t.upScale[p] * Math.pow(gamma(random, 1 + 1 / shape), 1 / shape);
  return random() * length;
}

/** Time left in a down phase seen at a random moment; a length-biased lognormal is lognormal(μ + σ²). */
function residualDownTime(t: ProcessTable, p: number, random: Random): number {
  const kind = t.downKind[p];
  if (kind === DOWN_EXPONENTIAL) return exponential(random, t.mttr[p]);
  if (kind === DOWN_FIXED) return random() * t.mttr[p];
  const sigma = t.downSigma[p];
  return random() * lognormal(random, t.downMu[p] + sigma * sigma, sigma);
}

/**
 * Draws the down intervals of process p within [0, window) and appends them to `out`, given
 * the first uniform `u` of its stream and `random` for the rest. One uniform settles the common
 * case of an exponential process that stays up all window.
 */
export function drawDownIntervals(
  t: ProcessTable,
  p: number,
  window: number,
  u: number,
  random: Random,
  out: IntervalBuffer,
): void {
  let failure: number;
  if (t.upKind[p] === UP_EXPONENTIAL) {
    if (u < t.quiet[p]) return;
    // Given u < A, u / A is uniform: it yields the residual up time without another draw.
    failure = u < t.availability[p] ? -t.mtbf[p] * Math.log(u / t.availability[p]) : -1;
  } else {
    failure = u < t.availability[p] ? residualUpTime(t, p, random) : -1;
  }

  if (failure < 0) {
    const repaired = residualDownTime(t, p, random);
    out.push(0, Math.min(repaired, window), p);
    failure = repaired + upTime(t, p, random);
  }
  while (failure < window) {
    const repaired = failure + downTime(t, p, random);
    out.push(failure, Math.min(repaired, window), p);
    failure = repaired + upTime(t, p, random);
  }
}
