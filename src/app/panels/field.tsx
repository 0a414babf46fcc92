import { useId, type ReactNode } from 'react';
import { formatPath } from '../../engine';
import { problemsAt, useValidation, type JsonPath } from '../state/validation';
import { INVALID, useDraft } from './use-draft';

export type { JsonPath };

/** What a control needs to be labelled and described by its problems. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  path: JsonPath;
  /** A problem found by the field itself, for text that never reaches the document. */
  local?: string;
  /** Show only the problems at exactly this path, not those of its parts. */
  exact?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control with the validation problems of its JSON path shown beside it, and the
 * control marked invalid and described by them.
 */
export function Field({ label, path, local, exact, children }: FieldProps) {
  const id = useId();
  const problems = useProblems(path, exact);
  const messages = local ? [local, ...problems] : problems;
  const problemsId = `${id}-problems`;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': messages.length > 0 || undefined,
        'aria-describedby': messages.length > 0 ? problemsId : undefined,
      })}
      <ProblemList id={problemsId} messages={messages} />
    </div>
  );
}

/** Problems shown beside what they concern; nothing when there are none. */
export function ProblemList({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;

  return (
    <ul className="field-problems" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * The problems at exactly `path`, for a part of the document that no single field stands for
 * (a failure mode's rates, a dependency that closes a cycle).
 */
export function PathProblems({ path }: { path: JsonPath }) {
  return <ProblemList messages={useProblems(path, true)} />;
}

/** The messages of the problems at `path` (and, unless `exact`, inside it). */
export function useProblems(path: JsonPath, exact = false): string[] {
  const problems = problemsAt(useValidation(), path);
  if (!exact) return problems.map((p) => p.message);

  const at = formatPath(path);
  return problems.flatMap((p) => (p.path === at ? [p.message] : []));
}

interface ValueProps<T> {
  label: string;
  path: JsonPath;
  value: T;
  onChange: (value: T) => void;
  placeholder?: string;
  /** Show only the problems at exactly `path`, not those of its parts. */
  exact?: boolean;
}

type TextFieldProps = Omit<ValueProps<string | undefined>, 'onChange'> &
  (
    | { optional: true; onChange: (value: string | undefined) => void }
    | { optional?: false; onChange: (value: string) => void }
  );

/**
 * A text field that stores exactly what is typed; empty text is stored as undefined when
 * `optional`, so that an unset key disappears from the document.
 */
export function TextField(props: TextFieldProps) {
  const change = (text: string) => {
    if (props.optional) props.onChange(text === '' ? undefined : text);
    else props.onChange(text);
  };

  return (
    <Field label={props.label} path={props.path}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={props.value ?? ''}
          placeholder={props.placeholder}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A number field. Text that is not a number stays in the field with a problem beside it and
 * the document keeps the last number; `scale` shows the value multiplied (100 for a percent).
 */
export function NumberField({
  scale = 1,
  ...props
}: ValueProps<number | undefined> & { scale?: number }) {
  const format = (n: number | undefined) => (n === undefined ? '' : String(round(n * scale)));
  const parse = (text: string) => parseNumber(text, scale);
  const [draft, type] = useDraft(props.value, format, parse);
  const local = parse(draft) === INVALID ? 'expected a number' : undefined;

  return (
    <Field label={props.label} path={props.path} local={local}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          value={draft}
          placeholder={props.placeholder}
          onChange={(e) => {
            const parsed = type(e.target.value);
            if (parsed !== INVALID) props.onChange(parsed);
          }}
        />
      )}
    </Field>
  );
}

function parseNumber(text: string, scale: number): number | undefined | typeof INVALID {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return INVALID;
  return round(Number(trimmed) / scale);
}

/** Rounds away the binary noise of scaling, e.g. 0.1 × 100 = 10.000000000000002. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * A ratio typed as a percent: "99.95" is stored as the string "99.95%", as scenario files
 * write targets. A ratio stored as a number (0.9995) is shown as a percent too.
 */
export function PercentField(props: ValueProps<string | number | undefined>) {
  const shown =
    typeof props.value === 'number' ? String(round(props.value * 100)) : stripPercent(props.value);

  return (
    <Field label={`${props.label} (%)`} path={props.path}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          value={shown}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(percentText(e.target.value))}
        />
      )}
    </Field>
  );
}

/** The stored form of what was typed; a "%" typed by hand is not doubled. */
function percentText(text: string): string | undefined {
  if (text === '') return undefined;
  return /%\s*$/.test(text) ? text : `${text}%`;
}

function stripPercent(text: string | undefined): string {
  return (text ?? '').replace(/\s?%$/, '');
}

/** A choice among fixed options, each a value and the text shown for it. */
export function SelectField<T extends string>(
  props: ValueProps<T> & { options: readonly (readonly [T, string])[] },
) {
  return (
    <Field label={props.label} path={props.path} exact={props.exact}>
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as T)}
        >
          {props.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
