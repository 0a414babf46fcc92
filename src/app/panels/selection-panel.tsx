import { useEditor } from '../state/store';
import { ComponentPanel } from './component-panel';
import { DependencyPanel } from './dependency-panel';
import './panels.css';

/**
 * The side panel for what is selected on the canvas: a component, a dependency, or a hint.
 * Panels are keyed by position, not id, so that renaming keeps the focus in the id field.
 */
export function SelectionPanel() {
  const selection = useEditor((s) => s.selection);
  const index = useEditor((s) =>
    s.selection?.kind === 'component'
      ? s.doc.components.findIndex((c) => c.id === (s.selection as { id: string }).id)
      : -1,
  );

  if (selection?.kind === 'component') return <ComponentPanel key={index} id={selection.id} />;
  if (selection?.kind === 'dependency') {
    return <DependencyPanel key={selection.index} index={selection.index} />;
  }
  return (
    <section className="panel" aria-label="Selection">
      <p className="panel-hint">
        Select a component or a dependency on the canvas to edit it. Press Delete to remove it.
      </p>
    </section>
  );
}
