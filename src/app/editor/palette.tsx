import type { DragEvent } from 'react';
import { COMPONENT_KINDS, type ComponentKind } from '../../engine';
import { KIND_DRAG_TYPE } from './kinds';

/**
 * The nine component kinds, in a strip above the canvas so that it never covers a node.
 * Drag one onto the canvas to add it where it is dropped, or press it (mouse or keyboard) to
 * add it at the centre of the view.
 */
export function Palette({ onAdd }: { onAdd: (kind: ComponentKind) => void }) {
  return (
    <div className="palette" role="group" aria-label="Component palette">
      <p className="palette-hint" title="Drag onto the canvas, or press to add at the centre">
        Add
      </p>
      {COMPONENT_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`palette-item kind-${kind}`}
          draggable
          aria-label={`Add ${kind}`}
          title={`Drag onto the canvas, or press to add a ${kind} at the centre`}
          onDragStart={(event) => startDrag(event, kind)}
          onClick={() => onAdd(kind)}
        >
          <span className="kind-swatch" aria-hidden="true" />
          {kind}
        </button>
      ))}
    </div>
  );
}

function startDrag(event: DragEvent, kind: ComponentKind): void {
  event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
  event.dataTransfer.effectAllowed = 'copy';
}
