import { describe, expect, it } from 'vitest';
import { AbsorbedOutages } from '../src/engine/simulate/absorbed';
import { IntervalBuffer } from '../src/engine/simulate/intervals';
import { compileParts } from './support/compile-scenario';

const crash = [{ name: 'crash', mtbf: '30d', mttr: '1h' }];
const model = compileParts({
  components: [
    { id: 'app', failures: crash },
    { id: 'api', failures: crash, replicas: { count: 3, needed: 2 } },
    { id: 'db', failures: crash, replicas: { count: 2, mode: 'failover' } },
  ],
  dependencies: [
    { from: 'app', to: 'api' },
    { from: 'app', to: 'db' },
  ],
  events: [{ name: 'api bad deploy', components: ['api'], mtbf: '30d', mttr: '1h' }],
});

function outages(...rows: [string, number, number][]): IntervalBuffer {
  const buffer = new IntervalBuffer();
  for (const [label, start, end] of rows) {
    buffer.push(start, end, model.processes.label.indexOf(label));
  }
  return buffer;
}

function labels(buffer: IntervalBuffer): string[] {
  return Array.from(buffer.process.subarray(0, buffer.count), (p) => model.processes.label[p]);
}

describe('absorbed outages', () => {
  const absorbed = new AbsorbedOutages(model);

  it('drops the crash of a spare replica while nothing else touches its component', () => {
    const buffer = outages(['api#1 crash', 10, 20], ['app crash', 12, 18], ['db#1 crash', 5, 30]);

    absorbed.remove(buffer);

    expect(labels(buffer)).toEqual(['app crash', 'db#1 crash']);
  });

  it('keeps replica crashes that overlap each other or an event on the component', () => {
    const buffer = outages(
      ['api#1 crash', 10, 20],
      ['api#2 crash', 15, 25],
      ['api#3 crash', 100, 110],
      ['api bad deploy', 105, 120],
    );

    absorbed.remove(buffer);

    expect(labels(buffer)).toEqual(['api#1 crash', 'api#2 crash', 'api#3 crash', 'api bad deploy']);
  });

  it('never drops outages of single instances or of a failover primary', () => {
    const buffer = outages(['app crash', 10, 20], ['db#1 crash', 40, 50]);

    absorbed.remove(buffer);

    expect(buffer.count).toBe(2);
  });

  it('drops a standby outage that ends before anything touches the primary', () => {
    const buffer = outages(['db#2 crash', 10, 20], ['db#1 crash', 20, 30], ['db#2 crash', 40, 50]);

    absorbed.remove(buffer);

    // After the primary's crash the standby may be the active member: its outage counts.
    expect(labels(buffer)).toEqual(['db#1 crash', 'db#2 crash']);
  });

  it('forgets the outages of the previous trial', () => {
    absorbed.remove(
      outages(['api#1 crash', 10, 20], ['api bad deploy', 5, 30], ['db#1 crash', 0, 100]),
    );
    const buffer = outages(['api#2 crash', 10, 20], ['db#2 crash', 40, 50]);

    absorbed.remove(buffer);

    expect(buffer.count).toBe(0);
  });
});
