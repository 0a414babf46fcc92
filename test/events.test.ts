import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { seedKey } from '../src/engine/random/streams';
import type { ComponentDoc, ScenarioDoc } from '../src/engine/scenario/schema';
import { parseDuration } from '../src/engine/scenario/units';
import { ChunkSimulator } from '../src/engine/simulate/chunk';
import { TrialSimulator } from '../src/engine/simulate/trial';
import { compileParts, compileScenario } from './support/compile-scenario';

/** The instances an event acts on, as `component#replica` with replicas counted from 0. */
function hits(model: Model, event: string): string[] {
  const { processes, components, instances } = model;
  const p = processes.label.indexOf(event);
  const names: string[] = [];
  for (let k = processes.instanceStart[p]; k < processes.instanceStart[p + 1]; k++) {
    const i = processes.instances[k];
    const c = instances.component[i];
    names.push(`${components.id[c]}#${i - components.instanceStart[c]}`);
  }
  return names;
}

describe('a shared event', () => {
  it('takes down both replicas of a 1-of-2 group: attainment A_e (1 − (1 − A_r)²)', () => {
    const model = compileParts({
      name: 'shared event',
      window: '7d',
      components: [
        {
          id: 'svc',
          failures: [{ name: 'crash', mtbf: '2d', mttr: '12h' }],
          replicas: { count: 2, mode: 'active-active', needed: 1 },
        },
      ],
      events: [{ name: 'outage', components: ['svc'], mtbf: '5d', mttr: '12h' }],
    });
    const trials = 10_000;

    const [journey] = new ChunkSimulator(model, 'events').simulate(0, trials).journeys;

    // Independent stationary processes: up when the event is inactive and a replica is up.
    const replica = parseDuration('2d') / (parseDuration('2d') + parseDuration('12h'));
    const event = parseDuration('5d') / (parseDuration('5d') + parseDuration('12h'));
    const attainment = event * (1 - (1 - replica) ** 2);
    const se = Math.sqrt(journey.m2 / (trials - 1) / trials);
    expect(Math.abs(1 - journey.mean - attainment)).toBeLessThan(4 * se);
    // Without the common cause the group would be far better: the event must be what we see.
    expect(Math.abs(1 - journey.mean - (1 - (1 - replica) ** 2))).toBeGreaterThan(20 * se);
  });
});

describe('event matching', () => {
  const model = compileParts({
    name: 'matching',
    components: [
      { id: 'web', tags: { region: 'eu', zone: 'a' } },
      {
        id: 'api',
        tags: { region: 'eu' },
        replicas: { count: 3, tags: [{ zone: 'a' }, { zone: 'b' }, { zone: 'c' }] },
      },
      {
        id: 'db',
        tags: { region: 'us', zone: 'b' },
        replicas: { count: 2, mode: 'failover', tags: [{}, { zone: 'c' }] },
      },
      { id: 'cache', replicas: { count: 2 } },
      { id: 'ext', tags: { provider: 'x' } },
    ],
    dependencies: [
      { from: 'web', to: 'api' },
      { from: 'api', to: 'db' },
      { from: 'api', to: 'cache' },
      { from: 'api', to: 'ext' },
    ],
    events: [
      { name: 'zone b', match: { zone: 'b' }, mtbf: '1y', mttr: '1h' },
      { name: 'eu', match: { region: 'eu' }, mtbf: '1y', mttr: '1h' },
      { name: 'eu zone a', match: { region: 'eu', zone: 'a' }, mtbf: '1y', mttr: '1h' },
      { name: 'cache flush', components: ['cache'], mtbf: '1y', mttr: '1h' },
      { name: 'tag or id', match: { provider: 'x' }, components: ['db'], mtbf: '1y', mttr: '1h' },
      { name: 'everything', match: {}, mtbf: '1y', mttr: '1h' },
      { name: 'nothing', match: { zone: 'z' }, mtbf: '1y', mttr: '1h' },
    ],
  });

  it('hits every instance whose merged tags contain all of `match`', () => {
    expect(hits(model, 'zone b')).toEqual(['api#1', 'db#0']);
    expect(hits(model, 'eu')).toEqual(['web#0', 'api#0', 'api#1', 'api#2']);
    expect(hits(model, 'eu zone a')).toEqual(['web#0', 'api#0']);
    expect(hits(model, 'nothing')).toEqual([]);
  });

  it('lets replica tags override the component’s tags', () => {
    expect(hits(model, 'zone b')).not.toContain('db#1');
  });

  it('hits every instance of the components it lists', () => {
    expect(hits(model, 'cache flush')).toEqual(['cache#0', 'cache#1']);
  });

  it('hits the union of matched tags and listed components', () => {
    expect(hits(model, 'tag or id')).toEqual(['db#0', 'db#1', 'ext#0']);
  });

  it('hits every instance with an empty `match`', () => {
    expect(hits(model, 'everything')).toHaveLength(model.instances.count);
    expect(model.instances.count).toBe(9);
  });

  it('credits an event under its own name', () => {
    const p = model.processes.label.indexOf('cache flush');

    expect(model.credits[model.processes.credit[p]]).toBe('cache flush');
  });
});

describe('keyed streams', () => {
  const base: ComponentDoc[] = [
    { id: 'app', failures: [{ name: 'crash', mtbf: '5d', mttr: '2h' }] },
    {
      id: 'db',
      tags: { region: 'eu' },
      failures: [{ name: 'crash', mtbf: '3d', mttr: '3h', repair: { lognormal: { sigma: 1 } } }],
      replicas: { count: 2, mode: 'failover', detect: '1m', success: 0.9 },
    },
    { id: 'cache', failures: [{ name: 'evict', mtbf: '1d', mttr: '10m', errorRate: 0.3 }] },
  ];
  const region = { name: 'region', match: { region: 'eu' }, mtbf: '20d', mttr: '6h' };
  const extra: ComponentDoc = {
    id: 'audit',
    failures: [{ name: 'crash', mtbf: '2d', mttr: '1h', uptime: { weibull: { shape: 0.8 } } }],
  };

  function scenario(components: ComponentDoc[], extraDependency = false): ScenarioDoc {
    return {
      nines: 1,
      name: 'keyed',
      window: '30d',
      components,
      dependencies: [
        { from: 'app', to: 'db' },
        { from: 'app', to: 'cache', impact: 0.5 },
        ...(extraDependency ? [{ from: 'app', to: 'audit' }] : []),
      ],
      events: [region],
      journeys: [{ id: 'use', entry: 'app', target: '99%' }],
    };
  }

  /** The down intervals [start, end] of the processes labelled `labels`, in trials 0 .. 199. */
  function intervalsOf(doc: ScenarioDoc, labels: string[]): number[][][] {
    const model = compileScenario(doc);
    const simulator = new TrialSimulator(model, seedKey('keyed'));
    const wanted = new Set(labels.map((label) => model.processes.label.indexOf(label)));
    const trials: number[][][] = [];
    for (let trial = 0; trial < 200; trial++) {
      simulator.run(trial);
      const { count, start, end, process } = simulator.intervals;
      const own: number[][] = [];
      for (let n = 0; n < count; n++) {
        if (wanted.has(process[n])) own.push([start[n], end[n]]);
      }
      trials.push(own);
    }
    return trials;
  }

  const LABELS = [['db#2 crash'], ['app crash'], ['region']];

  it.each(LABELS)('draws intervals for %s in the base scenario', (label) => {
    const drawn = intervalsOf(scenario(base), [label]).flat();

    expect(drawn.length).toBeGreaterThan(10);
  });

  it.each(LABELS)('keeps the draws of %s when an unrelated component comes first', (label) => {
    const before = intervalsOf(scenario(base), [label]);

    expect(intervalsOf(scenario([extra, ...base]), [label])).toEqual(before);
  });

  it.each(LABELS)('keeps the draws of %s when a new dependency is added first', (label) => {
    const before = intervalsOf(scenario(base), [label]);

    expect(intervalsOf(scenario([extra, ...base], true), [label])).toEqual(before);
  });

  it.each(LABELS)('keeps the draws of %s when the components are reordered', (label) => {
    const before = intervalsOf(scenario(base), [label]);
    const reordered = scenario([...base].reverse());
    reordered.dependencies = [...reordered.dependencies!].reverse();

    expect(intervalsOf(reordered, [label])).toEqual(before);
  });

  it('keeps every trial’s unavailability when an unreachable component comes first', () => {
    const unavailability = (doc: ScenarioDoc): number[] => {
      const simulator = new TrialSimulator(compileScenario(doc), seedKey('keyed'));
      return Array.from({ length: 200 }, (_, trial) => {
        simulator.run(trial);
        return simulator.unavailability[0];
      });
    };
    const before = unavailability(scenario(base));

    expect(unavailability(scenario([extra, ...base]))).toEqual(before);
    expect(before.filter((u) => u > 0).length).toBeGreaterThan(100);
  });

  it('keeps the draws of a process when another event is listed before its event', () => {
    const before = intervalsOf(scenario(base), ['region']);
    const doc = scenario(base);
    doc.events = [{ name: 'zone', match: { region: 'eu' }, mtbf: '1d', mttr: '1h' }, region];

    expect(intervalsOf(doc, ['region'])).toEqual(before);
  });
});
