import { useMemo, useState } from 'react';
import type { ComponentDoc, SharedEventDoc } from '../../engine';
import { eventComponents } from '../state/derived';
import { withKey } from '../state/objects';
import { useEditor } from '../state/store';
import { ComponentChecklist } from './component-checklist';
import { ProcessFields } from './failure-mode-fields';
import { TextField } from './field';
import { TagsEditor } from './tags-editor';
import './panels.css';

/**
 * The shared events (region, zone, provider, third-party outages, attacks): add, edit, remove.
 * Hovering or focusing an event highlights the components it hits on the canvas.
 */
export function EventsPanel() {
  const events = useEditor((s) => s.doc.events);
  const components = useEditor((s) => s.doc.components);
  const [added, setAdded] = useState<number | null>(null);
  const add = () => {
    setAdded(events?.length ?? 0);
    useEditor.getState().addEvent();
  };

  return (
    <section className="panel" aria-label="Shared events">
      <h2>Shared events</h2>
      <p className="panel-hint">
        Outages that hit many components at once. Point at one to see what it hits.
      </p>
      {(events ?? []).map((event, i) => (
        <EventItem key={i} event={event} index={i} components={components} open={i === added} />
      ))}
      <button type="button" onClick={add}>
        Add event
      </button>
    </section>
  );
}

interface EventItemProps {
  event: SharedEventDoc;
  index: number;
  components: readonly ComponentDoc[];
  open: boolean;
}

function EventItem({ event, index, components, open }: EventItemProps) {
  const hits = useMemo(() => eventComponents({ components }, event), [event, components]);
  const path = ['events', index];
  const { setHighlighted, updateEvent, removeEvent } = useEditor.getState();
  const update = (next: SharedEventDoc) => updateEvent(index, next);
  const highlight = () => setHighlighted(hits);
  const clear = () => setHighlighted([]);

  return (
    <details
      className="event"
      open={open || undefined}
      onMouseEnter={highlight}
      onMouseLeave={clear}
      onFocus={highlight}
      onBlur={clear}
    >
      <summary>
        <span className="event-name">{event.name || `event ${index + 1}`}</span>
        <span className="event-hits">
          hits {hits.length} component{hits.length === 1 ? '' : 's'}
        </span>
      </summary>
      <TextField
        label="Name"
        path={[...path, 'name']}
        value={event.name}
        onChange={(name) => update({ ...event, name })}
      />
      <TagsEditor
        label="Match tags"
        path={[...path, 'match']}
        tags={event.match}
        onChange={(match) => update(withKey(event, 'match', match))}
      />
      <ComponentChecklist
        label="Components hit by name"
        path={[...path, 'components']}
        components={components}
        checked={event.components}
        onChange={(ids) => update(withKey(event, 'components', ids))}
      />
      <ProcessFields value={event} path={path} onChange={update} />
      <button type="button" className="danger" onClick={() => removeEvent(index)}>
        Remove event {event.name}
      </button>
    </details>
  );
}
