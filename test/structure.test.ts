import { describe, expect, it } from 'vitest';
import type { Model } from '../src/engine/model/types';
import { seedKey } from '../src/engine/random/streams';
import type { ReplicasDoc } from '../src/engine/scenario/schema';
import { Structure } from '../src/engine/simulate/structure';
import { compileParts, type ScenarioParts } from './support/compile-scenario';

const EXACT = 12;

/** A structure over a small scenario whose one journey enters at the first component. */
class Harness {
  readonly model: Model;
  readonly structure: Structure;

  constructor(parts: ScenarioParts) {
    this.model = compileParts({ name: 'structure test', ...parts });
    this.structure = new Structure(this.model, seedKey('structure'));
    this.structure.reset(0);
    this.structure.evaluate(0, true);
  }

  /** Starts (or with `up`, ends) the processes labelled `labels` at time t, then evaluates. */
  set(time: number, labels: string[], up = false): this {
    for (const label of labels) this.structure.change(this.process(label), up ? -1 : 1);
    this.structure.evaluate(time, true);
    return this;
  }

  /** The effective error E of component `id`. */
  error(id: string): number {
    return this.structure.error[this.model.components.id.indexOf(id)];
  }

  private process(label: string): number {
    const p = this.model.processes.label.indexOf(label);
    if (p < 0) throw new Error(`no process ${label} in ${this.model.processes.label.join(', ')}`);
    return p;
  }
}

function mode(name: string, errorRate = 1) {
  return { name, mtbf: '30d', mttr: '1h', errorRate };
}

/** A harness over one replicated `api` whose instances crash or run slow (error rate 0.3). */
function apiGroup(replicas: ReplicasDoc): Harness {
  return new Harness({
    components: [{ id: 'api', failures: [mode('crash'), mode('slow', 0.3)], replicas }],
  });
}

describe('Structure', () => {
  it('starts a trial with every error at 0', () => {
    const h = new Harness({
      components: [
        { id: 'app', failures: [mode('crash')] },
        { id: 'db', failures: [mode('crash')] },
      ],
      dependencies: [{ from: 'app', to: 'db' }],
    });

    expect(h.error('app')).toBe(0);
    expect(h.error('db')).toBe(0);
  });

  it('combines serial dependencies as E = 1 − (1 − e) Π (1 − E(d))', () => {
    const h = new Harness({
      components: [
        { id: 'app', failures: [mode('slow', 0.1)] },
        { id: 'auth', failures: [mode('slow', 0.3)] },
        { id: 'db', failures: [mode('slow', 0.5)] },
        { id: 'disk', failures: [mode('slow', 0.2)] },
      ],
      dependencies: [
        { from: 'app', to: 'auth' },
        { from: 'app', to: 'db' },
        { from: 'db', to: 'disk' },
      ],
    });

    h.set(10, ['app slow', 'auth slow', 'db slow', 'disk slow']);

    const db = 1 - (1 - 0.5) * (1 - 0.2);
    expect(h.error('db')).toBeCloseTo(db, EXACT);
    expect(h.error('app')).toBeCloseTo(1 - (1 - 0.1) * (1 - 0.3) * (1 - db), EXACT);
  });

  it('passes a dependency error on scaled by an impact below 1', () => {
    const h = new Harness({
      components: [
        { id: 'app' },
        { id: 'offers', failures: [mode('crash'), mode('slow', 0.5)] },
        { id: 'db', failures: [mode('crash')] },
      ],
      dependencies: [
        { from: 'app', to: 'offers', impact: 0.1 },
        { from: 'app', to: 'db', impact: 0.4 },
      ],
    });

    h.set(10, ['offers slow']);
    expect(h.error('app')).toBeCloseTo(0.1 * 0.5, EXACT);

    h.set(20, ['offers crash', 'db crash']);
    expect(h.error('app')).toBeCloseTo(1 - (1 - 0.1) * (1 - 0.4), EXACT);
  });

  it('combines partial modes of one instance as 1 − Π (1 − errorRate) and undoes them', () => {
    const h = new Harness({
      components: [{ id: 'svc', failures: [mode('slow', 0.2), mode('bad deploy', 0.3)] }],
    });

    h.set(10, ['svc slow']);
    expect(h.error('svc')).toBeCloseTo(0.2, EXACT);

    h.set(20, ['svc bad deploy']);
    expect(h.error('svc')).toBeCloseTo(1 - 0.8 * 0.7, EXACT);

    h.set(30, ['svc slow'], true);
    expect(h.error('svc')).toBeCloseTo(0.3, EXACT);

    h.set(40, ['svc bad deploy'], true);
    expect(h.error('svc')).toBe(0);
  });

  it('gives an active-active group the mean error of its instances that are not fully down', () => {
    const h = apiGroup({ count: 3, mode: 'active-active', needed: 1 });

    h.set(10, ['api#2 slow']);
    expect(h.error('api')).toBeCloseTo(0.3 / 3, EXACT);

    h.set(20, ['api#1 crash']);
    expect(h.error('api')).toBeCloseTo((0.3 + 0) / 2, EXACT);

    h.set(30, ['api#1 slow']);
    expect(h.error('api')).toBeCloseTo((0.3 + 0) / 2, EXACT);

    h.set(40, ['api#3 crash']);
    expect(h.error('api')).toBeCloseTo(0.3, EXACT);

    h.set(50, ['api#2 crash']);
    expect(h.error('api')).toBe(1);
  });

  it('fails an active-active group with fewer than `needed` instances up (shortfall fail)', () => {
    const h = apiGroup({ count: 3, mode: 'active-active', needed: 2 });

    h.set(10, ['api#1 crash', 'api#2 slow']);
    expect(h.error('api')).toBeCloseTo(0.3 / 2, EXACT);

    h.set(20, ['api#3 crash']);
    expect(h.error('api')).toBe(1);
  });

  it('sheds load as 1 − (up / needed)(1 − mean error) with shortfall shed', () => {
    const h = apiGroup({ count: 4, mode: 'active-active', needed: 3, shortfall: 'shed' });

    h.set(10, ['api#1 crash', 'api#2 crash', 'api#3 slow']);
    expect(h.error('api')).toBeCloseTo(1 - (2 / 3) * (1 - 0.3 / 2), EXACT);

    h.set(20, ['api#4 crash']);
    expect(h.error('api')).toBeCloseTo(1 - (1 / 3) * (1 - 0.3), EXACT);

    h.set(30, ['api#3 crash']);
    expect(h.error('api')).toBe(1);
  });

  it('combines junction alternatives active-active, with the junction’s own modes on top', () => {
    const h = new Harness({
      components: [
        { id: 'app' },
        {
          id: 'lb',
          kind: 'junction',
          failures: [mode('misroute', 0.1)],
          dependsOn: { mode: 'active-active', needed: 1 },
        },
        { id: 'east', failures: [mode('crash'), mode('slow', 0.4)] },
        { id: 'west', failures: [mode('crash'), mode('slow', 0.2)] },
      ],
      dependencies: [
        { from: 'app', to: 'lb' },
        { from: 'lb', to: 'east' },
        { from: 'lb', to: 'west' },
      ],
    });

    h.set(10, ['east slow', 'west slow']);
    expect(h.error('lb')).toBeCloseTo((0.4 + 0.2) / 2, EXACT);

    h.set(20, ['lb misroute']);
    expect(h.error('app')).toBeCloseTo(1 - (1 - 0.1) * (1 - 0.3), EXACT);

    h.set(30, ['east crash']);
    expect(h.error('app')).toBeCloseTo(1 - (1 - 0.1) * (1 - 0.2), EXACT);

    h.set(40, ['west crash']);
    expect(h.error('app')).toBe(1);
  });

  it('needs `needed` alternatives up at a junction', () => {
    const h = new Harness({
      components: [
        { id: 'lb', kind: 'junction', dependsOn: { mode: 'active-active', needed: 2 } },
        { id: 'a', failures: [mode('crash')] },
        { id: 'b', failures: [mode('crash')] },
        { id: 'c', failures: [mode('crash')] },
      ],
      dependencies: [
        { from: 'lb', to: 'a' },
        { from: 'lb', to: 'b' },
        { from: 'lb', to: 'c' },
      ],
    });

    h.set(10, ['a crash']);
    expect(h.error('lb')).toBe(0);

    h.set(20, ['c crash']);
    expect(h.error('lb')).toBe(1);

    h.set(30, ['a crash'], true);
    expect(h.error('lb')).toBe(0);
  });

  it('acts with a shared event on every instance it matches like an own failure mode', () => {
    const h = new Harness({
      components: [
        { id: 'app' },
        {
          id: 'db',
          tags: { zone: 'a' },
          failures: [mode('slow', 0.5)],
          replicas: { count: 2, needed: 2, tags: [{}, { zone: 'b' }] },
        },
      ],
      dependencies: [{ from: 'app', to: 'db' }],
      events: [
        { name: 'zone a brownout', match: { zone: 'a' }, mtbf: '1y', mttr: '1h', errorRate: 0.2 },
      ],
    });

    h.set(10, ['zone a brownout']);
    expect(h.error('db')).toBeCloseTo(0.2 / 2, EXACT);

    h.set(20, ['db#1 slow']);
    expect(h.error('app')).toBeCloseTo((1 - 0.8 * 0.5) / 2, EXACT);
  });
});
