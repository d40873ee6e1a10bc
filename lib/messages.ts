import * as z from 'zod/mini';
import { LEVELS, type Level } from './rules/levels';

/**
 * The one message schema between the popup and the content script.
 *
 *   popup → content  { type: 'get-status' }
 *   content → popup  { type: 'status', armed: boolean, level: 1|2|3|4|null }
 *
 *   popup → content  { type: 'set-level', level: 1|2|3|4 }
 *   content → popup  { type: 'set-level-result', ok: boolean, reason?: string }
 *
 * Every object is strict: a property the schema does not name makes the message invalid.
 * Each end validates what it receives and ignores anything else, with a reason.
 *
 * The zod schemas (zod/mini) are the definition, and the popup validates with them. The
 * content script must stay small, so it validates requests with `parsePopupRequest`, a
 * hand-written guard that a property test holds to accept and reject exactly what
 * `PopupRequestSchema` does. The schemas are built on first use, so a bundle that only
 * uses the guard (the content script) does not include zod at all.
 */

export interface GetStatusRequest {
  type: 'get-status';
}
export interface SetLevelRequest {
  type: 'set-level';
  level: Level;
}
export type PopupRequest = GetStatusRequest | SetLevelRequest;

export interface StatusResponse {
  type: 'status';
  /** The guard found the priority field on this page. */
  armed: boolean;
  /** The level the field holds now (null: none, or not armed). */
  level: Level | null;
}
export interface SetLevelResult {
  type: 'set-level-result';
  ok: boolean;
  /** Why it did not work, in plain words (present when ok is false). */
  reason?: string;
}
export type PopupResponse = StatusResponse | SetLevelResult;

/** The outcome of validating a message: the message, or why it was refused. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

// --- zod schemas (the popup side) -------------------------------------------------

function makeSchemas() {
  const level = z.literal(LEVELS);
  const getStatus = z.strictObject({ type: z.literal('get-status') });
  const setLevel = z.strictObject({ type: z.literal('set-level'), level });
  const status = z.strictObject({ type: z.literal('status'), armed: z.boolean(), level: z.nullable(level) });
  const setLevelResult = z.strictObject({
    type: z.literal('set-level-result'),
    ok: z.boolean(),
    reason: z.optional(z.string()),
  });
  return {
    request: z.discriminatedUnion('type', [getStatus, setLevel]),
    status,
    setLevelResult,
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

function check<T>(schema: z.ZodMiniType, value: unknown): Checked<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data as T };
  return { ok: false, reason: parsed.error.issues.map(describeIssue).join('; ') || 'Invalid message' };
}

/** Validates a popup → content request with zod. */
export function checkRequest(value: unknown): Checked<PopupRequest> {
  return check(messageSchemas().request, value);
}

/** Validates the content script's answer to get-status (undefined: nobody answered). */
export function checkStatus(value: unknown): Checked<StatusResponse> {
  if (value === undefined) return { ok: false, reason: 'No answer from the page' };
  return check(messageSchemas().status, value);
}

/** Validates the content script's answer to set-level. */
export function checkSetLevelResult(value: unknown): Checked<SetLevelResult> {
  if (value === undefined) return { ok: false, reason: 'No answer from the page' };
  return check(messageSchemas().setLevelResult, value);
}

// --- the hand-written guard (the content-script side) ----------------------------

const REQUEST_KEYS: Record<PopupRequest['type'], readonly string[]> = {
  'get-status': ['type'],
  'set-level': ['type', 'level'],
};

/**
 * Validates a popup → content request without zod. Accepts exactly what
 * `PopupRequestSchema` accepts (tests/unit/popup/messages.test.ts holds it to that).
 */
export function parsePopupRequest(value: unknown): Checked<PopupRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'Not a message object' };
  }
  const message = value as Record<string, unknown>;
  const type = message.type;
  if (type !== 'get-status' && type !== 'set-level') {
    return { ok: false, reason: `Unknown message type: ${JSON.stringify(type) ?? String(type)}` };
  }
  const allowed = REQUEST_KEYS[type];
  // for...in, like zod's strict check: inherited enumerable properties count too.
  for (const key in message) {
    if (!allowed.includes(key)) return { ok: false, reason: `Unexpected property "${key}" in ${type}` };
  }
  if (type === 'get-status') return { ok: true, message: { type } };
  const level = message.level;
  if (level !== 1 && level !== 2 && level !== 3 && level !== 4) {
    return { ok: false, reason: `set-level needs a level from 1 to 4, not ${String(level)}` };
  }
  return { ok: true, message: { type, level } };
}
