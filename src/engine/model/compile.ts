import { gammaFunction } from '../random/distributions';
import { streamKey } from '../random/streams';
import { eventHitsInstance, instanceTags } from '../scenario/graph';
import type { ComponentDoc, FailureModeDoc, ScenarioDoc, SharedEventDoc } from '../scenario/schema';
import { parseDuration, parseRatio } from '../scenario/units';
import { meanUpTime, steadyStateAvailability } from './rates';
import {
  COMBINE_ACTIVE,
  COMBINE_FAILOVER,
  DOWN_EXPONENTIAL,
  DOWN_FIXED,
  DOWN_LOGNORMAL,
  UP_EXPONENTIAL,
  UP_WEIBULL,
  type Combination,
  type ComponentTable,
  type FailoverGroup,
  type InstanceTable,
  type Model,
  type ProcessTable,
} from './types';

/**
 * Compiles a validated scenario into the flat model the trial loop runs on.
 * The scenario must have passed `validateScenario`; compile does not re-check it.
 */
export function compileModel(doc: ScenarioDoc): Model {
  const componentIndex = new Map(doc.components.map((c, index) => [c.id, index]));
  const tags = doc.components.flatMap((c) => instanceTags(c));
  const components = compileComponents(doc, componentIndex);
  const order = dependencyOrder(components, doc, componentIndex);
  const journeys = doc.journeys.map((j) => ({
    id: j.id,
    name: j.name ?? j.id,
    entry: componentIndex.get(j.entry)!,
    target: parseRatio(j.target),
  }));
  const reachable = journeys.map((j) => reachableFrom(j.entry, components));
  const instances = instanceComponents(components);
  const rows = processRows(doc, components, instances, tags);
  const processes = processTable(rows, parseDuration(doc.window), reachable, instances);

  return {
    name: doc.name,
    windowLabel: doc.window,
    window: parseDuration(doc.window),
    components,
    instances: instanceTable(instances, processes),
    processes,
    order,
    failoverGroups: failoverGroups(components),
    journeys,
    credits: [...components.id, ...(doc.events ?? []).map((e) => e.name)],
  };
}

function combination(size: number): Combination {
  return {
    needed: new Int32Array(size),
    shed: new Uint8Array(size),
    delay: new Float64Array(size),
    success: new Float64Array(size),
  };
}

type CombinationDoc = NonNullable<ComponentDoc['replicas'] | ComponentDoc['dependsOn']>;

function writeCombination(target: Combination, c: number, doc: CombinationDoc): number {
  target.needed[c] = doc.needed ?? 1;
  target.shed[c] = doc.shortfall === 'shed' ? 1 : 0;
  target.delay[c] = parseDuration(doc.detect ?? '0s') + parseDuration(doc.switchover ?? '0s');
  target.success[c] = parseRatio(doc.success ?? 1);
  return doc.mode === 'failover' ? COMBINE_FAILOVER : COMBINE_ACTIVE;
}

function compileComponents(doc: ScenarioDoc, index: Map<string, number>): ComponentTable {
  const n = doc.components.length;
  const table: ComponentTable = {
    count: n,
    id: doc.components.map((c) => c.id),
    name: doc.components.map((c) => c.name ?? c.id),
    instanceStart: new Int32Array(n + 1),
    replicaMode: new Uint8Array(n),
    replicas: combination(n),
    dependencyStart: new Int32Array(n + 1),
    dependencies: new Int32Array((doc.dependencies ?? []).length),
    impact: new Float64Array((doc.dependencies ?? []).length),
    dependantStart: new Int32Array(n + 1),
    dependants: new Int32Array((doc.dependencies ?? []).length),
    alternativeMode: new Uint8Array(n),
    alternatives: combination(n),
    replicaGroup: new Int32Array(n).fill(-1),
    alternativeGroup: new Int32Array(n).fill(-1),
  };
  const outgoing = doc.components.map(() => [] as { to: number; impact: number }[]);
  for (const d of doc.dependencies ?? []) {
    outgoing[index.get(d.from)!].push({ to: index.get(d.to)!, impact: d.impact ?? 1 });
  }

  let edge = 0;
  doc.components.forEach((c, ci) => {
    const count = c.replicas?.count ?? 1;
    table.instanceStart[ci + 1] = table.instanceStart[ci] + count;
    if (c.replicas && count > 1)
      table.replicaMode[ci] = writeCombination(table.replicas, ci, c.replicas);
    if (c.dependsOn)
      table.alternativeMode[ci] = writeCombination(table.alternatives, ci, c.dependsOn);
    for (const { to, impact } of outgoing[ci]) {
      table.dependencies[edge] = to;
      table.impact[edge++] = impact;
    }
    table.dependencyStart[ci + 1] = edge;
  });
  writeDependants(table, outgoing);
  return table;
}

function writeDependants(table: ComponentTable, outgoing: { to: number }[][]): void {
  const incoming = outgoing.map(() => [] as number[]);
  outgoing.forEach((edges, from) => edges.forEach(({ to }) => incoming[to].push(from)));
  incoming.forEach((list, c) => {
    table.dependantStart[c + 1] = table.dependantStart[c] + list.length;
    table.dependants.set(list, table.dependantStart[c]);
  });
}

function dependenciesOf(components: ComponentTable, c: number): number[] {
  const start = components.dependencyStart[c];
  return Array.from(components.dependencies.subarray(start, components.dependencyStart[c + 1]));
}

function reachableFrom(entry: number, components: ComponentTable): Uint8Array {
  const seen = new Uint8Array(components.count);
  const stack = [entry];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (seen[c]) continue;
    seen[c] = 1;
    stack.push(...dependenciesOf(components, c));
  }
  return seen;
}

/** Depth-first post-order from every journey entry: dependencies come before dependants. */
function dependencyOrder(
  components: ComponentTable,
  doc: ScenarioDoc,
  index: Map<string, number>,
): Int32Array {
  const visited = new Uint8Array(components.count);
  const order: number[] = [];
  const visit = (c: number): void => {
    if (visited[c]) return;
    visited[c] = 1;
    for (const d of dependenciesOf(components, c)) visit(d);
    order.push(c);
  };
  for (const j of doc.journeys) visit(index.get(j.entry)!);
  return Int32Array.from(order);
}

function instanceComponents(components: ComponentTable): Int32Array {
  const owner = new Int32Array(components.instanceStart[components.count]);
  for (let c = 0; c < components.count; c++) {
    owner.fill(c, components.instanceStart[c], components.instanceStart[c + 1]);
  }
  return owner;
}

interface ProcessRow {
  identity: string;
  label: string;
  doc: FailureModeDoc | SharedEventDoc;
  event: number;
  component: number;
  replica: number;
  credit: number;
  instances: number[];
}

function processRows(
  doc: ScenarioDoc,
  components: ComponentTable,
  owner: Int32Array,
  tags: Record<string, string>[],
): ProcessRow[] {
  const rows: ProcessRow[] = [];
  doc.components.forEach((c, ci) => {
    const first = components.instanceStart[ci];
    const count = components.instanceStart[ci + 1] - first;
    for (let r = 0; r < count; r++) {
      for (const mode of c.failures ?? []) {
        const where = count > 1 ? `${c.id}#${r + 1}` : c.id;
        rows.push({
          identity: `mode:${c.id}#${r}/${mode.name}`,
          label: `${where} ${mode.name}`,
          doc: mode,
          event: -1,
          component: ci,
          replica: r,
          credit: ci,
          instances: [first + r],
        });
      }
    }
  });
  (doc.events ?? []).forEach((e, ei) => {
    rows.push({
      identity: `event:${e.name}`,
      label: e.name,
      doc: e,
      event: ei,
      component: -1,
      replica: -1,
      credit: components.count + ei,
      instances: matchedInstances(e, owner, tags, components.id),
    });
  });
  return rows;
}

function matchedInstances(
  event: SharedEventDoc,
  owner: Int32Array,
  tags: Record<string, string>[],
  ids: readonly string[],
): number[] {
  return Array.from(owner.keys()).filter((i) => eventHitsInstance(event, ids[owner[i]], tags[i]));
}

function processTable(
  rows: ProcessRow[],
  window: number,
  reachable: Uint8Array[],
  owner: Int32Array,
): ProcessTable {
  const n = rows.length;
  const journeys = reachable.length;
  const t: ProcessTable = {
    count: n,
    label: rows.map((r) => r.label),
    event: Int32Array.from(rows, (r) => r.event),
    component: Int32Array.from(rows, (r) => r.component),
    replica: Int32Array.from(rows, (r) => r.replica),
    key0: new Uint32Array(n),
    key1: new Uint32Array(n),
    mtbf: new Float64Array(n),
    mttr: new Float64Array(n),
    availability: new Float64Array(n),
    quiet: new Float64Array(n),
    upKind: new Uint8Array(n),
    upShape: new Float64Array(n),
    upScale: new Float64Array(n),
    downKind: new Uint8Array(n),
    downMu: new Float64Array(n),
    downSigma: new Float64Array(n),
    errorRate: new Float64Array(n),
    credit: Int32Array.from(rows, (r) => r.credit),
    instanceStart: new Int32Array(n + 1),
    instances: Int32Array.from(rows.flatMap((r) => r.instances)),
    reaches: new Uint8Array(n * journeys),
    relevant: new Uint8Array(n),
  };
  rows.forEach((row, p) => {
    [t.key0[p], t.key1[p]] = streamKey(row.identity);
    writeTiming(t, p, row.doc, window);
    t.errorRate[p] = parseRatio(row.doc.errorRate ?? 1);
    t.instanceStart[p + 1] = t.instanceStart[p] + row.instances.length;
    for (let j = 0; j < journeys; j++) {
      const hit = row.instances.some((i) => reachable[j][owner[i]] === 1);
      t.reaches[p * journeys + j] = hit ? 1 : 0;
      if (hit) t.relevant[p] = 1;
    }
  });
  return t;
}

function writeTiming(
  t: ProcessTable,
  p: number,
  doc: FailureModeDoc | SharedEventDoc,
  window: number,
): void {
  const mtbf = meanUpTime(doc);
  const mttr = parseDuration(doc.mttr);
  t.mtbf[p] = mtbf;
  t.mttr[p] = mttr;
  t.availability[p] = steadyStateAvailability(mtbf, mttr);

  const uptime = doc.uptime ?? 'exponential';
  if (uptime === 'exponential') {
    t.upKind[p] = UP_EXPONENTIAL;
    t.quiet[p] = t.availability[p] * Math.exp(-window / mtbf);
  } else {
    t.upKind[p] = UP_WEIBULL;
    t.upShape[p] = uptime.weibull.shape;
    t.upScale[p] = mtbf / gammaFunction(1 + 1 / uptime.weibull.shape);
  }

  const repair = doc.repair ?? 'exponential';
  if (repair === 'exponential') t.downKind[p] = DOWN_EXPONENTIAL;
  else if (repair === 'fixed') t.downKind[p] = DOWN_FIXED;
  else {
    t.downKind[p] = DOWN_LOGNORMAL;
    t.downSigma[p] = repair.lognormal.sigma;
    t.downMu[p] = Math.log(mttr) - (repair.lognormal.sigma * repair.lognormal.sigma) / 2;
  }
}

function instanceTable(owner: Int32Array, processes: ProcessTable): InstanceTable {
  const lists = Array.from(owner, () => [] as number[]);
  for (let p = 0; p < processes.count; p++) {
    const end = processes.instanceStart[p + 1];
    for (let k = processes.instanceStart[p]; k < end; k++) lists[processes.instances[k]].push(p);
  }
  const processStart = new Int32Array(owner.length + 1);
  lists.forEach((list, i) => (processStart[i + 1] = processStart[i] + list.length));
  return {
    count: owner.length,
    component: owner,
    processStart,
    processes: Int32Array.from(lists.flat()),
  };
}

function failoverGroups(components: ComponentTable): FailoverGroup[] {
  const groups: FailoverGroup[] = [];
  for (let c = 0; c < components.count; c++) {
    for (const alternatives of [false, true]) {
      const mode = alternatives ? components.alternativeMode[c] : components.replicaMode[c];
      if (mode !== COMBINE_FAILOVER) continue;
      const [key0, key1] = streamKey(`switch:${components.id[c]}${alternatives ? '/alt' : ''}`);
      (alternatives ? components.alternativeGroup : components.replicaGroup)[c] = groups.length;
      groups.push({ component: c, alternatives, key0, key1 });
    }
  }
  return groups;
}
