import * as z from 'zod/mini';
import { LEVELS, type Level } from './rules/levels';
import type { EssentialResult } from './rules/readiness/types';

/**
 * The one message schema between the popup and the content script.
 *
 *   popup → content  { type: 'get-status' }
 *   content → popup  { type: 'status', armed: boolean, level: 1|2|3|4|null, asking?: true }
 *   (the background asks it too, in Firefox, before it applies an update)
 *
 *   popup → content  { type: 'set-level', level: 1|2|3|4 }
 *   content → popup  { type: 'set-level-result', ok: boolean, reason?: SetLevelFailure }
 *
 *   popup → content  { type: 'get-readiness' }
 *   content → popup  { type: 'readiness', ok: true, results: EssentialResult[] }
 *                  | { type: 'readiness', ok: false, reason: string }
 *   (what the open form's ticket tells Support; READINESS_LIMITS bound its texts and length)
 *
 * and one between the content script and the background:
 *
 *   content → background  { type: 'inject-guard-ui' }
 *   background → content  { type: 'inject-guard-ui-result', ok: boolean, reason?: string }
 *
 * Every object is strict: a property the schema does not name makes the message invalid.
 * Each end validates what it receives and ignores anything else, with a reason.
 *
 * The zod schemas (zod/mini, `messageSchemas`) are the definition, and the background
 * validates with them. The content script and the popup must load fast, so they validate
 * with hand-written checks (`parse…` below) that property tests hold to accept and reject
 * exactly what the schemas do (tests/unit/popup/messages.test.ts). The schemas are built
 * on first use, so a bundle that uses only the checks includes no zod at all.
 */

export interface GetStatusRequest {
  type: 'get-status';
}
export interface SetLevelRequest {
  type: 'set-level';
  level: Level;
}
export interface GetReadinessRequest {
  type: 'get-readiness';
}
export type PopupRequest = GetStatusRequest | SetLevelRequest | GetReadinessRequest;

export interface StatusResponse {
  type: 'status';
  /** The guard found the priority field on this page. */
  armed: boolean;
  /** The level the field holds now (null: none, or not armed). */
  level: Level | null;
  /** Present when the guard is asking about a Priority 1 on this page (its dialog is open). */
  asking?: true;
}
/**
 * Why the content script could not set a level: a code, which the popup words in the user's
 * language. no-field: no priority field on the page; no-option: the field offers no option
 * for the level; timeout: the field did not take it in time; refused: it did not take it.
 */
export const SET_LEVEL_FAILURES = ['no-field', 'no-option', 'timeout', 'refused'] as const;
export type SetLevelFailure = (typeof SET_LEVEL_FAILURES)[number];

export interface SetLevelResult {
  type: 'set-level-result';
  ok: boolean;
  /** Why it did not work (present when ok is false). */
  reason?: SetLevelFailure;
}
/** What the open form's ticket tells Support, or why the page cannot say (no field armed, reading failed). */
export type ReadinessResponse =
  | { type: 'readiness'; ok: true; results: EssentialResult[] }
  | { type: 'readiness'; ok: false; reason: string };

/** The most a readiness answer may hold: its number of results and the length of each text (characters, a surrogate pair counting as one). */
export const READINESS_LIMITS = { results: 16, id: 80, label: 250, evidence: 200, reason: 200 } as const;

export type PopupResponse = StatusResponse | SetLevelResult | ReadinessResponse;

/** Asks the background to inject the guard's UI into the sender's page (lib/guard/ui.ts). */
export interface InjectUiRequest {
  type: 'inject-guard-ui';
}
export interface InjectUiResult {
  type: 'inject-guard-ui-result';
  ok: boolean;
  /** Why it did not work, in plain words (present when ok is false). */
  reason?: string;
}

/** The outcome of validating a message: the message, or why it was refused. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

// --- zod schemas: the definition (the background validates with them) -------------

function makeSchemas() {
  const level = z.literal(LEVELS);
  const getStatus = z.strictObject({ type: z.literal('get-status') });
  const setLevel = z.strictObject({ type: z.literal('set-level'), level });
  const getReadiness = z.strictObject({ type: z.literal('get-readiness') });
  const result = <T extends string>(type: T) =>
    z.strictObject({ type: z.literal(type), ok: z.boolean(), reason: z.optional(z.string()) });
  const setLevelResult = z.strictObject({
    type: z.literal('set-level-result'),
    ok: z.boolean(),
    reason: z.optional(z.enum(SET_LEVEL_FAILURES)),
  });
  const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
  const essential = <S extends string>(state: S) =>
    z.strictObject({ id: text(READINESS_LIMITS.id), label: text(READINESS_LIMITS.label), state: z.literal(state) });
  const essentialResult = z.discriminatedUnion('state', [
    z.strictObject({ ...essential('found').shape, evidence: text(READINESS_LIMITS.evidence) }),
    essential('missing'),
    essential('unknown'),
  ]);
  return {
    request: z.discriminatedUnion('type', [getStatus, setLevel, getReadiness]),
    status: z.strictObject({
      type: z.literal('status'),
      armed: z.boolean(),
      level: z.nullable(level),
      asking: z.optional(z.literal(true)),
    }),
    setLevelResult,
    readiness: z.discriminatedUnion('ok', [
      z.strictObject({
        type: z.literal('readiness'),
        ok: z.literal(true),
        results: z.array(essentialResult).check(z.maxLength(READINESS_LIMITS.results)),
      }),
      z.strictObject({ type: z.literal('readiness'), ok: z.literal(false), reason: text(READINESS_LIMITS.reason) }),
    ]),
    injectUiRequest: z.strictObject({ type: z.literal('inject-guard-ui') }),
    injectUiResult: result('inject-guard-ui-result'),
  };
}

let schemas: ReturnType<typeof makeSchemas> | undefined;

/** The zod schemas of every message, built on first use. */
export function messageSchemas(): ReturnType<typeof makeSchemas> {
  return (schemas ??= makeSchemas());
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates a content → background request to inject the guard's UI (zod). */
export function checkInjectUiRequest(value: unknown): Checked<InjectUiRequest> {
  const parsed = messageSchemas().injectUiRequest.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, reason: parsed.error.issues.map(describeIssue).join('; ') || 'Invalid message' };
}

// --- hand-written checks (the content script and the popup) -----------------------

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A value in a reason, without ever throwing (a hostile toString, a BigInt, a cycle). */
function shown(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return `a ${typeof value}`;
  }
}

/**
 * The value as a message object whose own and inherited enumerable properties are all in
 * `allowed` (for...in, as zod's strict check counts them), or why not.
 */
function strictMessage(value: unknown, name: string, allowed: readonly string[]): Record<string, unknown> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Not a message object';
  const message = value as Record<string, unknown>;
  for (const key in message) {
    if (!allowed.includes(key)) return `Unexpected property "${key}" in ${name}`;
  }
  return message;
}

const isLevel = (value: unknown): value is Level => value === 1 || value === 2 || value === 3 || value === 4;

const REQUEST_KEYS: Record<PopupRequest['type'], readonly string[]> = {
  'get-status': ['type'],
  'set-level': ['type', 'level'],
  'get-readiness': ['type'],
};

/** Content script: a popup → content request. */
export function parsePopupRequest(value: unknown): Checked<PopupRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('Not a message object');
  const type = (value as { type?: unknown }).type;
  if (type !== 'get-status' && type !== 'set-level' && type !== 'get-readiness') {
    return refuse(`Unknown message type: ${shown(type)}`);
  }
  const message = strictMessage(value, type, REQUEST_KEYS[type]);
  if (typeof message === 'string') return refuse(message);
  if (type !== 'set-level') return { ok: true, message: { type } };
  if (!isLevel(message.level)) return refuse(`set-level needs a level from 1 to 4, not ${shown(message.level)}`);
  return { ok: true, message: { type, level: message.level } };
}

/** Popup: the content script's answer to get-status (undefined: nobody answered). */
export function parseStatus(value: unknown): Checked<StatusResponse> {
  if (value === undefined) return refuse('No answer from the page');
  const message = strictMessage(value, 'status', ['type', 'armed', 'level', 'asking']);
  if (typeof message === 'string') return refuse(message);
  if (message.type !== 'status') return refuse(`Expected a status, not ${shown(message.type)}`);
  if (typeof message.armed !== 'boolean') return refuse('armed: expected true or false');
  if (message.level !== null && !isLevel(message.level)) return refuse(`level: expected 1 to 4 or null, not ${shown(message.level)}`);
  if (message.asking !== undefined && message.asking !== true) return refuse(`asking: expected true or absent, not ${shown(message.asking)}`);
  const status: StatusResponse = { type: 'status', armed: message.armed, level: message.level };
  return { ok: true, message: message.asking ? { ...status, asking: true } : status };
}

type Result<T extends string> = { type: T; ok: boolean; reason?: string };

/** An answer of the `{ type, ok, reason? }` shape (set-level-result, inject-guard-ui-result). */
function parseResult<T extends string>(type: T, value: unknown, nobody: string): Checked<Result<T>> {
  if (value === undefined) return refuse(nobody);
  const message = strictMessage(value, type, ['type', 'ok', 'reason']);
  if (typeof message === 'string') return refuse(message);
  if (message.type !== type) return refuse(`Expected ${type}, not ${shown(message.type)}`);
  if (typeof message.ok !== 'boolean') return refuse('ok: expected true or false');
  const { reason } = message;
  if (reason !== undefined && typeof reason !== 'string') return refuse('reason: expected text');
  return { ok: true, message: { type, ok: message.ok, ...(reason === undefined ? {} : { reason }) } };
}

const isSetLevelFailure = (value: unknown): value is SetLevelFailure => (SET_LEVEL_FAILURES as readonly unknown[]).includes(value);

/** Popup: the content script's answer to set-level. */
export function parseSetLevelResult(value: unknown): Checked<SetLevelResult> {
  const checked = parseResult('set-level-result', value, 'No answer from the page');
  if (!checked.ok) return checked;
  const { reason, ...rest } = checked.message;
  if (reason === undefined) return { ok: true, message: rest };
  if (!isSetLevelFailure(reason)) return refuse(`reason: expected one of ${SET_LEVEL_FAILURES.join(', ')}, not ${shown(reason)}`);
  return { ok: true, message: { ...rest, reason } };
}

/** Content script: the background's answer to inject-guard-ui. */
export function parseInjectUiResult(value: unknown): Checked<InjectUiResult> {
  return parseResult('inject-guard-ui-result', value, 'No answer from the extension');
}

/** A text's length in characters as zod counts them: a surrogate pair (an emoji, say) is one. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Text of 1 to `max` characters, or why not. */
function textProblem(value: unknown, name: string, max: number): string | null {
  if (typeof value !== 'string') return `${name}: expected text`;
  if (value.length === 0) return `${name}: expected text, not empty`;
  // Counted only when it could matter: a pair is two UTF-16 units.
  const length = value.length > max ? characters(value) : value.length;
  if (length > max) return `${name}: expected at most ${max} characters, not ${length}`;
  return null;
}

const ESSENTIAL_KEYS = {
  found: ['id', 'label', 'state', 'evidence'],
  missing: ['id', 'label', 'state'],
  unknown: ['id', 'label', 'state'],
} as const;

/** One essential's result of a readiness answer, or why not (`name` says which one). */
function essentialResult(value: unknown, name: string): EssentialResult | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${name}: expected an object`;
  const { state } = value as { state?: unknown };
  if (state !== 'found' && state !== 'missing' && state !== 'unknown') {
    return `${name}.state: expected "found", "missing" or "unknown", not ${shown(state)}`;
  }
  const item = strictMessage(value, name, ESSENTIAL_KEYS[state]);
  if (typeof item === 'string') return item;
  const problem =
    textProblem(item.id, `${name}.id`, READINESS_LIMITS.id) ??
    textProblem(item.label, `${name}.label`, READINESS_LIMITS.label) ??
    (state === 'found' ? textProblem(item.evidence, `${name}.evidence`, READINESS_LIMITS.evidence) : null);
  if (problem) return problem;
  const { id, label } = item as { id: string; label: string };
  return state === 'found' ? { id, label, state, evidence: item.evidence as string } : { id, label, state };
}

/** Popup: the content script's answer to get-readiness. */
export function parseReadiness(value: unknown): Checked<ReadinessResponse> {
  if (value === undefined) return refuse('No answer from the page');
  const answered = typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === true;
  const message = strictMessage(value, 'readiness', answered ? ['type', 'ok', 'results'] : ['type', 'ok', 'reason']);
  if (typeof message === 'string') return refuse(message);
  if (message.type !== 'readiness') return refuse(`Expected readiness, not ${shown(message.type)}`);
  if (message.ok === false) {
    const problem = textProblem(message.reason, 'reason', READINESS_LIMITS.reason);
    if (problem) return refuse(problem);
    return { ok: true, message: { type: 'readiness', ok: false, reason: message.reason as string } };
  }
  if (message.ok !== true) return refuse('ok: expected true or false');
  const { results } = message;
  if (!Array.isArray(results)) return refuse('results: expected a list');
  if (results.length > READINESS_LIMITS.results) {
    return refuse(`results: expected at most ${READINESS_LIMITS.results}, not ${results.length}`);
  }
  const checked: EssentialResult[] = [];
  for (let i = 0; i < results.length; i++) {
    const item = essentialResult(results[i], `results.${i}`);
    if (typeof item === 'string') return refuse(item);
    checked.push(item);
  }
  return { ok: true, message: { type: 'readiness', ok: true, results: checked } };
}
