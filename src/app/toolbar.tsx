import { useRef, useState } from 'react';
import { formatProblem } from '../engine';
import { exportScenarioText, scenarioFileName } from './persistence/scenario-file';
import { shareUrl } from './persistence/share-link';
import { SHIPPED_SCENARIOS } from './persistence/shipped-scenarios';
import { downloadText } from './results/chart-export';
import { redo, undo, useCanRedo, useCanUndo, useEditor } from './state/store';
import type { ImportRefusal } from './use-scenario-import';

interface ToolbarProps {
  /** Opens a file chosen in the picker; the outcome is shown by the app. */
  onImportFile: (file: File) => void;
}

/**
 * The scenario's commands: open a shipped scenario, import, export, share, undo and redo.
 */
export function Toolbar({ onImportFile }: ToolbarProps) {
  const doc = useEditor((s) => s.doc);
  const replaceScenario = useEditor((s) => s.replaceScenario);
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const picker = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);

  const open = (file: string): void => {
    const shipped = SHIPPED_SCENARIOS.find((s) => s.file === file);
    if (shipped) replaceScenario(structuredClone(shipped.doc));
  };
  const share = (): void => {
    const url = shareUrl(doc, window.location.href);
    setLink(url);
    navigator.clipboard?.writeText(url).catch(() => {});
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Scenario">
      <select aria-label="Open a shipped scenario" value="" onChange={(e) => open(e.target.value)}>
        <option value="">Open scenario…</option>
        {SHIPPED_SCENARIOS.map((s) => (
          <option key={s.file} value={s.file}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => picker.current?.click()}>
        Import
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        aria-label="Scenario file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onImportFile(file);
        }}
      />
      <button
        type="button"
        onClick={() =>
          downloadText(exportScenarioText(doc), scenarioFileName(doc), 'application/json')
        }
      >
        Export
      </button>
      <button type="button" onClick={share}>
        Share
      </button>
      <span className="toolbar-gap" />
      <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      {link && <ShareLink url={link} onClose={() => setLink(null)} />}
    </div>
  );
}

function ShareLink({ url, onClose }: { url: string; onClose: () => void }) {
  return (
    <div className="share-link" role="dialog" aria-label="Share link">
      <label htmlFor="share-url">
        Link to this scenario (copied to the clipboard; it holds the whole scenario):
      </label>
      <input id="share-url" readOnly value={url} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** What went wrong with an import, listed where the user looks after importing. */
export function ImportProblems({
  refusal,
  onDismiss,
}: {
  refusal: ImportRefusal;
  onDismiss: () => void;
}) {
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>{refusal.file}</strong> was not imported; your current scenario is unchanged.
      </p>
      <ul>
        {refusal.problems.slice(0, 8).map((p) => (
          <li key={`${p.path}:${p.message}`}>{formatProblem(p)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
