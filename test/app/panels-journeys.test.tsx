// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { JourneysPanel } from '../../src/app/panels/journeys-panel';
import { useEditor } from '../../src/app/state/store';
import { resetEditor } from './editor-fixture';

describe('the journeys panel', () => {
  beforeEach(resetEditor);

  it('adds a journey entering through a client with a 99.9 % target', () => {
    render(<JourneysPanel />);

    fireEvent.click(screen.getByRole('button', { name: 'Add journey' }));

    const added = within(screen.getByRole('group', { name: 'journey' }));
    expect(useEditor.getState().doc.journeys[1]).toEqual({
      id: 'journey',
      entry: 'app',
      target: '99.9%',
    });
    expect(added.getByLabelText('Target (%)')).toHaveProperty('value', '99.9');
  });

  it('stores a typed target as a percent string', () => {
    render(<JourneysPanel />);

    fireEvent.change(screen.getByLabelText('Target (%)'), { target: { value: '99.95' } });

    expect(useEditor.getState().doc.journeys[0].target).toBe('99.95%');
  });

  it('keeps a target being typed and shows what is wrong with it', () => {
    render(<JourneysPanel />);

    fireEvent.change(screen.getByLabelText('Target (%)'), { target: { value: '99.' } });

    const target = screen.getByLabelText('Target (%)');
    expect(target).toHaveProperty('value', '99.');
    expect(target.getAttribute('aria-invalid')).toBe('true');
  });

  it('picks the entry component from the components', () => {
    render(<JourneysPanel />);

    fireEvent.change(screen.getByLabelText('Entry'), { target: { value: 'api' } });

    expect(useEditor.getState().doc.journeys[0].entry).toBe('api');
  });
});
