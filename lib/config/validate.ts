import { z } from 'zod';
import type { ConfigProblem } from './load';
import { POLICY_ONLY_KEYS, SettingsSchema, type Settings } from './schema';

/**
 * Validation that never throws and never gives up on the whole: each invalid value is
 * dropped with a plain message (key path, what was expected, what was given), and every
 * valid value still applies. Walks the schema's containers (object, array, record) and
 * checks the leaves with zod, so one bad portal or one bad definition costs only itself.
 *
 * Accepts what real deployments deliver: JSON text where an object or list is expected
 * (Windows GPO, Firefox's registry policies), 0/1 for true/false and "1" for 1 (registry
 * DWORDs and strings).
 */

export interface ValidationResult {
  settings: Settings;
  problems: ConfigProblem[];
}

type Source = ConfigProblem['source'];
type Path = (string | number)[];

/** More problems than this from one source are summed up in one last line. */
export const MAX_PROBLEMS = 50;
const MAX_GIVEN = 80;
const MAX_KEY_SHOWN = 40;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** `portals[0].matches[1]`, `wording.definitions.1`, `portals[0].labels["Sev A"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if ((IDENTIFIER.test(part) || /^\d+$/.test(part)) && part.length <= MAX_KEY_SHOWN) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(truncate(part, MAX_KEY_SHOWN))}]`;
  }
  return out;
}

/** What was given, in a few words; long text cut, nothing traversed deeply. */
export function describeGiven(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = JSON.stringify(truncate(value, MAX_GIVEN));
    return value.length > MAX_GIVEN ? `${shown} (${value.length} characters)` : shown;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      return 'an object';
    }
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 4).map((k) => JSON.stringify(truncate(k, 20)));
    return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${shown.join(', ')}${keys.length > 4 ? ` and ${keys.length - 4} more` : ''}`;
  }
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

/** Plain words for zod's own issues where the schema gave none (schema messages take precedence). */
function issueText(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'Must not be empty' : `Expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `Expected at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message ?? 'Not valid';
  }
}

const PARSE_OPTIONS = { error: issueText } as const;

/** A key as people mistype it: case, hyphens, underscores and spaces aside. */
function looseKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), stopping past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known key an unknown one looks like a misspelling of, or null: the same but for case,
 * hyphens, underscores or spaces (`allowUsersettings`, `no_workaround`), or one or two
 * letters off (`definition`, `newTicketUrll`). Keys of one or two characters are never
 * guessed at (`"5"` is not a misspelt `"4"`).
 */
export function closestKey(unknown: string, known: readonly string[]): string | null {
  const loose = looseKey(unknown);
  const same = known.find((k) => looseKey(k) === loose);
  if (same !== undefined) return same;
  if (loose.length < 3) return null;
  const max = loose.length < 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const k of known) {
    const d = editDistance(loose, looseKey(k), max);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best !== null && !tie ? best : null;
}

/** "Not a setting Priority Guard knows: did you mean "allowUserSettings"?" or the keys it knows there. */
function unknownKeyText(key: string, known: readonly string[]): string {
  const like = closestKey(key, known);
  if (like !== null) return `Not a setting Priority Guard knows: did you mean "${like}"?`;
  const list = known.map((k) => `"${k}"`);
  const words = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? 'nothing');
  return `Not a setting Priority Guard knows (here it knows ${words})`;
}

class Collector {
  readonly problems: ConfigProblem[] = [];
  private dropped = 0;
  constructor(readonly source: Source) {}

  /** One problem: what was expected, what was given (unless NOT_SHOWN), and the verdict. */
  add(path: Path, expected: string, given: unknown, verdict = 'Ignored.') {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const what = expected.replace(/[.\s]+$/, '');
    const stop = /[?!]$/.test(what) ? '' : '.';
    const shown = given === NOT_SHOWN ? '' : ` Given: ${describeGiven(given)}.`;
    this.problems.push({ source: this.source, path: formatPath(path), message: `${what}${stop}${shown} ${verdict}` });
  }

  finish(): ConfigProblem[] {
    if (this.dropped > 0) {
      this.problems.push({
        source: this.source,
        path: '',
        message: `And ${this.dropped} more problem${this.dropped === 1 ? '' : 's'}, not listed.`,
      });
    }
    return this.problems;
  }
}

const NOT_SHOWN = Symbol('not shown');

type Outcome = { ok: true; value: unknown } | { ok: false };
const FAIL: Outcome = { ok: false };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** A setting inside another that only an organisation may set (`wording.byLanguage`). */
function isPolicyOnly(schema: z.ZodType): boolean {
  return (unwrap(schema).meta() as { policyOnly?: unknown } | undefined)?.policyOnly === true;
}

function isOptional(schema: z.ZodType): boolean {
  return schema instanceof z.ZodOptional;
}

/** JSON text where a container is expected: parsed, or a problem. */
function fromJsonText(value: unknown, want: 'object' | 'list', path: Path, out: Collector): { ok: boolean; value: unknown } {
  if (typeof value !== 'string') return { ok: true, value };
  const text = value.trim();
  if (!(want === 'object' ? text.startsWith('{') : text.startsWith('['))) return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    out.add(path, `Expected ${want === 'object' ? 'an object' : 'a list'}, or JSON text of one; this text is not valid JSON`, value);
    return { ok: false, value };
  }
}

function coerceLeaf(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodBoolean) {
    if (value === 0 || value === 1) return value === 1;
    if (value === '0' || value === '1') return value === '1';
    if (value === 'true' || value === 'false') return value === 'true';
  }
  const numeric =
    schema instanceof z.ZodNumber || (schema instanceof z.ZodLiteral && [...schema.values].every((v) => typeof v === 'number'));
  if (numeric && typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value)) return Number(value);
  return value;
}

/** Runs the container's own checks (lengths, refinements) on its already-cleaned value. */
function containerChecks(schema: z.ZodType, value: unknown, path: Path, original: unknown, out: Collector): Outcome {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    out.add([...path, ...(issue.path as (string | number)[])], issue.message, issue.path.length ? NOT_SHOWN : original);
  }
  return FAIL;
}

function sanitize(schema: z.ZodType, input: unknown, path: Path, out: Collector): Outcome {
  const s = unwrap(schema);

  if (s instanceof z.ZodObject) {
    const parsed = fromJsonText(input, 'object', path, out);
    if (!parsed.ok) return FAIL;
    const value = parsed.value;
    if (!isPlainObject(value)) {
      out.add(path, 'Expected an object (or JSON text of one)', value);
      return FAIL;
    }
    const shape = s.shape as Record<string, z.ZodType>;
    const result: Record<string, unknown> = {};
    const absent: string[] = [];
    const invalid: string[] = [];
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) out.add([...path, key], unknownKeyText(key, Object.keys(shape)), value[key]);
    }
    for (const [key, child] of Object.entries(shape)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (!isOptional(child)) absent.push(key);
        continue;
      }
      if (out.source === 'user' && isPolicyOnly(child)) {
        out.add([...path, key], 'Only an organisation can set this', value[key]);
        continue;
      }
      const r = sanitize(child, value[key], [...path, key], out);
      if (r.ok) result[key] = r.value;
      else if (!isOptional(child)) invalid.push(key);
    }
    if (absent.length > 0 || invalid.length > 0) {
      const names = (keys: string[]) => keys.map((k) => `"${k}"`).join(' and ');
      const why = [
        ...(absent.length ? [`${names(absent)} ${absent.length === 1 ? 'is' : 'are'} missing`] : []),
        ...(invalid.length ? [`${names(invalid)} ${invalid.length === 1 ? 'is' : 'are'} not valid`] : []),
      ];
      out.add(path, `This entry needs ${names([...absent, ...invalid])}, but ${why.join(' and ')}`, NOT_SHOWN, 'The whole entry was ignored.');
      return FAIL;
    }
    return containerChecks(s, result, path, value, out);
  }

  if (s instanceof z.ZodArray) {
    const parsed = fromJsonText(input, 'list', path, out);
    if (!parsed.ok) return FAIL;
    const value = parsed.value;
    if (!Array.isArray(value)) {
      out.add(path, 'Expected a list (or JSON text of one)', value);
      return FAIL;
    }
    const items: unknown[] = [];
    value.forEach((item, i) => {
      const r = sanitize(s.element as z.ZodType, item, [...path, i], out);
      if (r.ok) items.push(r.value);
    });
    // Every entry was invalid: each said why, and the list goes with them.
    if (value.length > 0 && items.length === 0) return FAIL;
    return containerChecks(s, items, path, value, out);
  }

  if (s instanceof z.ZodRecord) {
    const parsed = fromJsonText(input, 'object', path, out);
    if (!parsed.ok) return FAIL;
    const value = parsed.value;
    if (!isPlainObject(value)) {
      out.add(path, 'Expected an object (or JSON text of one)', value);
      return FAIL;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const k = sanitize(s.keyType as z.ZodType, key, [...path, key], out);
      if (!k.ok) continue;
      const v = sanitize(s.valueType as z.ZodType, value[key], [...path, key], out);
      if (v.ok) Object.defineProperty(result, k.value as string, { value: v.value, enumerable: true, writable: true, configurable: true });
    }
    return containerChecks(s, result, path, value, out);
  }

  // A leaf.
  const value = coerceLeaf(s, input);
  const result = s.safeParse(value, PARSE_OPTIONS);
  if (result.success) return { ok: true, value: result.data };
  out.add(path, result.error.issues[0]!.message, input);
  return FAIL;
}

/**
 * Validates settings from the managed policy or the user's storage. Never throws: any
 * input gives the settings that are valid plus one problem per value that was not.
 */
export function validateSettings(input: unknown, source: Source): ValidationResult {
  const out = new Collector(source);
  try {
    if (input === undefined || input === null) return { settings: {}, problems: [] };
    let value: unknown = input;
    if (typeof value === 'string') {
      // A whole policy as JSON text (Firefox's registry policies can deliver one).
      const parsed = fromJsonText(value, 'object', [], out);
      if (!parsed.ok) return { settings: {}, problems: out.finish() };
      value = parsed.value;
    }
    if (!isPlainObject(value)) {
      out.add([], 'Expected an object of settings', value);
      return { settings: {}, problems: out.finish() };
    }
    let candidate: Record<string, unknown> = value;
    if (source === 'user') {
      candidate = { ...value };
      for (const key of POLICY_ONLY_KEYS) {
        if (key in candidate) {
          out.add([key], 'Only an organisation can set this', candidate[key]);
          delete candidate[key];
        }
      }
    }
    const r = sanitize(SettingsSchema, candidate, [], out);
    return { settings: r.ok ? (r.value as Settings) : {}, problems: out.finish() };
  } catch (error) {
    // Not expected; but a bad value must never break the extension.
    out.add([], `Could not be read (${error instanceof Error ? error.name : 'error'})`, undefined, 'Every setting from here was ignored.');
    return { settings: {}, problems: out.finish() };
  }
}
