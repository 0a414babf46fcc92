import {
  Background,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Dimensions,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ComponentDoc, ComponentKind } from '../../engine';
import { componentAvailability } from '../state/derived';
import { NODE_HEIGHT, NODE_WIDTH } from '../state/layout';
import { withoutKeys } from '../state/objects';
import { useEditor, type Selection } from '../state/store';
import { ComponentNode, type ComponentNodeType } from './component-node';
import { DependencyEdge } from './dependency-edge';
import { buildEdges, buildNodes, edgeIndex, nodeData } from './flow-elements';
import { isKind, KIND_DRAG_TYPE } from './kinds';
import { Palette } from './palette';
import { useDeleteKey } from './use-delete-key';
import { FIT_VIEW_OPTIONS, useFitOnReplace } from './use-fit-on-replace';
import './editor.css';

const NODE_TYPES = { component: ComponentNode };
const EDGE_TYPES = { dependency: DependencyEdge };

const ARIA_LABELS = { 'controls.fitView.ariaLabel': 'Zoom to fit' };

const availabilities = new WeakMap<ComponentDoc, number | null>();

/**
 * The dependency graph editor: the scenario's components as nodes placed by its layout, its
 * dependencies as edges from caller to callee, a palette beside it to add components, and the
 * store's notice (such as a refused cycle). `burn` maps component ids to the share of the error budget
 * they burned in the last run; nodes show it as a badge.
 */
export function Canvas({ burn }: { burn?: Map<string, number> }) {
  return (
    <ReactFlowProvider>
      <CanvasFlow burn={burn} />
    </ReactFlowProvider>
  );
}

function CanvasFlow({ burn }: { burn?: Map<string, number> }) {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const highlighted = useEditor((s) => s.highlighted);
  const { screenToFlowPosition } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Record<string, Dimensions>>({});
  const [dragging, setDragging] = useState<Record<string, XYPosition>>({});

  const data = useMemo(
    () => nodeData(doc, { availabilityOf, highlighted, burn }),
    [doc, highlighted, burn],
  );
  const selectedId = selection?.kind === 'component' ? selection.id : null;
  const nodes = useMemo(
    () => buildNodes(doc, data, { measured, dragging, selectedId }),
    [doc, data, measured, dragging, selectedId],
  );
  const selectedIndex = selection?.kind === 'dependency' ? selection.index : null;
  const edges = useMemo(() => buildEdges(doc, selectedIndex), [doc, selectedIndex]);

  const addAt = useCallback(
    (kind: ComponentKind, screen: XYPosition) => {
      const centre = screenToFlowPosition(screen);
      const position = { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
      const id = useEditor.getState().addComponent(kind, position);
      useEditor.getState().select({ kind: 'component', id });
    },
    [screenToFlowPosition],
  );
  const addAtCentre = useCallback(
    (kind: ComponentKind) => addAt(kind, viewCentre(wrapper.current, doc.components.length)),
    [addAt, doc.components.length],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ComponentNodeType>[]) =>
      applyNodeChanges(changes, setMeasured, setDragging),
    [],
  );

  useDeleteKey(deleteSelected);
  useFitOnReplace();

  return (
    <div className="canvas">
      <Palette onAdd={addAtCentre} />
      <div
        className="canvas-flow"
        ref={wrapper}
        onDragOver={allowKindDrop}
        onDrop={(event) => dropKind(event, addAt)}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          deleteKeyCode={null}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          ariaLabelConfig={ARIA_LABELS}
        >
          <Background gap={24} />
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
          <NoticePanel />
        </ReactFlow>
      </div>
    </div>
  );
}

function NoticePanel() {
  const notice = useEditor((s) => s.notice);
  const dismiss = useEditor((s) => s.dismissNotice);
  if (!notice) return null;

  return (
    <Panel position="top-center">
      <div className={`canvas-notice notice-${notice.tone}`} role="alert">
        <span>{notice.text}</span>
        <button type="button" aria-label="Dismiss message" onClick={dismiss}>
          ×
        </button>
      </div>
    </Panel>
  );
}

type Update<T> = (update: (previous: Record<string, T>) => Record<string, T>) => void;

/**
 * Keeps what React Flow measures, and positions while a node is dragged, on the canvas; a
 * position that is no longer dragging (the end of a drag, or an arrow key) is stored in the
 * document as one edit.
 */
function applyNodeChanges(
  changes: NodeChange<ComponentNodeType>[],
  setMeasured: Update<Dimensions>,
  setDragging: Update<XYPosition>,
): void {
  const sizes = changes.flatMap((c) =>
    c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : [],
  );
  const moves = changes.flatMap((c) =>
    c.type === 'position' && c.position ? [{ ...c, position: c.position }] : [],
  );
  const dragged = moves.filter((c) => c.dragging).map((c) => [c.id, c.position] as const);
  const placed = moves.filter((c) => !c.dragging);
  const placedIds = placed.map((c) => c.id);

  if (sizes.length > 0) setMeasured((prev) => ({ ...prev, ...Object.fromEntries(sizes) }));
  if (dragged.length > 0) setDragging((prev) => ({ ...prev, ...Object.fromEntries(dragged) }));
  for (const c of placed) useEditor.getState().moveComponent(c.id, c.position);
  if (placed.length > 0) setDragging((prev) => withoutKeys(prev, placedIds));
  for (const c of changes) {
    if (c.type === 'select') applySelect({ kind: 'component', id: c.id }, c.selected);
  }
}

function onEdgesChange(changes: EdgeChange<Edge>[]): void {
  for (const c of changes) {
    if (c.type !== 'select') continue;
    const index = edgeIndex(c.id);
    if (index !== null) applySelect({ kind: 'dependency', index }, c.selected);
  }
}

/** React Flow reports a click as deselect-the-old, select-the-new; only the latter is kept. */
function applySelect(target: NonNullable<Selection>, selected: boolean): void {
  const { selection, select } = useEditor.getState();
  if (selected) select(target);
  else if (sameSelection(selection, target)) select(null);
}

function sameSelection(a: Selection, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function onConnect(connection: Connection): void {
  useEditor.getState().connect(connection.source, connection.target);
}

function deleteSelected(): boolean {
  const { selection, deleteSelection } = useEditor.getState();
  if (!selection) return false;

  deleteSelection();
  return true;
}

function allowKindDrop(event: DragEvent): void {
  if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

function dropKind(
  event: DragEvent,
  addAt: (kind: ComponentKind, screen: XYPosition) => void,
): void {
  const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
  if (!isKind(kind)) return;

  event.preventDefault();
  addAt(kind, { x: event.clientX, y: event.clientY });
}

/** The centre of the canvas on screen, shifted a little per component so adds do not stack. */
function viewCentre(element: HTMLElement | null, count: number): XYPosition {
  const box = element?.getBoundingClientRect() ?? { left: 0, top: 0, width: 0, height: 0 };
  const shift = (count % 6) * 24;
  return { x: box.left + box.width / 2 + shift, y: box.top + box.height / 2 + shift };
}

/**
 * A component's availability, computed once per component object: hovering an event rebuilds
 * every node's data, and a component that did not change is the same object in the new document.
 */
function availabilityOf(component: ComponentDoc): number | null {
  const known = availabilities.get(component);
  if (known !== undefined) return known;

  const availability = componentAvailability(component);
  availabilities.set(component, availability);
  return availability;
}
