import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useEditor } from '../state/store';

/** Zooms the canvas to fit whenever another scenario is opened (menu, import or link). */
export function useFitOnReplace(): void {
  const { fitView } = useReactFlow();

  useEffect(
    () =>
      useEditor.subscribe((state, previous) => {
        if (state.opened !== previous.opened) void fitView();
      }),
    [fitView],
  );
}
