import { COMPONENT_KINDS, type ComponentDoc, type ComponentKind } from '../../engine';
import { withKey } from '../state/objects';
import { useEditor } from '../state/store';
import { FailureModesEditor } from './failure-mode-fields';
import { Field, PathProblems, SelectField, TextField, type JsonPath } from './field';
import { DependsOnFields, ReplicasFields } from './replicas-fields';
import { TagsEditor } from './tags-editor';
import { INVALID, useDraft } from './use-draft';
import './panels.css';

const KIND_OPTIONS = [
  ['', '(none)'],
  ...COMPONENT_KINDS.map((kind) => [kind, kind] as const),
] as const;

/**
 * Edits the component with this id: id (renaming it everywhere), name, kind, tags, failure
 * modes, replicas and, for a junction, how its dependencies combine.
 */
export function ComponentPanel({ id }: { id: string }) {
  const doc = useEditor((s) => s.doc);
  const index = doc.components.findIndex((c) => c.id === id);
  if (index < 0) return null;

  const component = doc.components[index];
  const path = ['components', index];
  const update = (next: ComponentDoc) => useEditor.getState().updateComponent(id, next);
  const set =
    <K extends keyof ComponentDoc>(key: K) =>
    (value: ComponentDoc[K]) =>
      update(withKey(component, key, value));

  return (
    <section className="panel" aria-label={`Component ${id}`}>
      <h2>Component</h2>
      <PathProblems path={path} />
      <IdField
        id={id}
        path={[...path, 'id']}
        taken={doc.components.map((c) => c.id)}
        onChange={set('id')}
      />
      <TextField
        label="Name"
        path={[...path, 'name']}
        value={component.name}
        optional
        onChange={set('name')}
      />
      <SelectField
        label="Kind"
        path={[...path, 'kind']}
        value={component.kind ?? ''}
        options={KIND_OPTIONS}
        onChange={(kind) => set('kind')((kind || undefined) as ComponentKind | undefined)}
      />
      <TagsEditor
        label="Tags"
        path={[...path, 'tags']}
        tags={component.tags}
        onChange={set('tags')}
      />
      <FailureModesEditor
        failures={component.failures}
        path={[...path, 'failures']}
        onChange={set('failures')}
      />
      <ReplicasFields
        replicas={component.replicas}
        path={[...path, 'replicas']}
        onChange={set('replicas')}
      />
      {(component.kind === 'junction' || component.dependsOn) && (
        <DependsOnFields
          dependsOn={component.dependsOn}
          path={[...path, 'dependsOn']}
          onChange={set('dependsOn')}
        />
      )}
      <button
        type="button"
        className="danger"
        onClick={() => useEditor.getState().deleteSelection()}
      >
        Delete component
      </button>
    </section>
  );
}

interface IdFieldProps {
  id: string;
  path: JsonPath;
  taken: readonly string[];
  onChange: (id: string) => void;
}

/**
 * The component's id. An id another component has stays in the field, with a note, instead of
 * being stored: the store would refuse it and the typed text would be lost.
 */
function IdField({ id, path, taken, onChange }: IdFieldProps) {
  const [draft, type] = useDraft(id, asText, asText);
  const clash = draft !== id && taken.includes(draft);

  return (
    <Field label="Id" path={path} local={clash ? `"${draft}" is already taken` : undefined}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={draft}
          onChange={(e) => {
            const typed = type(e.target.value);
            if (typed !== INVALID && !taken.includes(typed)) onChange(typed);
          }}
        />
      )}
    </Field>
  );
}

/** An id is its own text: every draft means an id. */
function asText(text: string): string {
  return text;
}
