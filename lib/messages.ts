import * as z from 'zod/mini';
import { LEVELS, type Level } from './rules/levels';

/**
 * The one message schema between the popup and the content script.
 *
 *   popup → content  { type: 'get-status' }
 *   content → popup  { type: 'status', armed: boolean, level: 1|2|3|4|null, asking?: true }
 *   (the background asks it too, in Firefox, before it applies an update)
 *
 *   popup → content  { type: 'set-level', level: 1|2|3|4 }
 *   content → popup  { type: 'set-level-result', ok: boolean, reason?: string }
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
export type PopupRequest = GetStatusRequest | SetLevelRequest;

export interface StatusResponse {
  type: 'status';
  /** The guard found the priority field on this page. */
  armed: boolean;
  /** The level the field holds now (null: none, or not armed). */
  level: Level | null;
  /** Present when the guard is asking about a Priority 1 on this page (its dialog is open). */
  asking?: true;
}
export interface SetLevelResult {
  type: 'set-level-result';
  ok: boolean;
  /** Why it did not work, in plain words (present when ok is false). */
  reason?: string;
}
export type PopupResponse = StatusResponse | SetLevelResult;

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
  const result = <T extends string>(type: T) =>
    z.strictObject({ type: z.literal(type), ok: z.boolean(), reason: z.optional(z.string()) });
  return {
    request: z.discriminatedUnion('type', [getStatus, setLevel]),
    status: z.strictObject({
      type: z.literal('status'),
      armed: z.boolean(),
      level: z.nullable(level),
      asking: z.optional(z.literal(true)),
    }),
    setLevelResult: result('set-level-result'),
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
};

/** Content script: a popup → content request. */
export function parsePopupRequest(value: unknown): Checked<PopupRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('Not a message object');
  const type = (value as { type?: unknown }).type;
  if (type !== 'get-status' && type !== 'set-level') {
    return refuse(`Unknown message type: ${shown(type)}`);
  }
  const message = strictMessage(value, type, REQUEST_KEYS[type]);
  if (typeof message === 'string') return refuse(message);
  if (type === 'get-status') return { ok: true, message: { type } };
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

/** Popup: the content script's answer to set-level. */
export function parseSetLevelResult(value: unknown): Checked<SetLevelResult> {
  return parseResult('set-level-result', value, 'No answer from the page');
}

/** Content script: the background's answer to inject-guard-ui. */
export function parseInjectUiResult(value: unknown): Checked<InjectUiResult> {
  return parseResult('inject-guard-ui-result', value, 'No answer from the extension');
}
