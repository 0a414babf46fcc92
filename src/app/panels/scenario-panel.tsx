import { useEditor } from '../state/store';
import { Field, TextField } from './field';

/** The scenario's own fields: its name and the description of what it teaches. */
export function ScenarioPanel() {
  const doc = useEditor((s) => s.doc);
  const setScenarioInfo = useEditor((s) => s.setScenarioInfo);

  return (
    <section className="panel" aria-label="Scenario">
      <TextField
        label="Name"
        path={['name']}
        value={doc.name}
        onChange={(name) => setScenarioInfo({ name: name ?? '' })}
      />
      <Field label="Description" path={['description']}>
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={doc.description ?? ''}
            onChange={(e) => setScenarioInfo({ description: e.target.value })}
          />
        )}
      </Field>
    </section>
  );
}
