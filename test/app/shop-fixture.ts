import type { ScenarioDoc } from '../../src/engine';

/** app → payments → ledger, laid out, a journey through payments, events on the components. */
export function shop(): ScenarioDoc {
  return {
    nines: 1,
    name: 'Shop',
    window: '28d',
    components: [
      { id: 'app', kind: 'client' },
      { id: 'payments', kind: 'service', failures: [{ name: 'crash', mtbf: '30d', mttr: '30m' }] },
      { id: 'ledger', kind: 'database', failures: [{ name: 'crash', mtbf: '90d', mttr: '1h' }] },
    ],
    dependencies: [
      { from: 'app', to: 'payments' },
      { from: 'payments', to: 'ledger' },
    ],
    events: [
      { name: 'ledger outage', components: ['ledger'], mtbf: '1y', mttr: '2h' },
      { name: 'both', components: ['payments', 'ledger'], mtbf: '1y', mttr: '1h' },
    ],
    journeys: [{ id: 'pay', entry: 'payments', target: '99.9%' }],
    layout: { app: { x: 0, y: 0 }, payments: { x: 200, y: 0 }, ledger: { x: 400, y: 0 } },
  };
}
