import type { ComponentDoc, JourneyDoc } from '../../engine';
import { withKey } from '../state/objects';
import { useEditor } from '../state/store';
import { PathProblems, PercentField, SelectField, TextField } from './field';
import './panels.css';

/** The user journeys: id, name, the component they enter through, and their SLO target. */
export function JourneysPanel() {
  const journeys = useEditor((s) => s.doc.journeys);
  const components = useEditor((s) => s.doc.components);

  return (
    <section className="panel" aria-label="Journeys">
      <h2>Journeys</h2>
      <PathProblems path={['journeys']} />
      {journeys.map((journey, i) => (
        <JourneyItem key={i} journey={journey} index={i} components={components} />
      ))}
      <button type="button" onClick={() => useEditor.getState().addJourney()}>
        Add journey
      </button>
    </section>
  );
}

interface JourneyItemProps {
  journey: JourneyDoc;
  index: number;
  components: readonly ComponentDoc[];
}

function JourneyItem({ journey, index, components }: JourneyItemProps) {
  const path = ['journeys', index];
  const { updateJourney, removeJourney } = useEditor.getState();
  const update = (next: JourneyDoc) => updateJourney(index, next);

  return (
    <fieldset className="journey">
      <legend>{journey.name || journey.id || `journey ${index + 1}`}</legend>
      <TextField
        label="Id"
        path={[...path, 'id']}
        value={journey.id}
        onChange={(id) => update({ ...journey, id })}
      />
      <TextField
        label="Name"
        path={[...path, 'name']}
        value={journey.name}
        optional
        onChange={(name) => update(withKey(journey, 'name', name))}
      />
      <SelectField
        label="Entry"
        path={[...path, 'entry']}
        value={journey.entry}
        options={entryOptions(components, journey.entry)}
        onChange={(entry) => update({ ...journey, entry })}
      />
      <PercentField
        label="Target"
        path={[...path, 'target']}
        value={journey.target}
        placeholder="99.9"
        onChange={(target) => update({ ...journey, target: target ?? '' })}
      />
      <button type="button" className="danger" onClick={() => removeJourney(index)}>
        Remove journey {journey.id}
      </button>
    </fieldset>
  );
}

/** Every component by name, and the current entry even when no component has that id. */
function entryOptions(components: readonly ComponentDoc[], entry: string) {
  const options = components.map((c) => [c.id, c.name ? `${c.name} (${c.id})` : c.id] as const);
  const known = components.some((c) => c.id === entry);
  return known ? options : [[entry, `${entry || '(none)'} (missing)`] as const, ...options];
}
