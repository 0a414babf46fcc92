import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../src/engine/scenario/schema';
import {
  formatPath,
  formatProblem,
  parseScenarioText,
  type Problem,
  ScenarioError,
  validateScenario,
} from '../src/engine/scenario/validate';

/** A small valid scenario: api → auth → db, with one journey entering at api. */
function baseScenario(): ScenarioDoc {
  return {
    nines: 1,
    name: 'Login',
    window: '30d',
    components: [
      { id: 'api', failures: [{ name: 'crash', mtbf: '30d', mttr: '1h' }] },
      { id: 'auth', failures: [{ name: 'crash', mtbf: '60d', mttr: '30m' }] },
      { id: 'db' },
    ],
    dependencies: [
      { from: 'api', to: 'auth' },
      { from: 'auth', to: 'db' },
    ],
    journeys: [{ id: 'login', entry: 'api', target: '99.9%' }],
  };
}

/** The base scenario after `change`; loosely typed so that tests can break its shape. */
function scenarioWith(change: (doc: Loose) => void): unknown {
  const doc = baseScenario() as unknown as Loose;
  change(doc);
  return doc;
}

/** Documents under test are any JSON, most of them deliberately not scenarios. */
type Loose = any;

function problemsOf(doc: unknown): Problem[] {
  const result = validateScenario(doc);
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.problems;
}

/** Asserts that `doc` has exactly one problem, at `path`, whose message contains `fragment`. */
function expectOnlyProblem(doc: unknown, path: string, fragment: string): void {
  expect(problemsOf(doc)).toEqual([{ path, message: expect.stringContaining(fragment) }]);
}

function workedExample(): string {
  const doc = readFileSync(new URL('../docs/scenario-format.md', import.meta.url), 'utf8');
  const afterMarker = doc.slice(doc.indexOf('<!-- worked-example -->'));
  const block = /```json\n([\s\S]*?)\n```/.exec(afterMarker);
  if (!block) throw new Error('no worked example in docs/scenario-format.md');
  return block[1];
}

describe('validateScenario on valid documents', () => {
  it('accepts the base scenario and returns it', () => {
    const result = validateScenario(baseScenario());

    expect(result).toEqual({ ok: true, scenario: baseScenario() });
  });

  it('accepts the worked example of docs/scenario-format.md', () => {
    const result = parseScenarioText(workedExample());

    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('accepts a $schema key for editors', () => {
    const doc = scenarioWith((d) => (d.$schema = '../public/scenario.schema.json'));

    expect(validateScenario(doc).ok).toBe(true);
  });

  it('accepts each way of giving a rate', () => {
    const doc = scenarioWith((d) => {
      d.components[0].failures = [
        { name: 'a', mtbf: '30d', mttr: '1h' },
        { name: 'b', availability: '99.95%', mttr: '1h' },
        { name: 'c', deploysPerWeek: 10, changeFailureRate: 0.05, mttr: '30m' },
      ];
    });

    expect(validateScenario(doc).ok).toBe(true);
  });

  it('accepts zero detect and switchover times for failover', () => {
    const doc = scenarioWith((d) => {
      d.components[1].replicas = { count: 2, mode: 'failover', detect: '0s', switchover: '0m' };
    });

    expect(validateScenario(doc).ok).toBe(true);
  });

  it('accepts an event with an empty match, which hits every instance', () => {
    const doc = scenarioWith(
      (d) => (d.events = [{ name: 'all', match: {}, mtbf: '1y', mttr: '1h' }]),
    );

    expect(validateScenario(doc).ok).toBe(true);
  });
});

describe('validateScenario on the shape of a document', () => {
  it('reports each unknown key at its own path', () => {
    const doc = scenarioWith((d) => {
      d.components[0].failrues = [];
      d.components[0].sla = 1;
      d.colour = 'red';
    });

    expect(problemsOf(doc)).toEqual([
      { path: 'components[0].failrues', message: 'unknown key (check the spelling)' },
      { path: 'components[0].sla', message: 'unknown key (check the spelling)' },
      { path: 'colour', message: 'unknown key (check the spelling)' },
    ]);
  });

  it('names the expected type', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.name = 3)),
      'name',
      'expected a string',
    );
    expectOnlyProblem(
      scenarioWith((d) => (d.components = {})),
      'components',
      'expected an array',
    );
    expectOnlyProblem(
      scenarioWith((d) => (d.layout = { api: { x: 1, y: 'top' } })),
      'layout.api.y',
      'expected a number',
    );
  });

  it('asks for a whole number where one is needed', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.run = { trials: 10.5 })),
      'run.trials',
      'expected a whole number',
    );
  });

  it('reports a missing key as missing, with what was expected', () => {
    const doc = scenarioWith((d) => delete d.components[1].failures[0].mttr);

    expect(problemsOf(doc)).toEqual([
      {
        path: 'components[1].failures[0].mttr',
        message: 'missing, expected a duration such as "30m"',
      },
    ]);
  });

  it('reports a bad duration at its path', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.components[1].failures[0].mttr = '30 minutes')),
      'components[1].failures[0].mttr',
      'expected a duration such as "30m"',
    );
  });

  it('lists the allowed values of an enumeration', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.components[0].kind = 'svc')),
      'components[0].kind',
      'expected one of "client", "gateway", "service"',
    );
  });

  it('names the format version when it is wrong', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.nines = 2)),
      'nines',
      'expected "nines": 1',
    );
  });

  it('rejects a ratio above 100 %', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.journeys[0].target = '101%')),
      'journeys[0].target',
      'expected a ratio in [0, 1] or a percent',
    );
  });

  it('lists the allowed forms of a distribution', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.components[0].failures[0].repair = 'lognormal')),
      'components[0].failures[0].repair',
      'expected "exponential", "fixed" or { "lognormal": { "sigma": s } }',
    );
  });

  it('reports the field inside a distribution that has the right form', () => {
    const doc = scenarioWith((d) => (d.components[0].failures[0].uptime = { weibull: { k: 2 } }));

    expect(problemsOf(doc)).toEqual([
      {
        path: 'components[0].failures[0].uptime.weibull.shape',
        message: 'missing, expected a number',
      },
      {
        path: 'components[0].failures[0].uptime.weibull.k',
        message: 'unknown key (check the spelling)',
      },
    ]);
  });

  it('states the bound a number must respect', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.components[0].replicas = { count: 0 })),
      'components[0].replicas.count',
      'expected a number >= 1',
    );
    expectOnlyProblem(
      scenarioWith((d) => (d.dependencies[0].impact = 0)),
      'dependencies[0].impact',
      'expected an impact in (0, 1]',
    );
  });

  it('asks for at least one component and one journey', () => {
    const doc = scenarioWith((d) => {
      d.components = [];
      d.journeys = [];
    });

    expect(problemsOf(doc)).toEqual([
      { path: 'components', message: 'expected at least one component' },
      { path: 'journeys', message: 'expected at least one journey' },
    ]);
  });

  it('reports a document that is not an object at (document)', () => {
    expect(problemsOf(null)).toEqual([{ path: '(document)', message: 'expected an object' }]);
    expect(problemsOf([])).toEqual([{ path: '(document)', message: 'expected an object' }]);
  });

  it('leaves the references unchecked until the shape is right', () => {
    const doc = scenarioWith((d) => {
      d.window = 30;
      d.journeys[0].entry = 'nowhere';
    });

    expect(problemsOf(doc)).toEqual([{ path: 'window', message: expect.any(String) }]);
  });
});

describe('validateScenario on unique names', () => {
  it('rejects a duplicate component id, naming the first use', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.components.push({ id: 'auth' })),
      'components[3].id',
      'expected a unique component id, but "auth" is also at components[1].id',
    );
  });

  it('rejects a duplicate journey id', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.journeys.push({ id: 'login', entry: 'auth', target: 0.99 })),
      'journeys[1].id',
      'expected a unique journey id',
    );
  });

  it('rejects a duplicate event name', () => {
    const event = { name: 'region', match: { region: 'eu' }, mtbf: '1y', mttr: '4h' };
    expectOnlyProblem(
      scenarioWith((d) => (d.events = [event, { ...event, mttr: '2h' }])),
      'events[1].name',
      'expected a unique event name',
    );
  });

  it('rejects a duplicate failure mode name within a component', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.components[1].failures.push({ name: 'crash', mtbf: '1y', mttr: '1h' })),
      'components[1].failures[1].name',
      'expected a unique failure mode name',
    );
  });

  it('allows the same failure mode name in different components', () => {
    expect(validateScenario(baseScenario()).ok).toBe(true);
    expect(baseScenario().components[0].failures?.[0].name).toBe('crash');
    expect(baseScenario().components[1].failures?.[0].name).toBe('crash');
  });
});

describe('validateScenario on rates and durations', () => {
  function withMode(mode: object): unknown {
    return scenarioWith((d) => (d.components[0].failures = [{ name: 'm', mttr: '1h', ...mode }]));
  }

  it('asks for a rate when none is given', () => {
    expectOnlyProblem(withMode({}), 'components[0].failures[0]', 'expected a rate');
  });

  it('rejects two rates at once', () => {
    expectOnlyProblem(
      withMode({ mtbf: '30d', availability: 0.999 }),
      'components[0].failures[0]',
      'expected exactly one rate, got mtbf and availability',
    );
  });

  it('rejects deploysPerWeek without changeFailureRate', () => {
    expectOnlyProblem(
      withMode({ deploysPerWeek: 5 }),
      'components[0].failures[0].deploysPerWeek',
      'expected "changeFailureRate" with it',
    );
  });

  it('rejects changeFailureRate without deploysPerWeek', () => {
    expectOnlyProblem(
      withMode({ changeFailureRate: '15%' }),
      'components[0].failures[0].changeFailureRate',
      'expected "deploysPerWeek" with it',
    );
  });

  it('rejects an availability of 0', () => {
    expectOnlyProblem(
      withMode({ availability: '0%' }),
      'components[0].failures[0].availability',
      'expected an availability greater than 0',
    );
  });

  it('rejects a zero window, mtbf or mttr', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.window = '0d')),
      'window',
      'expected a duration greater than 0',
    );
    expectOnlyProblem(
      withMode({ mtbf: '0s' }),
      'components[0].failures[0].mtbf',
      'expected a duration greater than 0',
    );
    expectOnlyProblem(
      scenarioWith((d) => (d.components[1].failures[0].mttr = '0m')),
      'components[1].failures[0].mttr',
      'expected a duration greater than 0',
    );
  });

  it('checks the rate and durations of events like those of failure modes', () => {
    const doc = scenarioWith((d) => {
      d.events = [{ name: 'outage', components: ['db'], mttr: '0h' }];
    });

    expect(problemsOf(doc)).toEqual([
      { path: 'events[0]', message: expect.stringContaining('expected a rate') },
      { path: 'events[0].mttr', message: expect.stringContaining('greater than 0') },
    ]);
  });
});

describe('validateScenario on replicas', () => {
  function withReplicas(replicas: object): unknown {
    return scenarioWith((d) => (d.components[1].replicas = replicas));
  }

  it('rejects needing more instances than there are', () => {
    expectOnlyProblem(
      withReplicas({ count: 2, needed: 3 }),
      'components[1].replicas.needed',
      'expected at most 2 (the replica count)',
    );
  });

  it('rejects more tag sets than instances', () => {
    expectOnlyProblem(
      withReplicas({ count: 2, tags: [{ zone: 'a' }, { zone: 'b' }, { zone: 'c' }] }),
      'components[1].replicas.tags',
      'expected at most 2 tag sets',
    );
  });

  it('rejects failover timing in the default active-active mode', () => {
    expectOnlyProblem(
      withReplicas({ count: 2, detect: '1m' }),
      'components[1].replicas.detect',
      'only allowed with "mode": "failover"',
    );
    expectOnlyProblem(
      withReplicas({ count: 2, mode: 'active-active', success: 0.9 }),
      'components[1].replicas.success',
      'only allowed with "mode": "failover"',
    );
  });

  it('rejects needed and shortfall in failover mode', () => {
    const doc = withReplicas({ count: 2, mode: 'failover', needed: 1, shortfall: 'shed' });

    expect(problemsOf(doc)).toEqual([
      {
        path: 'components[1].replicas.needed',
        message: 'only allowed with "mode": "active-active"',
      },
      {
        path: 'components[1].replicas.shortfall',
        message: 'only allowed with "mode": "active-active"',
      },
    ]);
  });
});

describe('validateScenario on alternatives (dependsOn)', () => {
  /** `core` combines `east` and `west`; the journey enters at `core`. */
  function withJunction(dependsOn: object, impacts: [number?, number?] = []): unknown {
    return scenarioWith((d) => {
      d.components = [
        { id: 'core', kind: 'junction', dependsOn },
        { id: 'east', failures: [{ name: 'crash', mtbf: '30d', mttr: '1h' }] },
        { id: 'west', failures: [{ name: 'crash', mtbf: '30d', mttr: '1h' }] },
      ];
      d.dependencies = [
        { from: 'core', to: 'east', impact: impacts[0] },
        { from: 'core', to: 'west', impact: impacts[1] },
      ];
      d.journeys[0].entry = 'core';
    });
  }

  it('accepts a junction over two alternatives', () => {
    expect(validateScenario(withJunction({ mode: 'failover', detect: '1m' })).ok).toBe(true);
    expect(validateScenario(withJunction({ needed: 2 }, [1, 1])).ok).toBe(true);
  });

  it('needs at least one dependency to combine', () => {
    const doc = scenarioWith((d) => (d.components[2].dependsOn = { needed: 1 }));

    expectOnlyProblem(doc, 'components[2].dependsOn', 'expected at least one dependency from "db"');
  });

  it('rejects needing more alternatives than there are dependencies', () => {
    expectOnlyProblem(
      withJunction({ needed: 3 }),
      'components[0].dependsOn.needed',
      'expected at most 2 (the number of dependencies of "core")',
    );
  });

  it('applies the mode rules of replicas', () => {
    expectOnlyProblem(
      withJunction({ switchover: '4m' }),
      'components[0].dependsOn.switchover',
      'only allowed with "mode": "failover"',
    );
    expectOnlyProblem(
      withJunction({ mode: 'failover', shortfall: 'fail' }),
      'components[0].dependsOn.shortfall',
      'only allowed with "mode": "active-active"',
    );
  });

  it('requires impact 1 on the dependencies of a junction', () => {
    expectOnlyProblem(
      withJunction({}, [undefined, 0.5]),
      'dependencies[1].impact',
      'expected impact 1 (or none): "core" combines its dependencies as alternatives',
    );
  });
});

describe('validateScenario on dependencies', () => {
  it('rejects a dependency on an unknown component, suggesting a close id', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.dependencies[0].to = 'atuh')),
      'dependencies[0].to',
      'unknown component "atuh" (did you mean "auth"?)',
    );
    expectOnlyProblem(
      scenarioWith((d) => (d.dependencies[1].from = 'payments')),
      'dependencies[1].from',
      'unknown component "payments"',
    );
  });

  it('rejects a duplicate pair', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.dependencies.push({ from: 'api', to: 'auth', impact: 0.5 })),
      'dependencies[2]',
      'expected a unique dependency, but "api → auth" is also at dependencies[0]',
    );
  });

  it('rejects a component depending on itself', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.dependencies.push({ from: 'db', to: 'db' })),
      'dependencies[2].to',
      '"db" cannot depend on itself',
    );
  });

  it('reports a cycle on the dependency that closes it, naming the cycle', () => {
    expectOnlyProblem(
      scenarioWith((d) => d.dependencies.push({ from: 'auth', to: 'api' })),
      'dependencies[2]',
      'creates a cycle: auth → api → auth',
    );
    expectOnlyProblem(
      scenarioWith((d) => d.dependencies.push({ from: 'db', to: 'api' })),
      'dependencies[2]',
      'creates a cycle: db → api → auth → db',
    );
  });

  it('reports a cycle where it closes, whatever the order of the list', () => {
    const doc = scenarioWith((d) => {
      d.dependencies = [
        { from: 'auth', to: 'db' },
        { from: 'api', to: 'auth' },
        { from: 'db', to: 'api' },
        { from: 'db', to: 'auth' },
      ];
    });

    expect(problemsOf(doc)).toEqual([
      { path: 'dependencies[2]', message: 'creates a cycle: db → api → auth → db' },
      { path: 'dependencies[3]', message: 'creates a cycle: db → auth → db' },
    ]);
  });
});

describe('validateScenario on events and journeys', () => {
  it('needs match or components on an event', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.events = [{ name: 'outage', mtbf: '1y', mttr: '1h' }])),
      'events[0]',
      'expected "match" or "components" (or both)',
    );
  });

  it('rejects an unknown component listed by an event', () => {
    const event = { name: 'outage', components: ['db', 'cache'], mtbf: '1y', mttr: '1h' };
    expectOnlyProblem(
      scenarioWith((d) => (d.events = [event])),
      'events[0].components[1]',
      'unknown component "cache"',
    );
  });

  it('rejects a journey entering at an unknown component', () => {
    expectOnlyProblem(
      scenarioWith((d) => (d.journeys[0].entry = 'mobile-app')),
      'journeys[0].entry',
      'unknown component "mobile-app" (expected a component id)',
    );
  });

  it('lists problems in document order', () => {
    const doc = scenarioWith((d) => {
      d.journeys[0].entry = 'web';
      d.dependencies[1].to = 'cache';
      d.components[0].failures[0].mtbf = '0s';
    });

    expect(problemsOf(doc).map((p) => p.path)).toEqual([
      'components[0].failures[0].mtbf',
      'dependencies[1].to',
      'journeys[0].entry',
    ]);
  });
});

describe('parseScenarioText', () => {
  it('reads a valid document', () => {
    const result = parseScenarioText(JSON.stringify(baseScenario(), null, 2));

    expect(result).toEqual({ ok: true, scenario: baseScenario() });
  });

  it('reports a trailing comma with its line and column', () => {
    const text = '{\n  "nines": 1,\n  "name": "x",\n}\n';

    expect(parseScenarioText(text)).toEqual({
      ok: false,
      problems: [
        {
          path: '(document)',
          message:
            'invalid JSON at line 4, column 1: expected another property (no trailing commas), ' +
            'found "}"',
        },
      ],
    });
  });

  it('reports a missing comma and a cut-off file at the right place', () => {
    const missingComma = parseScenarioText('{\n  "nines": 1\n  "name": "x"\n}');
    const cutOff = parseScenarioText('{ "nines": 1, "name": ');

    expect(missingComma.ok ? [] : missingComma.problems[0].message).toContain('line 3, column 3');
    expect(cutOff.ok ? [] : cutOff.problems[0].message).toBe(
      'invalid JSON at line 1, column 23: expected a value (object, array, string, number, ' +
        'true, false or null), found the end of the file',
    );
  });

  it('reports single quotes, a bad number and a line break in a string', () => {
    const messages = ["{'nines': 1}", '{"nines": 01}', '{"name": "a\nb"}'].map((text) => {
      const result = parseScenarioText(text);
      return result.ok ? '' : result.problems[0].message;
    });

    expect(messages).toEqual([
      'invalid JSON at line 1, column 2: expected a property name in double quotes, found "\'"',
      'invalid JSON at line 1, column 11: expected a number such as 3, -0.5 or 1e-4, found "0"',
      'invalid JSON at line 1, column 12: expected no line breaks or control characters inside ' +
        'a string, found "\\n"',
    ]);
  });

  it('ignores a byte order mark', () => {
    const result = parseScenarioText(`\uFEFF${JSON.stringify(baseScenario())}`);

    expect(result.ok).toBe(true);
  });

  it('validates what it parsed', () => {
    const result = parseScenarioText('{"nines": 1}');

    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'name',
      'window',
      'components',
      'journeys',
    ]);
  });
});

describe('formatPath and formatProblem', () => {
  it('writes indexes in brackets and keys after dots', () => {
    expect(formatPath(['components', 2, 'mttr'])).toBe('components[2].mttr');
    expect(formatPath(['components', 0, 'failures', 1, 'repair'])).toBe(
      'components[0].failures[1].repair',
    );
  });

  it('names the whole document when the path is empty', () => {
    expect(formatPath([])).toBe('(document)');
  });

  it('quotes keys that are not plain names', () => {
    expect(formatPath(['layout', 'my node', 'x'])).toBe('layout["my node"].x');
    expect(formatPath(['layout', 'global-lb', 'y'])).toBe('layout.global-lb.y');
    expect(formatPath(['$schema'])).toBe('$schema');
  });

  it('formats a problem as one line', () => {
    expect(formatProblem({ path: 'window', message: 'expected a duration' })).toBe(
      'window: expected a duration',
    );
  });
});

describe('ScenarioError', () => {
  it('carries its code, its problems and one line per problem', () => {
    const problems = problemsOf(scenarioWith((d) => (d.journeys[0].entry = 'web')));
    const error = new ScenarioError(problems);

    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('invalid-scenario');
    expect(error.problems).toBe(problems);
    expect(error.message).toBe(
      'journeys[0].entry: unknown component "web" (expected a component id)',
    );
  });
});
