// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DependencyPanel } from '../../src/app/panels/dependency-panel';
import { SelectionPanel } from '../../src/app/panels/selection-panel';
import { undo, useEditor } from '../../src/app/state/store';
import { component, resetEditor } from './editor-fixture';

function renderApiPanel() {
  useEditor.getState().select({ kind: 'component', id: 'api' });
  render(<SelectionPanel />);
  return within(screen.getByRole('group', { name: 'crash' }));
}

function describedBy(input: HTMLElement): string {
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

describe('the component panel', () => {
  beforeEach(resetEditor);

  it('stores an edited MTTR in the document as one undoable edit', () => {
    const crash = renderApiPanel();

    fireEvent.change(crash.getByLabelText('MTTR'), { target: { value: '45m' } });

    expect(component('api')?.failures?.[0].mttr).toBe('45m');
    undo();
    expect(component('api')?.failures?.[0].mttr).toBe('1h');
  });

  it('keeps an invalid MTTR as typed and shows the problem beside the field', () => {
    const crash = renderApiPanel();

    fireEvent.change(crash.getByLabelText('MTTR'), { target: { value: '3' } });

    const mttr = crash.getByLabelText('MTTR');
    expect(mttr).toHaveProperty('value', '3');
    expect(component('api')?.failures?.[0].mttr).toBe('3');
    expect(mttr.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(mttr)).toContain('expected a duration such as "30m"');
  });

  it('keeps text that is not a number in the field and the last number in the document', () => {
    renderApiPanel();

    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '4x' } });

    const count = screen.getByLabelText('Count');
    expect(count).toHaveProperty('value', '4x');
    expect(component('api')?.replicas?.count).toBe(3);
    expect(describedBy(count)).toContain('expected a number');
  });

  it('renames a component everywhere and stays on it', () => {
    renderApiPanel();

    fireEvent.change(screen.getByLabelText('Id'), { target: { value: 'shop-api' } });

    const { doc, selection } = useEditor.getState();
    expect(doc.dependencies?.map((d) => `${d.from}→${d.to}`)).toEqual([
      'app→shop-api',
      'shop-api→db',
    ]);
    expect(selection).toEqual({ kind: 'component', id: 'shop-api' });
    expect(screen.getByLabelText('Id')).toHaveProperty('value', 'shop-api');
  });

  it('keeps an id that another component has in the field with a note, not in the document', () => {
    renderApiPanel();

    fireEvent.change(screen.getByLabelText('Id'), { target: { value: 'db' } });

    expect(screen.getByLabelText('Id')).toHaveProperty('value', 'db');
    expect(describedBy(screen.getByLabelText('Id'))).toContain('"db" is already taken');
    expect(component('api')).toBeDefined();
  });

  it('gives a failure mode its rate as deploys per week with a change failure rate', () => {
    const crash = renderApiPanel();

    fireEvent.change(crash.getByLabelText('Rate given as'), { target: { value: 'deploys' } });
    fireEvent.change(crash.getByLabelText('Deploys per week'), { target: { value: '12' } });

    expect(component('api')?.failures?.[0]).toEqual({
      name: 'crash',
      mttr: '1h',
      deploysPerWeek: 12,
      changeFailureRate: '10%',
    });
  });

  it('drops the active-active settings when the replicas switch to failover', () => {
    renderApiPanel();

    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'failover' } });
    fireEvent.change(screen.getByLabelText('Switchover'), { target: { value: '5m' } });

    expect(component('api')?.replicas).toEqual({ count: 3, mode: 'failover', switchover: '5m' });
  });

  it('adds a tag as a key and value row', () => {
    renderApiPanel();

    fireEvent.click(screen.getByRole('button', { name: 'Add tag to Tags' }));
    fireEvent.change(screen.getByLabelText('Tags: key 2'), { target: { value: 'region' } });
    fireEvent.change(screen.getByLabelText('Tags: value 2'), { target: { value: 'eu' } });

    expect(component('api')?.tags).toEqual({ zone: 'a', region: 'eu' });
  });
});

describe('the dependency panel', () => {
  beforeEach(resetEditor);

  it('edits the impact of a dependency as a percent', () => {
    render(<DependencyPanel index={1} />);

    expect(screen.getByLabelText('Impact (%)')).toHaveProperty('value', '40');
    fireEvent.change(screen.getByLabelText('Impact (%)'), { target: { value: '55' } });

    expect(useEditor.getState().doc.dependencies?.[1].impact).toBe(0.55);
  });

  it('shows what is wrong with the dependency as a whole', () => {
    const { doc, replaceScenario } = useEditor.getState();
    replaceScenario({
      ...doc,
      dependencies: [...(doc.dependencies ?? []), { from: 'app', to: 'api' }],
    });

    render(<DependencyPanel index={2} />);

    expect(screen.getByText(/expected a unique dependency/)).toBeDefined();
  });
});
