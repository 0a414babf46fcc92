import { useState } from 'react';
import { replaceAt } from '../state/objects';
import { ProblemList, useProblems, type JsonPath } from './field';

type Tags = Record<string, string>;
type Row = readonly [key: string, value: string];

interface TagsEditorProps {
  label: string;
  path: JsonPath;
  tags: Tags | undefined;
  onChange: (tags: Tags | undefined) => void;
}

/**
 * Key/value rows for tags such as region, zone or provider. Rows are kept as typed: a row
 * without a key, or a key used twice, stays here (with a note) until it can be stored.
 */
export function TagsEditor({ label, path, tags, onChange }: TagsEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(tags ?? {}));
  const [seen, setSeen] = useState(tags);
  const problems = useProblems(path);

  if (!sameTags(seen, tags)) {
    setSeen(tags);
    if (!sameTags(toTags(rows), tags)) setRows(Object.entries(tags ?? {}));
  }
  const update = (next: Row[]) => {
    setRows(next);
    if (duplicateKey(next) === undefined) onChange(toTags(next));
  };
  const duplicate = duplicateKey(rows);
  const notes = duplicate === undefined ? problems : [`"${duplicate}" is used twice`, ...problems];

  return (
    <fieldset className="tags">
      <legend>{label}</legend>
      {rows.map(([key, value], i) => (
        <div className="tag-row" key={i}>
          <input
            type="text"
            aria-label={`${label}: key ${i + 1}`}
            placeholder="key"
            value={key}
            onChange={(e) => update(replaceAt(rows, i, [e.target.value, value]))}
          />
          <input
            type="text"
            aria-label={`${label}: value ${i + 1}`}
            placeholder="value"
            value={value}
            onChange={(e) => update(replaceAt(rows, i, [key, e.target.value]))}
          />
          <button
            type="button"
            aria-label={`Remove tag ${key || i + 1} from ${label}`}
            onClick={() => update(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        aria-label={`Add tag to ${label}`}
        onClick={() => setRows([...rows, ['', '']])}
      >
        Add tag
      </button>
      <ProblemList messages={notes} />
    </fieldset>
  );
}

/** The rows with a key as tags; undefined when there are none. */
function toTags(rows: readonly Row[]): Tags | undefined {
  const named = rows.filter(([key]) => key !== '');
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}

function duplicateKey(rows: readonly Row[]): string | undefined {
  const keys = rows.map(([key]) => key).filter((key) => key !== '');
  return keys.find((key, i) => keys.indexOf(key) !== i);
}

function sameTags(a: Tags | undefined, b: Tags | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
