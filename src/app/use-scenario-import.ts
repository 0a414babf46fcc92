import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '../engine';
import { importScenarioFile } from './persistence/scenario-file';
import { useEditor } from './state/store';

/** A file that was not imported, with what is wrong with it. */
export interface ImportRefusal {
  file: string;
  problems: Problem[];
}

/**
 * Imports scenario files from the picker or dropped anywhere on the page. A file replaces the
 * current scenario only once it validates; otherwise the work stays and the problems are kept
 * for the page to show.
 */
export function useScenarioImport(): {
  refusal: ImportRefusal | null;
  importFile: (file: File) => void;
  dismiss: () => void;
} {
  const replaceScenario = useEditor((s) => s.replaceScenario);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);

  const importFile = useCallback(
    (file: File) => {
      void importScenarioFile(file).then((result) => {
        if (result.ok) replaceScenario(result.doc);
        setRefusal(result.ok ? null : { file: file.name, problems: result.problems });
      });
    },
    [replaceScenario],
  );

  useFileDrop(importFile);
  return { refusal, importFile, dismiss: () => setRefusal(null) };
}

/** Accepts files dropped on the page; palette items, which carry no files, pass through. */
function useFileDrop(onFile: (file: File) => void): void {
  useEffect(() => {
    const carriesFiles = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');
    const over = (e: DragEvent): void => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };

    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
}
