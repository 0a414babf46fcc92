import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { seedKey } from '../src/engine/random/streams';
import type { FailureModeDoc } from '../src/engine/scenario/schema';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { TrialSimulator } from '../src/engine/simulate/trial';
import { attributionShares } from '../src/engine/summary/result';
import { compileParts, compileScenario } from './support/compile-scenario';

/** The attribution list of journey j over `trials` trials. */
function sharesOf(model: Model, trials = 2000, j = 0) {
  const summary = new ChunkSimulator(model, 'attribution').simulate(0, trials);
  return attributionShares(summary.journeys[j].attribution, model.credits);
}

/** Per trial of journey 0: its unavailability and the window fraction credited to each name. */
function perTrial(model: Model, trials: number): { u: number[]; credit: Map<string, number[]> } {
  const simulator = new TrialSimulator(model, seedKey('attribution'));
  const credits = model.credits.length;
  const credit = new Map(model.credits.map((name) => [name, [] as number[]]));
  const u: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const before = simulator.attribution.slice(0, credits);
    simulator.run(trial);
    u.push(simulator.unavailability[0]);
    model.credits.forEach((name, k) => {
      credit.get(name)!.push(simulator.attribution[k] - before[k]);
    });
  }
  return { u, credit };
}

function meanAndError(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const m2 = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, se: Math.sqrt(m2 / (n - 1) / n) };
}

/**
 * Checks the credit per window of two causes, each given with the fraction of time it is down:
 * the whole loss while one is down alone, half while both are:
 * (1 − A_a) A_b + (1 − A_a)(1 − A_b) / 2.
 */
function expectSharedCredit(
  credit: Map<string, number[]>,
  ...causes: [[string, number], [string, number]]
): void {
  causes.forEach(([name, mine], k) => {
    const other = causes[1 - k][1];
    const { mean, se } = meanAndError(credit.get(name)!);
    expect(Math.abs(mean - (mine * (1 - other) + (mine * other) / 2))).toBeLessThan(4 * se);
  });
}

const crash = (mtbf: string, mttr: string) => [{ name: 'crash', mtbf, mttr }];

/** `app` over two components `a` and `b` in series, failing by `a` and by `b`. */
function serialPair(a: FailureModeDoc[], b: FailureModeDoc[]): Model {
  return compileParts({
    components: [{ id: 'app' }, { id: 'a', failures: a }, { id: 'b', failures: b }],
    dependencies: [
      { from: 'app', to: 'a' },
      { from: 'app', to: 'b' },
    ],
  });
}

/**
 * `app` over a component `x` failing by `failures` and a failover `db` whose primary never fails
 * and whose standby (zone b) an event takes down half the time.
 */
function besideDownStandby(failures: FailureModeDoc[]): Model {
  return compileParts({
    components: [
      { id: 'app' },
      { id: 'db', replicas: { count: 2, mode: 'failover', tags: [{ zone: 'a' }, { zone: 'b' }] } },
      { id: 'x', failures },
    ],
    dependencies: [
      { from: 'app', to: 'db' },
      { from: 'app', to: 'x' },
    ],
    events: [{ name: 'zone b outage', match: { zone: 'b' }, mtbf: '1d', mttr: '1d' }],
  });
}

describe('attribution', () => {
  it('gives the whole budget to the one component that fails', () => {
    const model = compileParts({
      components: [{ id: 'app' }, { id: 'db', failures: crash('5d', '4h') }],
      dependencies: [{ from: 'app', to: 'db' }],
    });

    expect(sharesOf(model)).toEqual([{ component: 'db', share: 1 }]);
  });

  it('splits about evenly between two identical independent serial components', () => {
    const model = serialPair(crash('5d', '8h'), crash('5d', '8h'));
    const { credit } = perTrial(model, 5000);
    const a = credit.get('a')!;
    const b = credit.get('b')!;

    // share(a) − 1/2 = Σ(a − b) / (2 Σ(a + b)); its standard error by the delta method.
    const total = a.reduce((s, x) => s + x, 0) + b.reduce((s, x) => s + x, 0);
    const difference = meanAndError(a.map((x, i) => x - b[i]));
    const share = a.reduce((s, x) => s + x, 0) / total;
    const se = (difference.se * a.length) / (2 * total);
    expect(Math.abs(share - 0.5)).toBeLessThan(4 * se);
  });

  it('credits serial components (1 − A_a) A_b + (1 − A_a)(1 − A_b) / 2 per window', () => {
    const model = serialPair(crash('3d', '12h'), crash('2d', '1d'));
    const { credit } = perTrial(model, 5000);

    // Alone down, a component takes the whole loss; down together, they split it equally.
    const downA = 0.5 / 3.5;
    const downB = 1 / 3;
    expectSharedCredit(credit, ['a', downA], ['b', downB]);
  });

  it('splits an outage between two causes of it, whichever began first', () => {
    const model = compileParts({
      components: [{ id: 'app' }, { id: 'x', failures: crash('3d', '12h') }],
      dependencies: [{ from: 'app', to: 'x' }],
      events: [{ name: 'storm', components: ['x'], mtbf: '2d', mttr: '1d' }],
    });
    const { credit } = perTrial(model, 5000);

    // While both are down, neither removal alone helps: each is a minimal cause, so they split.
    const downX = 0.5 / 3.5;
    const downStorm = 1 / 3;
    expectSharedCredit(credit, ['x', downX], ['storm', downStorm]);
  });

  it('credits each trial’s whole loss and nothing more', () => {
    const model = compileParts({
      components: [
        { id: 'app', failures: [{ name: 'slow', mtbf: '4d', mttr: '6h', errorRate: 0.2 }] },
        { id: 'a', failures: crash('3d', '12h') },
        { id: 'b', failures: crash('2d', '1d'), replicas: { count: 2, needed: 1 } },
      ],
      dependencies: [
        { from: 'app', to: 'a', impact: 0.5 },
        { from: 'app', to: 'b' },
      ],
      events: [{ name: 'storm', components: ['a', 'b'], mtbf: '10d', mttr: '1d', errorRate: 0.5 }],
    });
    const { u, credit } = perTrial(model, 2000);

    const worst = Math.max(
      ...u.map((value, trial) => {
        const credited = Array.from(credit.values()).reduce((s, c) => s + c[trial], 0);
        return Math.abs(credited - value);
      }),
    );
    expect(worst).toBeLessThan(1e-12);
    expect(u.filter((value) => value > 0).length).toBeGreaterThan(1000);
  });

  it('gives shares that sum to 1, largest first, for every journey of mobile banking', () => {
    const model = compileScenario(
      JSON.parse(readFileSync('scenarios/mobile-banking.json', 'utf8')),
    );
    const summary = new ChunkSimulator(model, 'attribution').simulate(0, 3000);

    summary.journeys.forEach((journey, j) => {
      const shares = attributionShares(journey.attribution, model.credits);
      const lost = journey.attribution.reduce((a, b) => a + b, 0);

      expect(shares.length, model.journeys[j].id).toBeGreaterThan(1);
      expect(shares.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
      expect(shares.map((s) => s.share)).toEqual(shares.map((s) => s.share).sort((x, y) => y - x));
      expect(lost / summary.count).toBeCloseTo(journey.mean, 12);
    });
  });

  it('gives nothing to a failover standby that is down while the active member is fine', () => {
    const model = besideDownStandby(crash('3d', '12h'));

    expect(sharesOf(model)).toEqual([{ component: 'x', share: 1 }]);
  });

  it('gives nothing to a down standby while two modes together take another component down', () => {
    const model = besideDownStandby([
      { name: 'crash', mtbf: '2d', mttr: '1d' },
      { name: 'disk full', mtbf: '2d', mttr: '1d' },
    ]);

    // db never loses anything (its primary never fails), so no moment's loss is db's doing.
    expect(sharesOf(model)).toEqual([{ component: 'x', share: 1 }]);
  });

  it('gives nothing to a failover alternative that is down while the primary is fine', () => {
    const model = compileParts({
      components: [
        { id: 'app' },
        { id: 'core', kind: 'junction', dependsOn: { mode: 'failover', detect: '5m' } },
        { id: 'primary' },
        { id: 'standby', failures: crash('1d', '1d') },
        { id: 'x', failures: crash('3d', '12h') },
      ],
      dependencies: [
        { from: 'app', to: 'core' },
        { from: 'core', to: 'primary' },
        { from: 'core', to: 'standby' },
        { from: 'app', to: 'x' },
      ],
    });

    expect(sharesOf(model)).toEqual([{ component: 'x', share: 1 }]);
  });

  it('gives nothing to a down replica of an active-active group that still serves', () => {
    const model = compileParts({
      components: [
        { id: 'app' },
        { id: 'api', failures: crash('1d', '1d'), replicas: { count: 3, needed: 1 } },
        { id: 'x', failures: crash('2d', '1d') },
      ],
      dependencies: [
        { from: 'app', to: 'api' },
        { from: 'app', to: 'x' },
      ],
    });
    const { credit } = perTrial(model, 5000);

    // api loses only with all three replicas down (q³); x is down a third of the time. When
    // both are, the four active modes each take a quarter: api's three crashes and x's.
    const q = 1 / 2;
    const qx = 1 / 3;
    const expected = {
      api: q ** 3 * (1 - qx) + (q ** 3 * qx * 3) / 4,
      x: qx * (1 - q ** 3) + (qx * q ** 3) / 4,
    };
    for (const [name, value] of Object.entries(expected)) {
      const { mean, se } = meanAndError(credit.get(name)!);
      expect(Math.abs(mean - value), name).toBeLessThan(4 * se);
    }
  });

  it('credits an event by its name', () => {
    const model = compileParts({
      components: [{ id: 'app' }, { id: 'db', tags: { region: 'eu' } }],
      dependencies: [{ from: 'app', to: 'db' }],
      events: [{ name: 'eu region outage', match: { region: 'eu' }, mtbf: '10d', mttr: '6h' }],
    });

    expect(sharesOf(model)).toEqual([{ component: 'eu region outage', share: 1 }]);
  });

  it('gives an empty list when nothing was lost', () => {
    const model = compileParts({
      components: [{ id: 'app' }, { id: 'db', failures: crash('1000y', '1m') }],
      dependencies: [{ from: 'app', to: 'db' }],
    });
    const summary = new ChunkSimulator(model, 'attribution').simulate(0, 500);

    expect(summary.journeys[0].mean).toBe(0);
    expect(attributionShares(summary.journeys[0].attribution, model.credits)).toEqual([]);
    expect(attributionShares(new Float64Array(2), ['a', 'b'])).toEqual([]);
  });
});
