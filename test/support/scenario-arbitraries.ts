import fc from 'fast-check';
import type {
  ComponentDoc,
  DependencyDoc,
  DependsOnDoc,
  FailureModeDoc,
  JourneyDoc,
  ReplicasDoc,
  ScenarioDoc,
  SharedEventDoc,
} from '../../src/engine/scenario/schema';

/**
 * fast-check arbitraries for valid scenario documents: small acyclic graphs with random failure
 * modes, replicas, shared events and junctions. Rates stay within a few thousand changes per
 * window, so a few hundred trials of any of them run in well under a second.
 */

const REGIONS = ['r1', 'r2'] as const;
const ZONES = ['a', 'b', 'c'] as const;

/** A number as a ratio: a plain number in [min, max] or the same as a percent string. */
function ratio(min = 0, max = 1): fc.Arbitrary<number | string> {
  const number = fc.double({ min, max, noNaN: true });
  const percent = fc
    .integer({ min: Math.ceil(min * 10_000), max: Math.floor(max * 10_000) })
    .map((n) => `${n / 100}%`);
  return fc.oneof(number, percent, fc.constantFrom(min, max));
}

function duration(units: readonly string[], max: number): fc.Arbitrary<string> {
  const whole = fc.tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units));
  const fraction = fc.tuple(fc.constantFrom('2.5', '.5', '1.25'), fc.constantFrom(...units));
  return fc.oneof(whole, fraction).map(([n, unit]) => `${n}${unit}`);
}

const mtbf = duration(['d', 'w', 'y'], 30);
const mttr = duration(['m', 'h'], 48);
/** Failover timings may be zero. */
const timing = fc.oneof(fc.constant('0s'), duration(['s', 'm'], 30));

/** Exactly one way of giving a rate, including the ones that mean "never fails". */
const rate: fc.Arbitrary<Partial<FailureModeDoc>> = fc.oneof(
  mtbf.map((value) => ({ mtbf: value })),
  ratio(0.99, 1).map((availability) => ({ availability })),
  fc
    .record({ deploysPerWeek: fc.double({ min: 0, max: 20, noNaN: true }), cfr: ratio(0, 0.3) })
    .map(({ deploysPerWeek, cfr }) => ({ deploysPerWeek, changeFailureRate: cfr })),
);

const uptime = fc.constantFrom<FailureModeDoc['uptime']>(
  undefined,
  'exponential',
  { weibull: { shape: 0.5 } },
  { weibull: { shape: 2.5 } },
);

const repair = fc.oneof(
  fc.constantFrom<FailureModeDoc['repair']>(undefined, 'exponential', 'fixed'),
  fc.double({ min: 0.1, max: 2, noNaN: true }).map((sigma) => ({ lognormal: { sigma } })),
);

/** Everything a failure mode and a shared event have in common, without the name. */
const processFields = fc
  .record({
    rate,
    mttr,
    uptime,
    repair,
    errorRate: fc.option(ratio(), { nil: undefined }),
  })
  .map(({ rate: given, ...rest }) => withoutUndefined({ ...given, ...rest }));

const failureModes = fc
  .array(processFields, { maxLength: 2 })
  .map((modes) => modes.map((mode, j) => ({ name: `mode-${j}`, ...mode }) as FailureModeDoc));

/** How replicas or alternatives combine, for a group of `size`. */
function combination(size: number): fc.Arbitrary<DependsOnDoc> {
  const activeActive = fc.record(
    {
      mode: fc.constantFrom('active-active' as const),
      needed: fc.integer({ min: 1, max: size }),
      shortfall: fc.constantFrom('fail' as const, 'shed' as const),
    },
    { requiredKeys: [] },
  );
  const failover = fc.record(
    {
      mode: fc.constant('failover' as const),
      detect: timing,
      switchover: timing,
      success: ratio(),
    },
    { requiredKeys: ['mode'] },
  );
  return fc.oneof(activeActive, failover);
}

const replicas: fc.Arbitrary<ReplicasDoc> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) =>
    fc.record({
      count: fc.constant(count),
      combine: combination(count),
      tags: fc.option(fc.array(fc.constantFrom(...ZONES), { maxLength: count }), {
        nil: undefined,
      }),
    }),
  )
  .map(({ count, combine, tags }) =>
    withoutUndefined({ count, ...combine, tags: tags?.map((zone) => ({ zone })) }),
  );

interface ComponentDraft {
  failures: FailureModeDoc[];
  region?: string;
  replicas?: ReplicasDoc;
  /** Used only when the component has dependencies to combine. */
  junction: boolean;
  /** One flag per later component: whether this one depends on it. */
  calls: boolean[];
  impact: (number | undefined)[];
}

function componentDraft(later: number): fc.Arbitrary<ComponentDraft> {
  return fc.record({
    failures: failureModes,
    region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
    replicas: fc.option(replicas, { nil: undefined }),
    junction: fc.boolean(),
    calls: fc.array(fc.boolean(), { minLength: later, maxLength: later }),
    impact: fc.array(fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }), {
      minLength: later,
      maxLength: later,
    }),
  });
}

/**
 * Component i may only call components after it, so the graph is acyclic by construction.
 * A junction combines its dependencies as alternatives, whose impacts must be 1.
 */
function graph(drafts: ComponentDraft[]): fc.Arbitrary<[ComponentDoc[], DependencyDoc[]]> {
  const dependencies: DependencyDoc[] = [];
  const junctions: number[] = [];
  drafts.forEach((draft, i) => {
    const targets = draft.calls.flatMap((calls, k) => (calls ? [k] : []));
    const junction = draft.junction && targets.length > 0;
    if (junction) junctions.push(i);
    for (const k of targets) {
      const impact = junction ? undefined : draft.impact[k];
      dependencies.push(withoutUndefined({ from: id(i), to: id(i + 1 + k), impact }));
    }
  });

  const alternatives = (i: number): number => dependencies.filter((d) => d.from === id(i)).length;
  return fc.tuple(...junctions.map((i) => combination(alternatives(i)))).map((combinations) => {
    const components = drafts.map((draft, i) => {
      const junction = junctions.indexOf(i);
      return withoutUndefined({
        id: id(i),
        kind: junction >= 0 ? ('junction' as const) : undefined,
        tags: draft.region ? { region: draft.region } : undefined,
        failures: draft.failures,
        replicas: draft.replicas,
        dependsOn: junction >= 0 ? combinations[junction] : undefined,
      });
    });
    return [components, dependencies];
  });
}

function id(i: number): string {
  return `c${i}`;
}

function events(componentCount: number): fc.Arbitrary<SharedEventDoc[]> {
  const target = fc.oneof(
    fc.constantFrom({ match: {} }, { match: { region: 'r1' } }, { match: { zone: 'a' } }),
    fc
      .uniqueArray(fc.integer({ min: 0, max: componentCount - 1 }), { minLength: 1 })
      .map((indices) => ({ components: indices.map(id) })),
  );
  return fc
    .array(fc.tuple(target, processFields), { maxLength: 2 })
    .map((list) =>
      list.map(
        ([hits, fields], k) => ({ name: `event-${k}`, ...hits, ...fields }) as SharedEventDoc,
      ),
    );
}

function journeys(componentCount: number): fc.Arbitrary<JourneyDoc[]> {
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: componentCount - 1 }), ratio()), {
      minLength: 1,
      maxLength: 2,
    })
    .map((list) => list.map(([entry, target], k) => ({ id: `j${k}`, entry: id(entry), target })));
}

/** A valid scenario document of one to five components. */
export const validScenario: fc.Arbitrary<ScenarioDoc> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => componentDraft(n - 1 - i))).chain((drafts) =>
      fc.record({
        graph: graph(drafts),
        events: events(n),
        journeys: journeys(n),
        window: fc.constantFrom('1d', '7d', '2.5d', '30d'),
      }),
    ),
  )
  .map(({ graph: [components, dependencies], events: shared, journeys: list, window }) =>
    withoutUndefined({
      nines: 1 as const,
      name: 'Generated',
      window,
      components,
      dependencies: dependencies.length > 0 ? dependencies : undefined,
      events: shared.length > 0 ? shared : undefined,
      journeys: list,
    }),
  );

/** Drops keys whose value is undefined, as a scenario written to a file would not have them. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
