import { Graph, layout } from '@dagrejs/dagre';
import type { ScenarioDoc } from '../../engine';
import { positionOf, type Position } from './edits';

/** The room the layout gives each node; about the size of a node on the canvas. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 90;

/**
 * Places every component in layers from left to right, callers before what they call, with
 * dagre. Positions are the top-left corners of the nodes, as React Flow expects them.
 */
export function autoLayout(doc: ScenarioDoc): Record<string, Position> {
  const ids = doc.components.map((c) => c.id);
  // dagre keeps nodes in plain objects, where ids such as `__proto__` would break it.
  const nodeOf = new Map(ids.map((id, i) => [id, `n${i}`]));
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  nodeOf.forEach((node) => graph.setNode(node, { width: NODE_WIDTH, height: NODE_HEIGHT }));
  for (const { from, to } of doc.dependencies ?? []) {
    const [source, target] = [nodeOf.get(from), nodeOf.get(to)];
    if (source && target && source !== target) graph.setEdge(source, target);
  }

  layout(graph);

  return Object.fromEntries(
    [...nodeOf].map(([id, node]) => {
      const { x, y } = graph.node(node);
      return [id, { x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) }];
    }),
  );
}

/** Whether some component has no saved position. */
function lacksPositions(doc: ScenarioDoc): boolean {
  return doc.components.some((c) => positionOf(doc, c.id) === undefined);
}

/**
 * The document with an automatic layout when some component has no position (an imported or
 * hand-written file); otherwise the document itself. A partial layout is replaced whole, since
 * placing only the missing nodes could put them on top of the others.
 */
export function withAutoLayout(doc: ScenarioDoc): ScenarioDoc {
  return lacksPositions(doc) ? { ...doc, layout: autoLayout(doc) } : doc;
}
