import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { problemsAt, validationOf } from '../../src/app/state/validation';

function scenario(mttr: string): ScenarioDoc {
  return {
    nines: 1,
    name: 'Two services',
    window: '28d',
    components: [
      { id: 'front', failures: [{ name: 'crash', mtbf: '30d', mttr: '30m' }] },
      { id: 'back', failures: [{ name: 'crash', mtbf: '30d', mttr }] },
    ],
    dependencies: [{ from: 'front', to: 'back' }],
    journeys: [{ id: 'use', entry: 'front', target: '99.9%' }],
  };
}

describe('validation in the editor', () => {
  it('finds the problem of a field by its JSON path', () => {
    const result = validationOf(scenario('30'));

    expect(problemsAt(result, ['components', 1, 'failures', 0, 'mttr'])).toEqual([
      { path: 'components[1].failures[0].mttr', message: 'expected a duration such as "30m"' },
    ]);
    expect(problemsAt(result, ['components', 0])).toEqual([]);
  });

  it('finds the problems inside a path but not those of a longer index', () => {
    const problems = [
      { path: 'components[1]', message: 'a' },
      { path: 'components[1].id', message: 'b' },
      { path: 'components[1].failures[0].mttr', message: 'c' },
      { path: 'components[12].id', message: 'd' },
    ];

    expect(problemsAt(problems, ['components', 1]).map((p) => p.message)).toEqual(['a', 'b', 'c']);
  });

  it('finds nothing in a valid scenario', () => {
    expect(problemsAt(validationOf(scenario('1h')), [])).toEqual([]);
  });

  it('validates each document once', () => {
    const doc = scenario('1h');

    expect(validationOf(doc)).toBe(validationOf(doc));
  });
});
