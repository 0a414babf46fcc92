// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { redo, undo, useCanRedo, useCanUndo, useEditor } from '../../src/app/state/store';

describe('the undo and redo controls', () => {
  it('are enabled when there is an edit to undo or redo', () => {
    const { result } = renderHook(() => [useCanUndo(), useCanRedo()]);
    expect(result.current).toEqual([false, false]);

    act(() => useEditor.getState().setWindow('7d'));
    expect(result.current).toEqual([true, false]);

    act(() => undo());
    expect(result.current).toEqual([false, true]);
    expect(useEditor.getState().doc.window).toBe('28d');

    act(() => redo());
    expect(useEditor.getState().doc.window).toBe('7d');
  });
});
