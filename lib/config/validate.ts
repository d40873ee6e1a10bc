import { z } from 'zod';
import { describeGiven } from './given';
import { issueFromMessage } from './issue-message';
import type { ConfigProblem, CountedUnit, ExpectedThing, Issue, JsonScalar, Verdict } from './problem';
import { POLICY_ONLY_KEYS, SettingsSchema, type Settings } from './schema';

/**
 * Validation that never throws and never gives up on the whole: each invalid value is
 * dropped with a problem (key path, what was expected, what was given), and every valid
 * value still applies. Walks the schema's containers (object, array, record) and checks the
 * leaves with zod, so one bad portal or one bad definition costs only itself.
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

const TYPE_THINGS: Record<string, ExpectedThing> = {
  string: 'text',
  number: 'number',
  int: 'wholeNumber',
  boolean: 'trueOrFalse',
  object: 'object',
  array: 'list',
  record: 'object',
};

function countedUnit(origin: string): CountedUnit {
  return origin === 'string' ? 'characters' : origin === 'array' || origin === 'set' ? 'items' : 'value';
}

const isScalar = (v: unknown): v is JsonScalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The Issue for one of zod's: the schema's own (lib/config/schema.ts), else read from zod's fields. */
function issueOf(issue: z.core.$ZodIssue): Issue {
  const own = issueFromMessage(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type': {
      const thing = TYPE_THINGS[issue.expected];
      return thing ? { code: 'expected', thing } : { code: 'invalid' };
    }
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { code: 'notEmpty' }
        : { code: 'atLeast', count: Number(issue.minimum), unit: countedUnit(issue.origin) };
    case 'too_big':
      return { code: 'atMost', count: Number(issue.maximum), unit: countedUnit(issue.origin) };
    case 'invalid_value':
      return { code: 'expectedOneOf', values: issue.values.filter(isScalar) };
    default:
      return { code: 'invalid' };
  }
}

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

/** A key the schema does not have here: the known key it looks like, or the keys it knows. */
function unknownKeyIssue(key: string, known: readonly string[]): Issue {
  return { code: 'unknownKey', like: closestKey(key, known), known: [...known] };
}

class Collector {
  readonly problems: ConfigProblem[] = [];
  private dropped = 0;
  constructor(readonly source: Source) {}

  /** One problem: what was wrong, what was given (unless NOT_SHOWN), and what became of it. */
  add(path: Path, issue: Issue, given: unknown, verdict: Verdict = 'ignored') {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    this.problems.push({
      source: this.source,
      path: formatPath(path),
      issue,
      ...(given === NOT_SHOWN ? {} : { given: describeGiven(given) }),
      verdict,
    });
  }

  finish(): ConfigProblem[] {
    if (this.dropped > 0) this.problems.push({ source: this.source, path: '', issue: { code: 'moreProblems', count: this.dropped } });
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
    out.add(path, { code: 'invalidJson', want }, value);
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
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    out.add([...path, ...(issue.path as (string | number)[])], issueOf(issue), issue.path.length ? NOT_SHOWN : original);
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
      out.add(path, { code: 'expected', thing: 'objectOrJson' }, value);
      return FAIL;
    }
    const shape = s.shape as Record<string, z.ZodType>;
    const result: Record<string, unknown> = {};
    const absent: string[] = [];
    const invalid: string[] = [];
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) out.add([...path, key], unknownKeyIssue(key, Object.keys(shape)), value[key]);
    }
    for (const [key, child] of Object.entries(shape)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (!isOptional(child)) absent.push(key);
        continue;
      }
      if (out.source === 'user' && isPolicyOnly(child)) {
        out.add([...path, key], { code: 'policyOnly' }, value[key]);
        continue;
      }
      const r = sanitize(child, value[key], [...path, key], out);
      if (r.ok) result[key] = r.value;
      else if (!isOptional(child)) invalid.push(key);
    }
    if (absent.length > 0 || invalid.length > 0) {
      out.add(path, { code: 'entryNeeds', missing: absent, invalid }, NOT_SHOWN, 'entryIgnored');
      return FAIL;
    }
    return containerChecks(s, result, path, value, out);
  }

  if (s instanceof z.ZodArray) {
    const parsed = fromJsonText(input, 'list', path, out);
    if (!parsed.ok) return FAIL;
    const value = parsed.value;
    if (!Array.isArray(value)) {
      out.add(path, { code: 'expected', thing: 'listOrJson' }, value);
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
      out.add(path, { code: 'expected', thing: 'objectOrJson' }, value);
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
  const result = s.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  out.add(path, issueOf(result.error.issues[0]!), input);
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
      out.add([], { code: 'expected', thing: 'settingsObject' }, value);
      return { settings: {}, problems: out.finish() };
    }
    let candidate: Record<string, unknown> = value;
    if (source === 'user') {
      candidate = { ...value };
      for (const key of POLICY_ONLY_KEYS) {
        if (key in candidate) {
          out.add([key], { code: 'policyOnly' }, candidate[key]);
          delete candidate[key];
        }
      }
    }
    const r = sanitize(SettingsSchema, candidate, [], out);
    return { settings: r.ok ? (r.value as Settings) : {}, problems: out.finish() };
  } catch (error) {
    // Not expected; but a bad value must never break the extension.
    out.add([], { code: 'unreadable', error: error instanceof Error ? error.name : 'Error' }, NOT_SHOWN, 'allIgnored');
    return { settings: {}, problems: out.finish() };
  }
}
