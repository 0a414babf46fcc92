import type {
  ComponentDoc,
  DependencyDoc,
  DependsOnDoc,
  FailureModeDoc,
  JourneyDoc,
  ReplicasDoc,
  ScenarioDoc,
  SharedEventDoc,
} from './schema';
import { pathBetween } from './graph';
import { parseDuration, parseRatio } from './units';
import type { Problem } from './validate';

/**
 * The checks that a well-shaped scenario must also pass before it can be simulated: unique names,
 * one rate per process, positive durations, consistent replica and alternative settings, and
 * references between components, dependencies, events and journeys that resolve in an acyclic
 * graph. Problems come in document order.
 */
export function checkReferences(doc: ScenarioDoc): Problem[] {
  const componentIds = ids(doc.components);
  const dependencies = doc.dependencies ?? [];

  return [
    ...positiveDuration('window', doc.window),
    ...checkComponents(doc.components, dependencies),
    ...checkDependencies(dependencies, doc.components),
    ...checkEvents(doc.events ?? [], componentIds),
    ...checkJourneys(doc.journeys, componentIds),
  ];
}

function problem(path: string, message: string): Problem {
  return { path, message };
}

function ids(components: readonly ComponentDoc[]): string[] {
  return components.map((c) => c.id);
}

function checkComponents(
  components: readonly ComponentDoc[],
  dependencies: readonly DependencyDoc[],
): Problem[] {
  const idTaken = firstUse(ids(components), (i) => `components[${i}].id`);

  return components.flatMap((component, i) => {
    const path = `components[${i}]`;
    const alternatives = dependencies.filter((d) => d.from === component.id).length;
    const failures = component.failures ?? [];
    const nameTaken = firstUse(
      failures.map((f) => f.name),
      (j) => `${path}.failures[${j}].name`,
    );
    return [
      ...idTaken(i, 'component id'),
      ...failures.flatMap((failure, j) => [
        ...nameTaken(j, 'failure mode name'),
        ...checkProcess(failure, `${path}.failures[${j}]`),
      ]),
      ...(component.replicas ? checkReplicas(component.replicas, `${path}.replicas`) : []),
      ...(component.dependsOn
        ? checkDependsOn(component.dependsOn, `${path}.dependsOn`, component.id, alternatives)
        : []),
    ];
  });
}

/**
 * Returns a check that reports item i when its key was already used by an earlier item, naming
 * where it was first used.
 */
function firstUse(
  keys: readonly string[],
  pathOf: (index: number) => string,
): (index: number, what: string) => Problem[] {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!first.has(key)) first.set(key, i);
  });

  return (i, what) => {
    const earlier = first.get(keys[i]) ?? i;
    if (earlier === i) return [];
    const taken = `"${keys[i]}" is also at ${pathOf(earlier)}`;
    return [problem(pathOf(i), `expected a unique ${what}, but ${taken}`)];
  };
}

type ProcessDoc = FailureModeDoc | SharedEventDoc;

/** Checks the rate and durations of a failure mode or shared event. */
function checkProcess(process: ProcessDoc, path: string): Problem[] {
  return [
    ...checkRate(process, path),
    ...(process.mtbf === undefined ? [] : positiveDuration(`${path}.mtbf`, process.mtbf)),
    ...positiveDuration(`${path}.mttr`, process.mttr),
  ];
}

function checkRate(process: ProcessDoc, path: string): Problem[] {
  const deploys = process.deploysPerWeek !== undefined;
  const changes = process.changeFailureRate !== undefined;
  const given = [
    process.mtbf !== undefined && 'mtbf',
    process.availability !== undefined && 'availability',
    (deploys || changes) && 'deploysPerWeek with changeFailureRate',
  ].filter((name): name is string => name !== false);

  const problems: Problem[] = [];
  if (given.length === 0) {
    const expected = '"mtbf", "availability" or "deploysPerWeek" with "changeFailureRate"';
    problems.push(problem(path, `expected a rate: ${expected}`));
  }
  if (given.length > 1) {
    problems.push(problem(path, `expected exactly one rate, got ${given.join(' and ')}`));
  }
  if (deploys && !changes) {
    problems.push(problem(`${path}.deploysPerWeek`, 'expected "changeFailureRate" with it'));
  }
  if (changes && !deploys) {
    problems.push(problem(`${path}.changeFailureRate`, 'expected "deploysPerWeek" with it'));
  }
  if (process.availability !== undefined && parseRatio(process.availability) <= 0) {
    problems.push(problem(`${path}.availability`, 'expected an availability greater than 0'));
  }
  return problems;
}

function positiveDuration(path: string, text: string): Problem[] {
  const seconds = parseDuration(text);
  if (seconds > 0 && Number.isFinite(seconds)) return [];
  return [problem(path, 'expected a duration greater than 0, such as "30m"')];
}

type Combination = DependsOnDoc | ReplicasDoc;

const FAILOVER_ONLY = ['detect', 'switchover', 'success'] as const;
const ACTIVE_ACTIVE_ONLY = ['needed', 'shortfall'] as const;

/**
 * Checks the settings that only one mode uses, and that `needed` can be met by the instances
 * (or alternatives) there are. `mode` defaults to active-active.
 */
function checkCombination(
  combination: Combination,
  path: string,
  size: number,
  of: string,
): Problem[] {
  const failover = combination.mode === 'failover';
  const wrongMode = failover ? ACTIVE_ACTIVE_ONLY : FAILOVER_ONLY;
  const rightMode = failover ? 'active-active' : 'failover';

  const problems = wrongMode
    .filter((key) => combination[key] !== undefined)
    .map((key) => problem(`${path}.${key}`, `only allowed with "mode": "${rightMode}"`));
  if (!failover && (combination.needed ?? 1) > size) {
    problems.push(problem(`${path}.needed`, `expected at most ${size} (${of})`));
  }
  return problems;
}

function checkReplicas(replicas: ReplicasDoc, path: string): Problem[] {
  const problems = checkCombination(replicas, path, replicas.count, 'the replica count');
  const tagSets = replicas.tags?.length ?? 0;
  if (tagSets > replicas.count) {
    const message = `expected at most ${replicas.count} tag sets (one per replica), got ${tagSets}`;
    problems.push(problem(`${path}.tags`, message));
  }
  return problems;
}

function checkDependsOn(
  dependsOn: DependsOnDoc,
  path: string,
  id: string,
  alternatives: number,
): Problem[] {
  if (alternatives === 0) {
    const message = `expected at least one dependency from "${id}" to combine as alternatives`;
    return [problem(path, message)];
  }
  return checkCombination(dependsOn, path, alternatives, `the number of dependencies of "${id}"`);
}

function checkDependencies(
  dependencies: readonly DependencyDoc[],
  components: readonly ComponentDoc[],
): Problem[] {
  const known = ids(components);
  const combining = new Set(ids(components.filter((c) => c.dependsOn)));
  const pairTaken = firstUse(dependencies.map(pairName), (k) => `dependencies[${k}]`);
  const graph = new DependencyGraph();

  return dependencies.flatMap((dependency, k) => {
    const path = `dependencies[${k}]`;
    const broken = [
      ...knownComponent(`${path}.from`, dependency.from, known),
      ...knownComponent(`${path}.to`, dependency.to, known),
      ...pairTaken(k, 'dependency'),
      ...notSelf(`${path}.to`, dependency),
    ];
    const impact = combining.has(dependency.from) ? alternativeImpact(path, dependency) : [];
    return [...broken, ...impact, ...(broken.length > 0 ? [] : graph.accept(path, dependency))];
  });
}

function pairName(dependency: DependencyDoc): string {
  return `${dependency.from} → ${dependency.to}`;
}

function notSelf(path: string, { from, to }: DependencyDoc): Problem[] {
  if (from !== to) return [];
  return [problem(path, `expected another component: "${from}" cannot depend on itself`)];
}

/** Alternatives are whole stacks or regions: a request needs all of the one it goes to. */
function alternativeImpact(path: string, dependency: DependencyDoc): Problem[] {
  if ((dependency.impact ?? 1) === 1) return [];
  const reason = `"${dependency.from}" combines its dependencies as alternatives`;
  return [problem(`${path}.impact`, `expected impact 1 (or none): ${reason}`)];
}

/** The dependencies accepted so far, to find the one that closes a cycle. */
class DependencyGraph {
  private readonly edges = new Map<string, string[]>();

  /** Adds the dependency unless it closes a cycle, which is reported on it instead. */
  accept(path: string, { from, to }: DependencyDoc): Problem[] {
    const back = pathBetween(this.edges, to, from);
    if (back) return [problem(path, `creates a cycle: ${[from, ...back].join(' → ')}`)];

    this.edges.set(from, [...(this.edges.get(from) ?? []), to]);
    return [];
  }
}

function checkEvents(events: readonly SharedEventDoc[], known: readonly string[]): Problem[] {
  const nameTaken = firstUse(
    events.map((e) => e.name),
    (i) => `events[${i}].name`,
  );

  return events.flatMap((event, i) => {
    const path = `events[${i}]`;
    const targets = event.match === undefined && event.components === undefined;
    return [
      ...nameTaken(i, 'event name'),
      ...(targets ? [problem(path, 'expected "match" or "components" (or both)')] : []),
      ...(event.components ?? []).flatMap((id, j) =>
        knownComponent(`${path}.components[${j}]`, id, known),
      ),
      ...checkProcess(event, path),
    ];
  });
}

function checkJourneys(journeys: readonly JourneyDoc[], known: readonly string[]): Problem[] {
  const idTaken = firstUse(
    journeys.map((j) => j.id),
    (i) => `journeys[${i}].id`,
  );

  return journeys.flatMap((journey, i) => [
    ...idTaken(i, 'journey id'),
    ...knownComponent(`journeys[${i}].entry`, journey.entry, known),
  ]);
}

function knownComponent(path: string, id: string, known: readonly string[]): Problem[] {
  if (known.includes(id)) return [];
  const guess = closest(id, known);
  const hint = guess === undefined ? 'expected a component id' : `did you mean "${guess}"?`;
  return [problem(path, `unknown component "${id}" (${hint})`)];
}

/**
 * The id closest to `word`, if it is a likely typo of it: one edit away for words of three to
 * five characters, two for longer ones. Typos are the usual cause of unknown ids.
 */
function closest(word: string, known: readonly string[]): string | undefined {
  const allowed = Math.min(2, Math.floor(word.length / 3));
  const ranked = known
    .map((id) => ({ id, distance: editDistance(word.toLowerCase(), id.toLowerCase()) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance);
  return ranked[0]?.id;
}

/** Levenshtein distance, with transpositions of neighbours counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
