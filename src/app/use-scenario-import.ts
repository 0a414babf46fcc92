import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '../engine';
import { importScenarioFile } from './persistence/scenario-file';
import { useEditor } from './state/store';

/** The result of the last import: opened, or refused with what is wrong with the file. */
export type ImportOutcome =
  { ok: true; file: string } | { ok: false; file: string; problems: Problem[] };

/**
 * Imports scenario files from the picker or dropped anywhere on the page. A file replaces the
 * current scenario only once it validates; otherwise the work stays and the problems are kept
 * for the page to show.
 */
export function useScenarioImport(): {
  outcome: ImportOutcome | null;
  importFile: (file: File) => void;
  dismiss: () => void;
} {
  const replaceScenario = useEditor((s) => s.replaceScenario);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const importFile = useCallback(
    (file: File) => {
      void importScenarioFile(file).then((result) => {
        if (result.ok) replaceScenario(result.doc);
        setOutcome(result.ok ? null : { ok: false, file: file.name, problems: result.problems });
      });
    },
    [replaceScenario],
  );

  useFileDrop(importFile);
  return { outcome, importFile, dismiss: () => setOutcome(null) };
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
