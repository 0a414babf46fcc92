import { z } from 'zod';
import { DURATION_PATTERN, PERCENT_PATTERN } from './units';

/**
 * The scenario format, version 1. This zod schema is the single source of truth: the engine's
 * types, the validator's messages and `public/scenario.schema.json` all come from it. It checks
 * the shape of a document; references between its parts are checked in `references.ts`.
 */

const DURATION_MESSAGE = 'expected a duration such as "30m"';
const RATIO_MESSAGE = 'expected a ratio in [0, 1] or a percent such as "99.95%"';

export const Duration = z
  .string({ error: DURATION_MESSAGE })
  .regex(DURATION_PATTERN, { error: DURATION_MESSAGE })
  .describe('A number and a unit: s, m, h, d, w or y (365 days), e.g. "90s", "2.5h", "28d".');

export const Ratio = z
  .union(
    [
      z.number().min(0, { error: RATIO_MESSAGE }).max(1, { error: RATIO_MESSAGE }),
      z
        .string()
        .regex(PERCENT_PATTERN, { error: RATIO_MESSAGE })
        .refine((text) => Number.parseFloat(text) <= 100, { error: RATIO_MESSAGE }),
    ],
    { error: RATIO_MESSAGE },
  )
  .describe('A number in [0, 1] or a percent string such as "99.95%".');

export const Id = z
  .string({ error: 'expected an id: letters, digits, "-" and "_"' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'expected an id: letters, digits, "-" and "_"' });

export const Tags = z
  .record(z.string(), z.string({ error: 'expected a tag value as a string' }))
  .describe('Free-form labels such as { "region": "eu-west", "zone": "a" }.');

export const COMPONENT_KINDS = [
  'client',
  'gateway',
  'service',
  'database',
  'queue',
  'cache',
  'external',
  'network',
  'junction',
] as const;

export const Uptime = z
  .union(
    [
      z.literal('exponential'),
      z.strictObject({ weibull: z.strictObject({ shape: z.number().positive() }) }),
    ],
    { error: 'expected "exponential" or { "weibull": { "shape": k } }' },
  )
  .describe('Distribution of up times, scaled to mean mtbf.');

export const Repair = z
  .union(
    [
      z.literal('exponential'),
      z.literal('fixed'),
      z.strictObject({ lognormal: z.strictObject({ sigma: z.number().positive() }) }),
    ],
    { error: 'expected "exponential", "fixed" or { "lognormal": { "sigma": s } }' },
  )
  .describe('Distribution of repair times, scaled to mean mttr.');

/** Fields shared by failure modes and shared events: how often, how long, how bad. */
const processFields = {
  mtbf: Duration.optional().describe('Mean up time between failures.'),
  availability: Ratio.optional().describe('Steady-state availability; needs mttr.'),
  deploysPerWeek: z.number().nonnegative().optional(),
  changeFailureRate: Ratio.optional().describe('Share of deploys that fail; with deploysPerWeek.'),
  mttr: Duration.describe('Mean time to restore.'),
  uptime: Uptime.optional(),
  repair: Repair.optional(),
  errorRate: Ratio.optional().describe('Share of requests failing while active (default 1).'),
};

export const FailureMode = z.strictObject({
  name: z.string().min(1),
  ...processFields,
});

export const SharedEvent = z.strictObject({
  name: z.string().min(1),
  match: Tags.optional().describe('Hits every instance whose merged tags contain all of these.'),
  components: z.array(Id).optional().describe('Hits every instance of these components.'),
  ...processFields,
});

const combinationFields = {
  mode: z.enum(['active-active', 'failover']).optional(),
  needed: z.number().int().min(1).optional(),
  shortfall: z.enum(['fail', 'shed']).optional(),
  detect: Duration.optional(),
  switchover: Duration.optional(),
  success: Ratio.optional(),
};

export const Replicas = z.strictObject({
  count: z.number().int().min(1),
  ...combinationFields,
  tags: z.array(Tags).optional().describe('tags[i] is merged over the component tags.'),
});

export const DependsOn = z
  .strictObject(combinationFields)
  .describe('Combine this component’s dependencies as alternatives, like replicas.');

export const Component = z.strictObject({
  id: Id,
  name: z.string().optional(),
  kind: z.enum(COMPONENT_KINDS).optional(),
  tags: Tags.optional(),
  failures: z.array(FailureMode).optional(),
  replicas: Replicas.optional(),
  dependsOn: DependsOn.optional(),
});

export const Dependency = z.strictObject({
  from: Id.describe('The caller.'),
  to: Id.describe('The component it calls.'),
  impact: z
    .number()
    .gt(0, { error: 'expected an impact in (0, 1]' })
    .max(1, { error: 'expected an impact in (0, 1]' })
    .optional(),
});

export const Journey = z.strictObject({
  id: Id,
  name: z.string().optional(),
  entry: Id.describe('The component the journey’s requests enter through.'),
  target: Ratio.describe('The SLO target, e.g. "99.9%".'),
});

export const Position = z.strictObject({ x: z.number(), y: z.number() });

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this JSON Schema.'),
    nines: z.literal(1, { error: 'expected "nines": 1 (the format version)' }),
    name: z.string().min(1),
    description: z.string().optional(),
    window: Duration.describe('The SLO compliance window; one trial simulates one window.'),
    run: z
      .strictObject({
        trials: z.number().int().min(1).optional(),
        seed: z.string().optional(),
      })
      .optional(),
    components: z.array(Component).min(1, { error: 'expected at least one component' }),
    dependencies: z.array(Dependency).optional(),
    events: z.array(SharedEvent).optional(),
    journeys: z.array(Journey).min(1, { error: 'expected at least one journey' }),
    layout: z.record(z.string(), Position).optional(),
  })
  .describe('A Nines scenario, format version 1.');

export type ScenarioDoc = z.infer<typeof Scenario>;
export type ComponentDoc = z.infer<typeof Component>;
export type FailureModeDoc = z.infer<typeof FailureMode>;
export type SharedEventDoc = z.infer<typeof SharedEvent>;
export type DependencyDoc = z.infer<typeof Dependency>;
export type JourneyDoc = z.infer<typeof Journey>;
export type ReplicasDoc = z.infer<typeof Replicas>;
export type DependsOnDoc = z.infer<typeof DependsOn>;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
