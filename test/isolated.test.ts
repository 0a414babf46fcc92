import { describe, expect, it } from 'vitest';
import { seedKey } from '../src/engine/random/streams';
import { IsolatedEffects, STANDBY_ONLY, UNSEEN } from '../src/engine/simulate/isolated';
import { compileParts } from './support/compile-scenario';

const crash = [{ name: 'crash', mtbf: '10d', mttr: '1h' }];

/** The processes of a model by label, for reading IsolatedEffects by name. */
function byLabel(labels: string[]): (label: string) => number {
  return (label) => {
    const p = labels.indexOf(label);
    if (p < 0) throw new Error(`no process ${label} in ${labels.join(', ')}`);
    return p;
  };
}

describe('isolated effects', () => {
  it('gives the journey error of a lone outage: impact · errorRate through the graph', () => {
    const model = compileParts({
      components: [
        { id: 'app' },
        { id: 'api', failures: [{ name: 'slow', mtbf: '5d', mttr: '1h', errorRate: 0.2 }] },
      ],
      dependencies: [{ from: 'app', to: 'api', impact: 0.5 }],
    });
    const isolated = new IsolatedEffects(model, seedKey('1'));
    const p = byLabel(model.processes.label)('api slow');

    expect(isolated.alone[p]).toBe(1);
    expect(isolated.errors[p]).toBeCloseTo(0.1, 15);
  });

  it('gives a replica down beside serving siblings no error', () => {
    const model = compileParts({
      components: [{ id: 'web', failures: crash, replicas: { count: 2, needed: 1 } }],
    });
    const isolated = new IsolatedEffects(model, seedKey('1'));

    expect(Array.from(isolated.alone)).toEqual([1, 1]);
    expect(Array.from(isolated.errors)).toEqual([0, 0]);
  });

  it('leaves what a failover group may react to to the full evaluation', () => {
    const model = compileParts({
      components: [
        { id: 'app', failures: crash },
        { id: 'core', kind: 'junction', dependsOn: { mode: 'failover' } },
        { id: 'east', failures: crash },
        { id: 'west', failures: crash },
        { id: 'db', failures: crash, replicas: { count: 2, mode: 'failover' } },
      ],
      dependencies: [
        { from: 'app', to: 'core' },
        { from: 'app', to: 'db' },
        { from: 'core', to: 'east' },
        { from: 'core', to: 'west' },
      ],
    });
    const isolated = new IsolatedEffects(model, seedKey('1'));
    const p = byLabel(model.processes.label);

    expect(isolated.alone[p('app crash')]).toBe(UNSEEN);
    expect(isolated.alone[p('db#2 crash')]).toBe(STANDBY_ONLY);
    for (const label of ['east crash', 'west crash', 'db#1 crash']) {
      expect(isolated.alone[p(label)], label).toBe(0);
    }
  });
});
