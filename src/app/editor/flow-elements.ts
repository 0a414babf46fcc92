import { MarkerType, type Dimensions, type Edge, type XYPosition } from '@xyflow/react';
import type { ComponentDoc, ScenarioDoc } from '../../engine';
import { formatRatio } from '../format';
import { positionOf } from '../state/edits';
import type { ComponentNodeData, ComponentNodeType } from './component-node';

/** Matches `.react-flow__edge-path` in editor.css; markers take their colour here. */
const EDGE_COLOUR = '#6b6b6b';

/** Where a component without a saved position goes: a grid, row by row. */
const GRID = { columns: 5, width: 240, height: 160 };

/** What the canvas shows about each component besides the document itself. */
interface NodeDecorations {
  availabilityOf: (component: ComponentDoc) => number | null;
  highlighted: readonly string[];
  burn?: ReadonlyMap<string, number>;
}

/** The data of each component's node, keyed by id; stable while only positions change. */
export function nodeData(doc: ScenarioDoc, decorations: NodeDecorations) {
  const highlighted = new Set(decorations.highlighted);

  return new Map<string, ComponentNodeData>(
    doc.components.map((component) => [
      component.id,
      {
        component,
        availability: decorations.availabilityOf(component),
        burn: decorations.burn?.get(component.id),
        highlighted: highlighted.has(component.id),
      },
    ]),
  );
}

/** The placement the canvas adds on top of the document: sizes seen and nodes being dragged. */
interface Placement {
  measured: Readonly<Record<string, Dimensions>>;
  dragging: Readonly<Record<string, XYPosition>>;
  selectedId: string | null;
}

/**
 * React Flow nodes for the components, placed by the document's layout (or a grid when a
 * component has none), except where a drag is in progress. Sizes already measured are passed
 * back so React Flow does not measure every node again on every change.
 */
export function buildNodes(
  doc: ScenarioDoc,
  data: ReadonlyMap<string, ComponentNodeData>,
  placement: Placement,
): ComponentNodeType[] {
  return doc.components.flatMap((component, i) => {
    const nodeData = data.get(component.id);
    if (!nodeData) return [];
    const { id } = component;
    return [
      {
        id,
        type: 'component' as const,
        position: own(placement.dragging, id) ?? positionOf(doc, id) ?? gridPosition(i),
        data: nodeData,
        selected: placement.selectedId === id,
        measured: own(placement.measured, id),
        ariaLabel: `${component.kind ?? 'component'} ${component.name || id}`,
      },
    ];
  });
}

/** The record's own entry; ids such as `constructor` must not find what objects inherit. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function gridPosition(index: number): XYPosition {
  return {
    x: (index % GRID.columns) * GRID.width,
    y: Math.floor(index / GRID.columns) * GRID.height,
  };
}

/**
 * React Flow edges for the dependencies, from caller to callee with the arrow at the callee; a
 * partial impact is dashed and labelled with its percent. A dependency on an unknown component
 * is left out (validation reports it).
 */
export function buildEdges(doc: ScenarioDoc, selectedIndex: number | null): Edge[] {
  const ids = new Set(doc.components.map((c) => c.id));

  return (doc.dependencies ?? []).flatMap((dependency, index) => {
    if (!ids.has(dependency.from) || !ids.has(dependency.to)) return [];
    const partial = typeof dependency.impact === 'number' && dependency.impact < 1;
    return [
      {
        id: edgeId(index),
        type: 'dependency',
        source: dependency.from,
        target: dependency.to,
        selected: selectedIndex === index,
        label: partial ? formatRatio(dependency.impact as number, 2) : undefined,
        className: partial ? 'partial' : undefined,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: EDGE_COLOUR },
        ariaLabel: `${dependency.from} calls ${dependency.to}`,
      },
    ];
  });
}

/** The id of the edge of dependency `index`. */
function edgeId(index: number): string {
  return `dependency-${index}`;
}

/** The dependency index of an edge id, or null. */
export function edgeIndex(id: string): number | null {
  const match = /^dependency-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}
