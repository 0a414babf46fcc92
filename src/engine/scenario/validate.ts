import type { core } from 'zod';
import { checkReferences } from './references';
import { Scenario, type ScenarioDoc } from './schema';

/** One thing wrong with a scenario document, at a JSON path such as `dependencies[3].to`. */
export interface Problem {
  path: string;
  message: string;
}

export type ValidationResult =
  { ok: true; scenario: ScenarioDoc } | { ok: false; problems: Problem[] };

/** Thrown where a valid scenario is required and the document is not one. */
export class ScenarioError extends Error {
  readonly code = 'invalid-scenario';

  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/**
 * Checks a parsed document against the scenario format: first its shape (the zod schema), then,
 * only when the shape is right, the references between its parts (see `references.ts`).
 */
export function validateScenario(doc: unknown): ValidationResult {
  const parsed = Scenario.safeParse(doc, { error: friendlyMessage, reportInput: true });
  if (!parsed.success) return failure(parsed.error.issues.flatMap((issue) => toProblems(issue)));

  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? failure(problems) : { ok: true, scenario: parsed.data };
}

/**
 * Parses the text of a scenario file and validates it. A JSON syntax error is reported at the
 * path `(document)` with the line and column where the text stops being JSON.
 */
export function parseScenarioText(text: string): ValidationResult {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const source = text.replace(/^\uFEFF/, '');

  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    return failure([{ path: formatPath([]), message: describeSyntaxError(source, error) }]);
  }
  return validateScenario(doc);
}

/** Formats a path such as `['components', 2, 'mttr']` as `components[2].mttr`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';

  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (typeof key === 'symbol') return `[${String(key)}]`;
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

/** Formats a problem as one line: `path: message`. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

function failure(problems: Problem[]): ValidationResult {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, problems: unique };
}

/**
 * Turns one zod issue into problems. Unknown keys become one problem per key; a union that the
 * value clearly meant one branch of (an object with the right shape but a bad field) reports that
 * branch's issues, which say far more than "none of the alternatives matched".
 */
function toProblems(issue: core.$ZodIssue, prefix: readonly PropertyKey[] = []): Problem[] {
  const path = [...prefix, ...issue.path];

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...path, key]),
      message: 'unknown key (check the spelling)',
    }));
  }
  if (issue.code === 'invalid_union') {
    const meant = issue.errors.filter((branch) => branch.every(isBelowRoot));
    if (meant.length === 1) return meant[0].flatMap((inner) => toProblems(inner, path));
  }
  const missing = issue.input === undefined && path.length > 0;
  return [
    { path: formatPath(path), message: missing ? `missing, ${issue.message}` : issue.message },
  ];
}

/** True when an issue in a union branch shows that the value had the branch's type. */
function isBelowRoot(issue: core.$ZodIssue): boolean {
  return issue.path.length > 0 || issue.code === 'unrecognized_keys';
}

/** Messages for the issues whose schema does not set its own message. */
function friendlyMessage(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`;
    case 'invalid_value':
      return `expected ${listValues(issue.values)}`;
    case 'too_small':
      return boundMessage(issue.origin, '>', issue.minimum, issue.inclusive);
    case 'too_big':
      return boundMessage(issue.origin, '<', issue.maximum, issue.inclusive);
    case 'invalid_union':
      return 'expected one of the allowed forms (see docs/scenario-format.md)';
    case 'invalid_format':
      return `expected text matching ${issue.pattern ?? issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

function listValues(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length === 1 ? quoted[0] : `one of ${quoted.join(', ')}`;
}

function boundMessage(
  origin: string,
  direction: '<' | '>',
  bound: number | bigint,
  inclusive = false,
): string {
  const most = direction === '<' ? 'most' : 'least';
  if (origin === 'array') return `expected at ${most} ${bound} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string' && direction === '>' && bound === 1) return 'expected a non-empty string';
  if (origin === 'string') return `expected at ${most} ${bound} characters`;
  return `expected a number ${direction}${inclusive ? '=' : ''} ${bound}`;
}

/**
 * Describes a JSON syntax error with its line and column. JSON.parse's messages differ between
 * JavaScript engines and some give no position, so the text is scanned again to find it.
 */
function describeSyntaxError(text: string, error: unknown): string {
  const found = findSyntaxError(text);
  if (!found) return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;

  const before = text.slice(0, found.offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `invalid JSON at line ${line}, column ${column}: ${found.message}`;
}

interface SyntaxErrorAt {
  offset: number;
  message: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Finds the first place where `text` stops being JSON, or null if it is valid JSON. */
function findSyntaxError(text: string): SyntaxErrorAt | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    // A nesting deep enough to overflow the stack is left to JSON.parse's own message.
    if (!(error instanceof JsonSyntaxError)) return null;
    return { offset: error.offset, message: error.reason };
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A recursive-descent JSON recogniser that only reports where and why the text is not JSON. */
class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('expected the end of the document');
  }

  private value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail('expected a value (object, array, string, number, true, false or null)');
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.eat('}')) return;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
      this.string();
      this.skipSpace();
      if (!this.eat(':')) this.fail('expected ":" after the property name');
      this.value();
      this.skipSpace();
      if (this.eat('}')) return;
      if (!this.eat(',')) this.fail('expected "," or "}" after the property value');
      this.skipSpace();
      if (this.text[this.pos] === '}') this.fail('expected another property (no trailing commas)');
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.eat(']')) return;
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.eat(']')) return;
      if (!this.eat(',')) this.fail('expected "," or "]" after the array element');
      this.skipSpace();
      if (this.text[this.pos] === ']') this.fail('expected another element (no trailing commas)');
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('expected a closing double quote');
      if (c === '"') break;
      if (c < ' ') this.fail('expected no line breaks or control characters inside a string');
      if (c === '\\') this.escape();
      else this.pos++;
    }
    this.pos++;
  }

  private escape(): void {
    ESCAPE.lastIndex = this.pos;
    if (!ESCAPE.test(this.text)) this.fail('expected an escape such as \\n, \\" or \\u00e9');
    this.pos = ESCAPE.lastIndex;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const matched = NUMBER.test(this.text);
    // A number running into letters or a second point (01, 1.2.3, 3h) is one bad token.
    if (matched && !/[\w.]/.test(this.text[NUMBER.lastIndex] ?? '')) {
      this.pos = NUMBER.lastIndex;
      return;
    }
    this.fail('expected a number such as 3, -0.5 or 1e-4');
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private eat(c: string): boolean {
    if (this.text[this.pos] !== c) return false;
    this.pos++;
    return true;
  }

  private fail(reason: string): never {
    const found = this.text[this.pos];
    const what = found === undefined ? 'the end of the file' : JSON.stringify(found);
    throw new JsonSyntaxError(this.pos, `${reason}, found ${what}`);
  }
}
