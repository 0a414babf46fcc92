// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Canvas } from '../../src/app/editor/canvas';
import { formatAvailability } from '../../src/app/editor/component-node';
import { KIND_DRAG_TYPE } from '../../src/app/editor/kinds';
import { undo, useEditor } from '../../src/app/state/store';
import { component, resetEditor } from './editor-fixture';

/** React Flow measures nodes; happy-dom lays nothing out, so every element gets a size. */
class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

beforeAll(() => {
  globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get: () => 190 },
    offsetHeight: { configurable: true, get: () => 80 },
  });
});

function nodeOf(text: string): HTMLElement {
  const nodes = screen.getAllByText(text).map((element) => element.closest('.component-node'));
  const node = nodes.find((element) => element instanceof HTMLElement);
  if (!(node instanceof HTMLElement)) throw new Error(`no node shows ${text}`);
  return node;
}

describe('the canvas', () => {
  beforeEach(resetEditor);

  it('adds a component of a kind when its palette item is pressed', () => {
    render(<Canvas />);

    fireEvent.click(screen.getByRole('button', { name: 'Add queue' }));

    expect(component('queue')?.kind).toBe('queue');
    expect(useEditor.getState().selection).toEqual({ kind: 'component', id: 'queue' });
    expect(nodeOf('queue')).toBeDefined();
  });

  it('adds a component where a palette item is dropped', () => {
    render(<Canvas />);
    const types = [KIND_DRAG_TYPE];
    const dataTransfer = {
      types,
      getData: (type: string) => (type === KIND_DRAG_TYPE ? 'cache' : ''),
    };

    fireEvent.drop(document.querySelector('.canvas-flow') as Element, { dataTransfer });

    expect(component('cache')?.kind).toBe('cache');
    expect(useEditor.getState().doc.layout?.cache).toBeDefined();
  });

  it('removes the selected component and its dependencies when Delete is pressed', () => {
    render(<Canvas />);
    act(() => useEditor.getState().select({ kind: 'component', id: 'api' }));

    fireEvent.keyDown(document.body, { key: 'Delete' });

    expect(component('api')).toBeUndefined();
    expect(useEditor.getState().doc.dependencies).toBeUndefined();
    expect(screen.queryByText('Shop API')).toBeNull();
  });

  it('leaves the selection alone when Backspace is pressed while typing', () => {
    render(
      <>
        <input aria-label="Somewhere to type" />
        <Canvas />
      </>,
    );
    act(() => useEditor.getState().select({ kind: 'component', id: 'api' }));

    fireEvent.keyDown(screen.getByLabelText('Somewhere to type'), { key: 'Backspace' });

    expect(component('api')).toBeDefined();
  });

  it('moves the selected component with the arrow keys as an edit', () => {
    render(<Canvas />);
    act(() => useEditor.getState().select({ kind: 'component', id: 'api' }));

    fireEvent.keyDown(nodeOf('Shop API'), { key: 'ArrowDown' });

    const moved = useEditor.getState().doc.layout?.api;
    expect(moved?.x).toBe(220);
    expect(moved?.y).toBeGreaterThan(0);
    undo();
    expect(useEditor.getState().doc.layout?.api).toEqual({ x: 220, y: 0 });
  });

  it('shows a refused cycle as an alert that can be dismissed', () => {
    render(<Canvas />);

    act(() => void useEditor.getState().connect('db', 'app'));

    expect(screen.getByRole('alert').textContent).toContain('db → app → api → db');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows replicas, the implied availability and the budget burned on a node', () => {
    render(<Canvas burn={new Map([['api', 0.42]])} />);

    const api = nodeOf('Shop API');
    const replicas = within(api).getByTitle('3 replicas, active-active, needs 2');
    const availability = within(api).getByTitle('Availability implied by its failure modes');
    const badge = within(api).getByTitle('Burns 42 % of the error budget');
    expect(replicas.textContent).toBe('×3 needs 2');
    expect(availability.textContent).toBe('99.9 %');
    expect(badge.textContent).toBe('42 %');
    expect(badge.classList.contains('burn-high')).toBe(true);
  });

  it('keeps the palette outside the flow area, where it cannot cover a node', () => {
    render(<Canvas />);

    const palette = screen.getByRole('group', { name: 'Component palette' });
    expect(palette.closest('.react-flow')).toBeNull();
    expect(palette.closest('.canvas')).not.toBeNull();
  });

  it('rings the components a hovered event matches', () => {
    render(<Canvas />);

    act(() => useEditor.getState().setHighlighted(['db']));

    expect(nodeOf('db').classList.contains('highlighted')).toBe(true);
    expect(nodeOf('Shop API').classList.contains('highlighted')).toBe(false);
  });

  it('labels a dependency with its impact when it is partial', () => {
    render(<Canvas />);

    expect(screen.getByText('40 %').classList.contains('edge-label')).toBe(true);
    const partial = screen.getByRole('group', { name: 'api calls db' });
    expect(partial.classList.contains('partial')).toBe(true);
  });
});

describe('formatAvailability', () => {
  it('shows an availability to the first significant digit of its unavailability', () => {
    const shown = [0.99954, 0.9995, 0.9999, 0.99999, 0.999991, 0.9, 1].map(formatAvailability);
    expect(shown).toEqual([
      '99.95 %',
      '99.95 %',
      '99.99 %',
      '99.999 %',
      '99.9991 %',
      '90 %',
      '100 %',
    ]);
  });
});
