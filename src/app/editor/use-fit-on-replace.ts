import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useEditor } from '../state/store';

/**
 * How the canvas zooms to fit: with a small margin, so that a large graph such as the 20
 * components of mobile-banking fills the canvas and its nodes stay readable, while a small one
 * is not blown up past a quarter over its natural size.
 */
export const FIT_VIEW_OPTIONS = { padding: 0.05, maxZoom: 1.25 };

/** Zooms the canvas to fit whenever another scenario is opened (menu, import or link). */
export function useFitOnReplace(): void {
  const { fitView } = useReactFlow();

  useEffect(
    () =>
      useEditor.subscribe((state, previous) => {
        if (state.opened !== previous.opened) void fitView(FIT_VIEW_OPTIONS);
      }),
    [fitView],
  );
}
