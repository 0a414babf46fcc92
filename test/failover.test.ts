import { describe, expect, it } from 'vitest';
import { compileModel } from '../src/engine/model/compile';
import type { Model } from '../src/engine/model/types';
import type { Random } from '../src/engine/random/streams';
import type { ComponentDoc } from '../src/engine/scenario/schema';
import { parseDuration } from '../src/engine/scenario/units';
import { validateScenario } from '../src/engine/scenario/validate';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { FailoverStates } from '../src/engine/simulate/failover';

const DELAY = 300;

/** One failover group driven by hand: `at(time, errors)` steps it and returns its error. */
class Group {
  readonly states = new FailoverStates(1);
  readonly draws: number[] = [];
  private readonly random: Random;

  constructor(
    private readonly delay = DELAY,
    private readonly success = 1,
    uniforms: number[] = [],
  ) {
    this.states.reset();
    this.random = () => {
      const u = uniforms[this.draws.length];
      this.draws.push(u);
      return u;
    };
  }

  at(time: number, errors: number[]): number {
    const values = Float64Array.from(errors);
    return this.states.step(0, values, errors.length, time, this.delay, this.success, this.random);
  }

  get active(): number {
    return this.states.active[0];
  }

  get switching(): boolean {
    return this.states.isSwitching(0);
  }
}

describe('FailoverStates', () => {
  it('starts on the first member that is not fully down at time 0', () => {
    const healthy = new Group();
    const primaryDown = new Group();
    const partial = new Group();

    expect(healthy.at(0, [0, 0])).toBe(0);
    expect(healthy.active).toBe(0);
    expect(primaryDown.at(0, [1, 1, 0.25])).toBe(0.25);
    expect(primaryDown.active).toBe(2);
    expect(primaryDown.switching).toBe(false);
    expect(partial.at(0, [0.5, 0])).toBe(0.5);
    expect(partial.active).toBe(0);
  });

  it('stays on the first member without switching when every member is down at time 0', () => {
    const group = new Group();

    expect(group.at(0, [1, 1])).toBe(1);
    expect(group.active).toBe(0);
    expect(group.switching).toBe(false);
  });

  it('switches after the delay when the active member goes fully down, serving its error meanwhile', () => {
    const group = new Group();
    group.at(0, [0, 0.1]);

    expect(group.at(1000, [1, 0.1])).toBe(1);
    expect(group.switching).toBe(true);
    expect(group.states.nextSwitchTime()).toBe(1000 + DELAY);
    expect(group.at(1200, [1, 0.1])).toBe(1);
    expect(group.active).toBe(0);
    expect(group.at(1000 + DELAY, [1, 0.1])).toBe(0.1);
    expect(group.active).toBe(1);
    expect(group.switching).toBe(false);
    expect(group.states.nextSwitchTime()).toBe(Infinity);
  });

  it('completes a started switch even when the old active member recovers meanwhile', () => {
    const group = new Group();
    group.at(0, [0, 0]);
    group.at(1000, [1, 0]);

    expect(group.at(1100, [0.5, 0.2])).toBe(0.5);
    expect(group.at(1000 + DELAY, [0, 0.2])).toBe(0.2);
    expect(group.active).toBe(1);
  });

  it('switches at once when the delay is 0', () => {
    const group = new Group(0);
    group.at(0, [0, 0]);

    expect(group.at(1000, [1, 0.3])).toBe(0.3);
    expect(group.active).toBe(1);
    expect(group.switching).toBe(false);
  });

  it('waits for a standby to be restored before it starts a switch', () => {
    const group = new Group();
    group.at(0, [0, 0]);

    expect(group.at(1000, [1, 1])).toBe(1);
    expect(group.switching).toBe(false);
    expect(group.at(2000, [1, 0])).toBe(1);
    expect(group.switching).toBe(true);
    expect(group.states.nextSwitchTime()).toBe(2000 + DELAY);
    expect(group.at(2000 + DELAY, [1, 0])).toBe(0);
    expect(group.active).toBe(1);
  });

  it('targets the first healthy member in order', () => {
    const group = new Group();
    group.at(0, [0, 1, 0, 0]);

    group.at(1000, [1, 1, 0, 0]);
    group.at(1000 + DELAY, [1, 1, 0, 0]);

    expect(group.active).toBe(2);
  });

  it('stays on the failed member after a failed switch until it is restored', () => {
    const group = new Group(DELAY, 0, [0.5, 0.5]);
    group.at(0, [0, 0]);

    group.at(1000, [1, 0]);
    expect(group.at(1000 + DELAY, [1, 0])).toBe(1);
    expect(group.active).toBe(0);
    expect(group.switching).toBe(false);
    expect(group.at(2000, [1, 0.1])).toBe(1);
    expect(group.switching).toBe(false);
    expect(group.at(3000, [0, 0.1])).toBe(0);

    expect(group.at(4000, [1, 0.1])).toBe(1);
    expect(group.switching).toBe(true);
    expect(group.draws).toHaveLength(2);
  });

  it('succeeds a switch with probability `success`: when its uniform falls below it', () => {
    const lucky = new Group(DELAY, 0.9, [0.89]);
    const unlucky = new Group(DELAY, 0.9, [0.91]);
    for (const group of [lucky, unlucky]) {
      group.at(0, [0, 0]);
      group.at(1000, [1, 0]);
      group.at(1000 + DELAY, [1, 0]);
    }

    expect(lucky.active).toBe(1);
    expect(unlucky.active).toBe(0);
    expect(new Group().draws).toHaveLength(0);
  });

  it('starts a new switch when a switch lands on a member that is down', () => {
    const group = new Group();
    group.at(0, [0, 0, 0]);
    group.at(1000, [1, 0, 0]);
    group.at(1100, [1, 1, 0]);

    expect(group.at(1000 + DELAY, [1, 1, 0])).toBe(1);
    expect(group.active).toBe(1);
    expect(group.switching).toBe(true);
    expect(group.states.nextSwitchTime()).toBe(1000 + 2 * DELAY);
    expect(group.at(1000 + 2 * DELAY, [1, 1, 0])).toBe(0);
    expect(group.active).toBe(2);
  });

  it('lands back on the old active member when it is the first healthy one again', () => {
    const group = new Group();
    group.at(0, [0, 0, 0]);
    group.at(1000, [1, 0, 0]);
    group.at(1100, [0, 1, 0]);

    group.at(1000 + DELAY, [0, 1, 0]);
    group.at(1000 + 2 * DELAY, [0, 1, 0]);

    expect(group.active).toBe(0);
  });

  it('never fails back when the old active member is restored', () => {
    const group = new Group();
    group.at(0, [0, 0]);
    group.at(1000, [1, 0]);
    group.at(1000 + DELAY, [1, 0.05]);

    expect(group.at(5000, [0, 0.05])).toBe(0.05);
    expect(group.active).toBe(1);
    expect(group.switching).toBe(false);
  });

  it('never switches on partial degradation of the active member', () => {
    const group = new Group();
    group.at(0, [0, 0]);

    expect(group.at(1000, [0.999, 0])).toBe(0.999);
    expect(group.switching).toBe(false);
    expect(group.active).toBe(0);
  });
});

/** A junction failing over from `primary` (which fails) to `standby` (which never does). */
function failoverModel(repair: 'fixed' | 'exponential'): Model {
  const components: ComponentDoc[] = [
    {
      id: 'core',
      kind: 'junction',
      dependsOn: { mode: 'failover', detect: '30m', switchover: '90m' },
    },
    { id: 'primary', failures: [{ name: 'crash', mtbf: '20d', mttr: '6h', repair }] },
    { id: 'standby' },
  ];
  const checked = validateScenario({
    nines: 1,
    name: 'failover test',
    window: '30d',
    components,
    dependencies: [
      { from: 'core', to: 'primary' },
      { from: 'core', to: 'standby' },
    ],
    journeys: [{ id: 'use', entry: 'core', target: '99.9%' }],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return compileModel(checked.scenario);
}

describe('failover in a simulated window', () => {
  /*
   * The primary is up at t = 0 with probability A (otherwise the standby is active from the start
   * and nothing is ever lost: no failback, and the standby never fails). From up, it fails at
   * T1 ~ Exp(M) (memoryless residual life). The window loses the switch delay D, cut short by the
   * window's end and by the primary's repair (the switch serves the old active's error), once.
   */
  const M = parseDuration('20d');
  const R = parseDuration('6h');
  const D = parseDuration('2h');
  const W = parseDuration('30d');
  const A = M / (M + R);
  const TRIALS = 20_000;

  function simulatedLoss(model: Model): { mean: number; se: number } {
    const [journey] = new ChunkSimulator(model, 'failover').simulate(0, TRIALS).journeys;
    return { mean: journey.mean, se: Math.sqrt(journey.m2 / (TRIALS - 1) / TRIALS) };
  }

  it('loses A (1 − e^(−W/M)) E[min(D, W − T1) | T1 < W] / W with a repair longer than D', () => {
    // ∫0^W e^(−t/M)/M min(D, W − t) dt = D (1 − e^(−(W − D)/M)) + e^(−W/M) (M + (D − M) e^(D/M)).
    const expectedLoss =
      D * (1 - Math.exp(-(W - D) / M)) + Math.exp(-W / M) * (M + (D - M) * Math.exp(D / M));
    const expected = (A * expectedLoss) / W;

    const { mean, se } = simulatedLoss(failoverModel('fixed'));

    expect(R).toBeGreaterThan(D);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
  });

  it('cuts the loss short when the primary is repaired during the switch (exponential repair)', () => {
    // With repair time Y ~ Exp(R), E[min(c, Y)] = R (1 − e^(−c/R)) for c = min(D, W − t):
    // t < W − D contributes R (1 − e^(−D/R)) (1 − e^(−(W − D)/M)); with s = W − t in [0, D],
    // ∫0^D e^(−(W − s)/M)/M · R (1 − e^(−s/R)) ds
    //   = (R/M) e^(−W/M) [M (e^(D/M) − 1) − (e^(D b) − 1) / b], b = 1/M − 1/R.
    const b = 1 / M - 1 / R;
    const early = R * (1 - Math.exp(-D / R)) * (1 - Math.exp(-(W - D) / M));
    const late =
      (R / M) * Math.exp(-W / M) * (M * (Math.exp(D / M) - 1) - (Math.exp(D * b) - 1) / b);
    const expected = (A * (early + late)) / W;

    const { mean, se } = simulatedLoss(failoverModel('exponential'));

    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
  });
});
