import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { seedKey, type Random } from '../src/engine/random/streams';
import { parseDuration } from '../src/engine/scenario/units';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { TrialSimulator } from '../src/engine/simulate/trial';
import { FailoverStates } from '../src/engine/simulate/failover';
import { compileParts, type ScenarioParts } from './support/compile-scenario';

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

  it('switches after the delay when the active member fails, serving its error meanwhile', () => {
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

const PRIMARY_CRASH = { mtbf: '20d', mttr: '6h' };
const SWITCH = { detect: '30m', switchover: '90m' };

/**
 * A group failing over from a primary that fails to a standby that never does: either a
 * junction over two components, or two replicas whose primary alone is hit by an event.
 */
function failoverModel(layout: 'junction' | 'replicas', repair: 'fixed' | 'exponential'): Model {
  const crash = { name: 'crash', ...PRIMARY_CRASH, repair };
  const junction: ScenarioParts = {
    components: [
      { id: 'core', kind: 'junction', dependsOn: { mode: 'failover', ...SWITCH } },
      { id: 'primary', failures: [crash] },
      { id: 'standby' },
    ],
    dependencies: [
      { from: 'core', to: 'primary' },
      { from: 'core', to: 'standby' },
    ],
  };
  const replicas: ScenarioParts = {
    components: [
      {
        id: 'core',
        replicas: { count: 2, mode: 'failover', ...SWITCH, tags: [{ zone: 'a' }, { zone: 'b' }] },
      },
    ],
    events: [{ ...crash, match: { zone: 'a' } }],
  };
  const parts = layout === 'junction' ? junction : replicas;

  return compileParts({
    name: 'failover test',
    ...parts,
    journeys: [{ id: 'use', entry: 'core', target: '99.9%' }],
  });
}

describe.each(['junction', 'replicas'] as const)(
  'failover of %s in a simulated window',
  (layout) => {
    /*
     * The primary is up at t = 0 with probability A (otherwise the standby is active from the start
     * and nothing is ever lost: no failback, and the standby never fails). From up, it fails at
     * T1 ~ Exp(M) (memoryless residual life). The window loses the switch delay D, cut short by the
     * window's end and by the primary's repair (the switch serves the old active's error), once.
     */
    const M = parseDuration(PRIMARY_CRASH.mtbf);
    const R = parseDuration(PRIMARY_CRASH.mttr);
    const D = parseDuration(SWITCH.detect) + parseDuration(SWITCH.switchover);
    const W = parseDuration('30d');
    const A = M / (M + R);
    const TRIALS = 20_000;

    function simulatedLoss(model: Model): { mean: number; se: number } {
      const [journey] = new ChunkSimulator(model, 'failover').simulate(0, TRIALS).journeys;
      return { mean: journey.mean, se: Math.sqrt(journey.m2 / (TRIALS - 1) / TRIALS) };
    }

    it('loses A (1 − e^(−W/M)) E[min(D, W − T1) | T1 < W] / W when repairs outlast D', () => {
      // ∫0^W e^(−t/M)/M min(D, W − t) dt
      //   = D (1 − e^(−(W − D)/M)) + e^(−W/M) (M + (D − M) e^(D/M)).
      const expectedLoss =
        D * (1 - Math.exp(-(W - D) / M)) + Math.exp(-W / M) * (M + (D - M) * Math.exp(D / M));
      const expected = (A * expectedLoss) / W;

      const { mean, se } = simulatedLoss(failoverModel(layout, 'fixed'));

      expect(R).toBeGreaterThan(D);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    });

    it('cuts the loss short when the primary is repaired during the switch', () => {
      // Repair time Y ~ Exp(R): E[min(c, Y)] = R (1 − e^(−c/R)) for c = min(D, W − t).
      // t < W − D contributes R (1 − e^(−D/R)) (1 − e^(−(W − D)/M)); with s = W − t ≤ D,
      // ∫0^D e^(−(W − s)/M)/M · R (1 − e^(−s/R)) ds
      //   = (R/M) e^(−W/M) [M (e^(D/M) − 1) − (e^(D b) − 1) / b], b = 1/M − 1/R.
      const b = 1 / M - 1 / R;
      const early = R * (1 - Math.exp(-D / R)) * (1 - Math.exp(-(W - D) / M));
      const late =
        (R / M) * Math.exp(-W / M) * (M * (Math.exp(D / M) - 1) - (Math.exp(D * b) - 1) / b);
      const expected = (A * (early + late)) / W;

      const { mean, se } = simulatedLoss(failoverModel(layout, 'exponential'));

      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    });
  },
);

describe('failover when an event hits several members at once', () => {
  it('applies every change of an instant before it picks the switch target', () => {
    const model = compileParts({
      name: 'simultaneous',
      components: [
        {
          id: 'db',
          replicas: {
            count: 3,
            mode: 'failover',
            detect: '15m',
            switchover: '45m',
            tags: [{ side: 'left' }, { side: 'left' }, { side: 'right' }],
          },
        },
      ],
      events: [{ name: 'left outage', match: { side: 'left' }, mtbf: '10d', mttr: '2h' }],
      journeys: [{ id: 'use', entry: 'db', target: '99.9%' }],
    });
    const simulator = new TrialSimulator(model, seedKey('simultaneous'));
    const delay = parseDuration('1h');

    // Members 1 and 2 go down together, so the one switch goes straight to member 3. The window
    // loses the time member 1 is down during the switch [s, s + delay) that the first outage
    // starting after t = 0 begins (the switch serves member 1's error), and nothing after it.
    let worst = 0;
    let losing = 0;
    for (let trial = 0; trial < 2000; trial++) {
      simulator.run(trial);
      const { count, start, end } = simulator.intervals;
      const from = count > 0 && start[0] > 0 ? start[0] : model.window;
      const until = Math.min(from + delay, model.window);
      let expected = 0;
      for (let n = 0; n < count; n++) {
        expected += Math.max(0, Math.min(end[n], until) - Math.max(start[n], from));
      }
      worst = Math.max(worst, Math.abs(simulator.unavailability[0] * model.window - expected));
      if (expected > 0) losing++;
    }

    expect(worst).toBeLessThan(1e-6);
    expect(losing).toBeGreaterThan(1000);
  });
});
