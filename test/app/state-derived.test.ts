import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../src/engine';
import { componentAvailability, eventComponents } from '../../src/app/state/derived';

describe('the availability a component shows', () => {
  it('is mtbf / (mtbf + mttr) for one failure mode', () => {
    const availability = componentAvailability({
      id: 'db',
      failures: [{ name: 'crash', mtbf: '999h', mttr: '1h' }],
    });

    expect(availability).toBeCloseTo(0.999, 12);
  });

  it('multiplies the failure modes and weighs partial ones by their error rate', () => {
    const availability = componentAvailability({
      id: 'api',
      failures: [
        { name: 'crash', availability: '99.9%', mttr: '1h' },
        { name: 'slow', mtbf: '9h', mttr: '1h', errorRate: 0.1 },
        { name: 'deploy', deploysPerWeek: 10, changeFailureRate: 0.05, mttr: '1w' },
      ],
    });

    expect(availability).toBeCloseTo(0.999 * (1 - 0.1 * 0.1) * (2 / 3), 12);
  });

  it('is 1 without failure modes and null while a mode cannot be read', () => {
    expect(componentAvailability({ id: 'app' })).toBe(1);
    expect(
      componentAvailability({ id: 'db', failures: [{ name: 'crash', mtbf: '30', mttr: '1h' }] }),
    ).toBeNull();
  });
});

describe('the components an event hits', () => {
  const doc: ScenarioDoc = {
    nines: 1,
    name: 'Zones',
    window: '28d',
    components: [
      { id: 'app', tags: { region: 'eu' } },
      {
        id: 'api',
        tags: { region: 'eu' },
        replicas: { count: 2, tags: [{ zone: 'a' }, { zone: 'b' }] },
      },
      { id: 'db', tags: { region: 'us', zone: 'a' } },
      { id: 'cache', tags: { region: 'eu' } },
    ],
    journeys: [{ id: 'use', entry: 'app', target: '99%' }],
  };

  it('includes a component when one replica’s merged tags match', () => {
    const event = { name: 'eu zone a', match: { region: 'eu', zone: 'a' }, mtbf: '1y', mttr: '1h' };

    expect(eventComponents(doc, event)).toEqual(['api']);
  });

  it('includes the listed components along with the matched ones', () => {
    const event = { name: 'x', match: { region: 'us' }, components: ['cache'], mttr: '1h' };

    expect(eventComponents(doc, event)).toEqual(['db', 'cache']);
  });

  it('matches untagged replicas by the component’s tags, whatever a draft’s count', () => {
    const replicated = (count: number): ScenarioDoc => ({
      ...doc,
      components: [
        { id: 'web', tags: { region: 'eu' }, replicas: { count, tags: [{ zone: 'a' }] } },
      ],
    });
    const inZoneB = { name: 'eu b', match: { region: 'eu', zone: 'b' }, mttr: '1h' };
    const inEu = { name: 'eu', match: { region: 'eu' }, mttr: '1h' };

    expect(eventComponents(replicated(1e9), inZoneB)).toEqual([]);
    expect(eventComponents(replicated(1e9), inEu)).toEqual(['web']);
    expect(eventComponents(replicated(-3), { ...inEu, match: { zone: 'a' } })).toEqual(['web']);
  });

  it('matches no inherited property as a tag', () => {
    const event = { name: 'odd', match: { constructor: 'x' }, mtbf: '1y', mttr: '1h' };

    expect(eventComponents(doc, event)).toEqual([]);
  });
});
