import { useState } from 'react';

/**
 * Text typed into a field whose stored value is not the text itself (a number, a list). The
 * draft is kept while it still means the stored value, so "1." or "a, " are not rewritten as
 * they are typed, and replaced when the value changes from elsewhere (undo, another panel).
 */
export function useDraft<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => T | typeof INVALID,
): [string, (text: string) => T | typeof INVALID] {
  const [draft, setDraft] = useState(() => format(value));
  const [seen, setSeen] = useState(value);

  if (!sameValue(seen, value)) {
    setSeen(value);
    if (!sameValue(parse(draft), value)) setDraft(format(value));
  }

  const type = (text: string) => {
    setDraft(text);
    return parse(text);
  };
  return [draft, type];
}

/** What `parse` returns for text that means no value at all. */
export const INVALID = Symbol('invalid');

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}
