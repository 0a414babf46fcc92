import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyticAttainment } from '../src/engine/analytic';
import { COMBINE_FAILOVER, COMBINE_NONE, type Model } from '../src/engine/model/types';
import type { ComponentDoc, FailureModeDoc, ScenarioDoc } from '../src/engine/scenario/schema';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { compileParts, type ScenarioParts } from './support/compile-scenario';

const EXACT = 12;

function outage(availability: number, extra: Partial<FailureModeDoc> = {}): FailureModeDoc {
  return { name: 'outage', availability, mttr: '1h', ...extra };
}

function component(id: string, availability?: number, extra: Partial<ComponentDoc> = {}) {
  const failures = availability === undefined ? [] : [outage(availability)];
  return { id, failures, ...extra };
}

function edges(...pairs: [string, string][]): ScenarioDoc['dependencies'] {
  return pairs.map(([from, to]) => ({ from, to }));
}

function choose(n: number, k: number): number {
  let result = 1;
  for (let m = 1; m <= k; m++) result = (result * (n - k + m)) / m;
  return result;
}

/** P(at least k of n independent members are up), each up with probability a. */
function binomialAtLeast(n: number, k: number, a: number): number {
  let sum = 0;
  for (let m = k; m <= n; m++) sum += choose(n, m) * a ** m * (1 - a) ** (n - m);
  return sum;
}

describe('analyticAttainment on closed forms', () => {
  it('multiplies availabilities along a serial chain', () => {
    const model = compileParts({
      components: [
        component('a', 0.99),
        component('b', 0.995, { failures: [outage(0.995), { ...outage(0.998), name: 'bug' }] }),
        component('c', 0.999),
      ],
      dependencies: edges(['a', 'b'], ['b', 'c']),
    });

    const [value] = analyticAttainment(model);

    expect(value).toBeCloseTo(0.99 * 0.995 * 0.998 * 0.999, EXACT);
  });

  it('gives 1 − (1 − A)^n for n active-active replicas that need one', () => {
    for (const n of [1, 2, 3, 5]) {
      const replicas = { count: n, mode: 'active-active' as const, needed: 1 };
      const model = compileParts({ components: [component('app', 0.97, { replicas })] });

      const [value] = analyticAttainment(model);

      expect(value).toBeCloseTo(1 - (1 - 0.97) ** n, EXACT);
    }
  });

  it('gives 1 − (1 − A)^n for a failover junction with zero timing', () => {
    const model = compileParts({
      components: [
        { id: 'core', kind: 'junction', dependsOn: { mode: 'failover' } },
        component('r1', 0.95),
        component('r2', 0.95),
        component('r3', 0.95),
      ],
      dependencies: edges(['core', 'r1'], ['core', 'r2'], ['core', 'r3']),
    });

    const [value] = analyticAttainment(model);

    expect(value).toBeCloseTo(1 - 0.05 ** 3, EXACT);
  });

  it('treats zero-timing failover replicas like one-of-n', () => {
    const replicas = { count: 2, mode: 'failover' as const, detect: '0s', success: 1 };
    const model = compileParts({ components: [component('db', 0.9, { replicas })] });

    const [value] = analyticAttainment(model);

    expect(value).toBeCloseTo(1 - 0.1 ** 2, EXACT);
  });

  it('gives the k-of-n binomial sum for replicas and alternatives that need k', () => {
    const replicas = { count: 5, mode: 'active-active' as const, needed: 3 };
    const model = compileParts({
      components: [
        component('app', 0.9, { replicas }),
        { id: 'lb', dependsOn: { mode: 'active-active', needed: 2 } },
        component('x', 0.8),
        component('y', 0.8),
        component('z', 0.8),
      ],
      dependencies: edges(['lb', 'x'], ['lb', 'y'], ['lb', 'z']),
      journeys: [
        { id: 'replicas', entry: 'app', target: '99%' },
        { id: 'alternatives', entry: 'lb', target: '99%' },
      ],
    });

    const [replicated, alternated] = analyticAttainment(model);

    expect(replicated).toBeCloseTo(binomialAtLeast(5, 3, 0.9), EXACT);
    expect(alternated).toBeCloseTo(binomialAtLeast(3, 2, 0.8), EXACT);
    expect(alternated).toBeCloseTo(3 * 0.8 ** 2 * 0.2 + 0.8 ** 3, EXACT);
  });

  it('counts a database shared by both sides of a diamond once', () => {
    const [e, l, r, db] = [0.999, 0.99, 0.98, 0.95];
    const model = compileParts({
      components: [
        component('entry', e),
        component('left', l),
        component('right', r),
        component('db', db),
      ],
      dependencies: edges(['entry', 'left'], ['entry', 'right'], ['left', 'db'], ['right', 'db']),
    });

    const [value] = analyticAttainment(model);

    expect(value).toBeCloseTo(e * db * l * r, EXACT);
    expect(Math.abs(value! - e * (l * db) * (r * db))).toBeGreaterThan(1e-3);
  });

  it('counts a shared event hitting two parallel replicas once, by conditioning on it', () => {
    const [replica, event] = [0.9, 0.99];
    const model = compileParts({
      components: [
        component('app', replica, {
          tags: { region: 'eu' },
          replicas: { count: 2, needed: 1, tags: [{ zone: 'a' }, { zone: 'b' }] },
        }),
        component('elsewhere', 0.5, { tags: { region: 'us' } }),
      ],
      events: [{ name: 'eu outage', match: { region: 'eu' }, availability: event, mttr: '6h' }],
    });

    const [value] = analyticAttainment(model);

    // Given the event up, one of two replicas must be; given it down, nothing is up.
    expect(value).toBeCloseTo(event * (1 - (1 - replica) ** 2), EXACT);
  });

  it('combines a shared event across a diamond and replicas exactly', () => {
    const model = compileParts({
      components: [
        component('entry', 0.99),
        component('left', 0.9, { replicas: { count: 2, tags: [{ zone: 'a' }, { zone: 'b' }] } }),
        component('right', 0.95, { tags: { zone: 'a' } }),
        component('db', 0.98),
      ],
      dependencies: edges(['entry', 'left'], ['entry', 'right'], ['left', 'db'], ['right', 'db']),
      events: [{ name: 'zone a', match: { zone: 'a' }, availability: 0.97, mttr: '2h' }],
    });

    const [value] = analyticAttainment(model);

    // With the event down right is down, and so is the entry; with it up, left needs one of two.
    const eventUp = 0.99 * 0.98 * (1 - 0.1 ** 2) * 0.95;
    expect(value).toBeCloseTo(0.97 * eventUp, EXACT);
  });

  it('uses mtbf and mttr for the steady-state availability', () => {
    const model = compileParts({
      components: [{ id: 'a', failures: [{ name: 'crash', mtbf: '99h', mttr: '1h' }] }],
    });

    expect(analyticAttainment(model)[0]).toBeCloseTo(0.99, EXACT);
  });
});

describe('analyticAttainment where the model is not binary', () => {
  const partialMode = [{ id: 'a', failures: [outage(0.99, { errorRate: 0.5 })] }];
  const cases: [string, ScenarioParts][] = [
    ['a failure mode with a partial errorRate', { components: partialMode }],
    [
      'a shared event with a partial errorRate',
      {
        components: [component('a', 0.99)],
        events: [
          { name: 'slow', components: ['a'], availability: 0.9, mttr: '1h', errorRate: 0.2 },
        ],
      },
    ],
    [
      'replicas that shed load',
      {
        components: [
          component('a', 0.9, { replicas: { count: 3, needed: 2, shortfall: 'shed' as const } }),
        ],
      },
    ],
    [
      'a dependency with impact below 1',
      {
        components: [component('a', 0.99), component('b', 0.99)],
        dependencies: [{ from: 'a', to: 'b', impact: 0.5 }],
      },
    ],
    [
      'failover replicas with a detection delay',
      {
        components: [
          component('a', 0.9, { replicas: { count: 2, mode: 'failover', detect: '1m' } }),
        ],
      },
    ],
    [
      'failover alternatives with a switch that may fail',
      {
        components: [
          { id: 'core', dependsOn: { mode: 'failover', success: 0.99 } },
          component('x', 0.9),
          component('y', 0.9),
        ],
        dependencies: edges(['core', 'x'], ['core', 'y']),
      },
    ],
  ];

  it.each(cases)('gives null for %s', (_, parts) => {
    expect(analyticAttainment(compileParts(parts))).toEqual([null]);
  });

  it('still gives a value to a journey that does not reach the partial component', () => {
    const model = compileParts({
      components: [
        component('front', 0.99),
        component('slow', undefined, { failures: [outage(0.9, { errorRate: 0.3 })] }),
        component('back', 0.98),
      ],
      dependencies: edges(['front', 'slow'], ['front', 'back']),
      events: [
        { name: 'brownout', components: ['slow'], availability: 0.9, mttr: '1h', errorRate: 0.1 },
      ],
      journeys: [
        { id: 'degraded', entry: 'front', target: '99%' },
        { id: 'clean', entry: 'back', target: '99%' },
      ],
    });

    expect(analyticAttainment(model)).toEqual([null, expect.closeTo(0.98, EXACT)]);
  });

  it('gives null when the decision diagram would exceed its node limit', () => {
    const replicas = { count: 4, needed: 2 };
    const model = compileParts({ components: [component('a', 0.9, { replicas })] });

    expect(analyticAttainment(model, 5)).toEqual([null]);
    expect(analyticAttainment(model)[0]).toBeCloseTo(binomialAtLeast(4, 2, 0.9), EXACT);
  });
});

describe('analyticAttainment against the Monte Carlo engine', () => {
  const crash = (mtbf: string, mttr: string): FailureModeDoc => ({ name: 'crash', mtbf, mttr });
  const topologies: [string, ScenarioParts][] = [
    [
      'a serial chain',
      {
        components: [
          { id: 'a', failures: [crash('99h', '1h')] },
          { id: 'b', failures: [crash('49h', '1h'), { ...crash('200h', '4h'), name: 'disk' }] },
        ],
        dependencies: edges(['a', 'b']),
      },
    ],
    [
      'two of three replicas',
      {
        components: [
          { id: 'a', failures: [crash('90h', '10h')], replicas: { count: 3, needed: 2 } },
        ],
      },
    ],
    [
      'a diamond with a shared event',
      {
        components: [
          { id: 'entry', failures: [crash('199h', '1h')] },
          { id: 'left', failures: [crash('95h', '5h')], tags: { zone: 'a' } },
          { id: 'right', failures: [crash('95h', '5h')], tags: { zone: 'b' } },
          { id: 'db', failures: [crash('99h', '1h')] },
          { id: 'lb', kind: 'junction', dependsOn: { needed: 1 } },
        ],
        dependencies: edges(['entry', 'lb'], ['lb', 'left'], ['lb', 'right'])!.concat(
          edges(['left', 'db'], ['right', 'db'])!,
        ),
        events: [{ name: 'network', components: ['left', 'right'], mtbf: '196h', mttr: '4h' }],
      },
    ],
  ];

  it.each(topologies)('agrees within 4 standard errors for %s', (_, parts) => {
    const model = compileParts(parts);
    const n = 20000;

    const [exact] = analyticAttainment(model);
    const { mean, m2, count } = new ChunkSimulator(model, 'seed').simulate(0, n).journeys[0];
    const standardError = Math.sqrt(m2 / (count - 1)) / Math.sqrt(n);

    expect(exact).not.toBeNull();
    expect(standardError).toBeGreaterThan(0);
    expect(Math.abs(1 - mean - exact!)).toBeLessThan(4 * standardError);
  });
});

/** Whether component c is up given which processes are up, evaluated straight from the rules. */
function isUp(model: Model, up: Uint8Array, c: number): boolean {
  const { components, instances } = model;
  const instanceUp = (i: number): boolean => {
    const list = instances.processes.subarray(
      instances.processStart[i],
      instances.processStart[i + 1],
    );
    return list.every((p) => up[p] === 1);
  };
  const enough = (members: boolean[], mode: number, needed: number): boolean => {
    if (mode === COMBINE_NONE) return members.every(Boolean);
    return members.filter(Boolean).length >= (mode === COMBINE_FAILOVER ? 1 : needed);
  };
  const range = (start: number, end: number): number[] =>
    Array.from({ length: end - start }, (_, k) => start + k);

  const own = range(components.instanceStart[c], components.instanceStart[c + 1]).map(instanceUp);
  const dependencies = range(components.dependencyStart[c], components.dependencyStart[c + 1]).map(
    (k) => isUp(model, up, components.dependencies[k]),
  );
  return (
    enough(own, components.replicaMode[c], components.replicas.needed[c]) &&
    enough(dependencies, components.alternativeMode[c], components.alternatives.needed[c])
  );
}

/** P(entry up), summed over every up/down state of the processes journey j reaches. */
function enumerate(model: Model, j: number): number {
  const { processes, journeys } = model;
  const used = Array.from({ length: processes.count }, (_, p) => p).filter(
    (p) => processes.reaches[p * journeys.length + j] === 1,
  );
  let total = 0;
  for (let state = 0; state < 2 ** used.length; state++) {
    const up = new Uint8Array(processes.count).fill(1);
    let weight = 1;
    used.forEach((p, bit) => {
      up[p] = (state >> bit) & 1;
      weight *= up[p] === 1 ? processes.availability[p] : 1 - processes.availability[p];
    });
    if (isUp(model, up, journeys[j].entry)) total += weight;
  }
  return total;
}

const shapes = fc.record({
  components: fc.array(
    fc.record({
      failing: fc.boolean(),
      availability: fc.constantFrom(0.5, 0.8, 0.95),
      replicas: fc.integer({ min: 1, max: 2 }),
      replicaMode: fc.constantFrom('active-active' as const, 'failover' as const),
      needed: fc.integer({ min: 1, max: 3 }),
      alternatives: fc.constantFrom(undefined, 'active-active' as const, 'failover' as const),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  edges: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 8 }),
  events: fc.array(fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
});

type Shape = typeof shapes extends fc.Arbitrary<infer T> ? T : never;

/** A valid binary scenario from a random shape: edges only go down the list, so no cycles. */
function shapeScenario(shape: Shape): ScenarioParts {
  const n = shape.components.length;
  const id = (k: number): string => `c${k % n}`;
  const pairs = shape.edges
    .map(([a, b]) => [Math.min(a % n, b % n), Math.max(a % n, b % n)])
    .filter(([a, b]) => a !== b);
  const unique = [...new Set(pairs.map(([a, b]) => `${a} ${b}`))].map((key) => key.split(' '));
  const dependencies = unique.map(([a, b]) => ({ from: id(+a), to: id(+b) }));

  const components = shape.components.map((c, k): ComponentDoc => {
    const out = dependencies.filter((d) => d.from === id(k)).length;
    const failover = c.replicaMode === 'failover';
    return {
      id: id(k),
      failures: c.failing ? [outage(c.availability)] : [],
      replicas: failover
        ? { count: c.replicas, mode: 'failover' }
        : { count: c.replicas, needed: Math.min(c.needed, c.replicas) },
      dependsOn:
        out === 0 || c.alternatives === undefined
          ? undefined
          : c.alternatives === 'failover'
            ? { mode: 'failover' }
            : { mode: 'active-active', needed: Math.min(c.needed, out) },
    };
  });
  const events = shape.events.map((members, e) => ({
    name: `event ${e}`,
    components: [...new Set(members.map(id))],
    availability: 0.9,
    mttr: '1h',
  }));
  const journeys = [0, 1].map((k) => ({ id: `j${k}`, entry: id(k), target: '99%' }));
  return { components, dependencies, events, journeys };
}

describe('analyticAttainment against exhaustive enumeration', () => {
  it('matches the sum over every process state for random small binary models', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const model = compileParts(shapeScenario(shape));

        const values = analyticAttainment(model);

        values.forEach((value, j) => expect(value).toBeCloseTo(enumerate(model, j), EXACT));
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });
});
