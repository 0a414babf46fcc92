import { describe, expect, it } from 'vitest';
import { DeferredChanges } from '../src/engine/simulate/deferred-changes';
import type { Structure } from '../src/engine/simulate/structure';

/** A structure that records the changes it is given. */
function recorder(): { structure: Structure; changes: [number, number][] } {
  const changes: [number, number][] = [];
  const structure = { change: (p: number, delta: number) => changes.push([p, delta]) };
  return { structure: structure as unknown as Structure, changes };
}

describe('deferred changes', () => {
  it('applies only the changes that did not cancel out', () => {
    const deferred = new DeferredChanges(4);
    const { structure, changes } = recorder();

    deferred.add(1, 1);
    deferred.add(2, 1);
    deferred.add(1, -1);
    deferred.add(3, 1);
    deferred.add(3, 1);
    deferred.applyTo(structure);

    expect(changes).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('forgets what it held once applied or cleared', () => {
    const deferred = new DeferredChanges(2);
    const { structure, changes } = recorder();

    deferred.add(0, 1);
    deferred.clear();
    for (let k = 0; k < 5; k++) {
      deferred.add(1, 1);
      deferred.add(1, -1);
    }
    deferred.add(1, 1);
    deferred.applyTo(structure);
    deferred.applyTo(structure);

    expect(changes).toEqual([[1, 1]]);
  });
});
