import type { ComponentDoc } from '../../engine';
import { ProblemList, useProblems, type JsonPath } from './field';

interface ChecklistProps {
  label: string;
  path: JsonPath;
  components: readonly ComponentDoc[];
  checked: readonly string[] | undefined;
  onChange: (ids: string[] | undefined) => void;
}

/**
 * A checkbox per component, for the components an event hits by name. Ids listed that no
 * component has are shown too, so that they can be unchecked.
 */
export function ComponentChecklist({
  label,
  path,
  components,
  checked = [],
  onChange,
}: ChecklistProps) {
  const problems = useProblems(path);
  const known = components.map((c) => c.id);
  const ids = [...known, ...checked.filter((id) => !known.includes(id))];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...checked, id] : checked.filter((c) => c !== id);
    onChange(next.length > 0 ? next : undefined);
  };

  return (
    <fieldset className="checklist">
      <legend>{label}</legend>
      {ids.map((id) => (
        <label key={id} className={known.includes(id) ? undefined : 'unknown-id'}>
          <input
            type="checkbox"
            checked={checked.includes(id)}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          {id}
        </label>
      ))}
      <ProblemList messages={problems} />
    </fieldset>
  );
}
