// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventsPanel } from '../../src/app/panels/events-panel';
import { useEditor } from '../../src/app/state/store';
import { resetEditor } from './editor-fixture';

function eventItem(name: string): HTMLElement {
  const item = screen.getByText(name).closest('details');
  if (!item) throw new Error(`no event item for ${name}`);
  return item;
}

describe('the events panel', () => {
  beforeEach(resetEditor);

  it('highlights the components an event matches while it is hovered', () => {
    render(<EventsPanel />);

    fireEvent.mouseEnter(eventItem('zone a down'));
    expect(useEditor.getState().highlighted).toEqual(['api']);

    fireEvent.mouseLeave(eventItem('zone a down'));
    expect(useEditor.getState().highlighted).toEqual([]);
  });

  it('says how many components an event hits', () => {
    render(<EventsPanel />);

    expect(eventItem('zone a down').textContent).toContain('hits 1 component');
  });

  it('adds an event and hits a component picked by name', () => {
    render(<EventsPanel />);

    fireEvent.click(screen.getByRole('button', { name: 'Add event' }));
    fireEvent.click(eventItem('outage').querySelector('input[type="checkbox"]') as Element);

    expect(useEditor.getState().doc.events?.[1]).toMatchObject({
      name: 'outage',
      components: ['app'],
    });
  });

  it('matches an event by the tags typed for it', () => {
    render(<EventsPanel />);

    fireEvent.change(screen.getByLabelText('Match tags: value 1'), { target: { value: 'b' } });
    fireEvent.mouseEnter(eventItem('zone a down'));

    expect(useEditor.getState().highlighted).toEqual(['db']);
  });

  it('removes an event', () => {
    render(<EventsPanel />);

    fireEvent.click(screen.getByRole('button', { name: 'Remove event zone a down' }));

    expect(useEditor.getState().doc.events).toBeUndefined();
  });
});
