import { COMPONENT_KINDS, type ComponentKind } from '../../engine';

/** The dataTransfer type that carries a kind from the palette to the canvas. */
export const KIND_DRAG_TYPE = 'application/x-nines-kind';

/** True when the text names a component kind. */
export function isKind(text: string): text is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(text);
}
