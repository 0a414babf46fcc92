import { withKey } from '../state/objects';
import { useEditor } from '../state/store';
import { NumberField, PathProblems } from './field';
import './panels.css';

/** Edits the dependency at this index: the share of the caller's requests that need it. */
export function DependencyPanel({ index }: { index: number }) {
  const dependency = useEditor((s) => s.doc.dependencies?.[index]);
  if (!dependency) return null;

  const path = ['dependencies', index];
  return (
    <section className="panel" aria-label="Dependency">
      <h2>Dependency</h2>
      <p className="dependency-ends">
        <strong>{dependency.from}</strong> calls <strong>{dependency.to}</strong>
      </p>
      <PathProblems path={path} />
      <PathProblems path={[...path, 'from']} />
      <PathProblems path={[...path, 'to']} />
      <NumberField
        label="Impact (%)"
        path={[...path, 'impact']}
        value={dependency.impact}
        scale={100}
        placeholder="100"
        onChange={(impact) =>
          useEditor.getState().updateDependency(index, withKey(dependency, 'impact', impact))
        }
      />
      <p className="panel-hint">
        The share of the caller’s requests that fail while it is down; 100 % (or empty) is a hard
        dependency.
      </p>
      <button
        type="button"
        className="danger"
        onClick={() => useEditor.getState().deleteSelection()}
      >
        Delete dependency
      </button>
    </section>
  );
}
