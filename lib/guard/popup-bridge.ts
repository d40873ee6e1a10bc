import { browser } from 'wxt/browser';
import {
  READINESS_LIMITS,
  parsePopupRequest,
  type PopupResponse,
  type ReadinessResponse,
  type SetLevelFailure,
  type SetLevelResult,
  type StatusResponse,
} from '../messages';
import type { PriorityControl } from '../portal/control';
import type { Level } from '../rules/levels';
import type { EssentialResult } from '../rules/readiness/types';
import { withTimeout } from '../timeout';
import { reportGuardError } from './fail-open';

export interface PopupBridgeOptions {
  /** The priority field the guard has armed, or null. */
  control(): PriorityControl | null;
  /** Whether the guard is asking about a Priority 1 on this page now (its dialog is open). */
  asking?(): boolean;
  /** What the armed field's ticket tells Support, read now; null when no field is armed. */
  readiness?(): Promise<EssentialResult[] | null>;
  /** Aborted when the content script goes away: the listener goes with it. */
  signal: AbortSignal;
  /** How long a set-level or a readiness read may take before the popup is told it did not work. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 4_000;

function status(control: PriorityControl | null, asking: boolean): StatusResponse {
  const answer: StatusResponse = { type: 'status', armed: control !== null, level: control?.read() ?? null };
  return asking ? { ...answer, asking: true } : answer;
}

function failed(reason: SetLevelFailure): SetLevelResult {
  return { type: 'set-level-result', ok: false, reason };
}

/** Sets the level through the control, as the guard dialog's "Change to" does, and reads it back. */
async function setLevel(control: PriorityControl | null, level: Level, timeoutMs: number): Promise<SetLevelResult> {
  if (!control) return failed('no-field');
  try {
    if (control.read() === level) return { type: 'set-level-result', ok: true };
    if (!control.offers(level)) {
      return failed('no-option');
    }
    let accepted: boolean | 'timeout';
    try {
      accepted = await withTimeout<boolean | 'timeout'>(control.set(level), timeoutMs, 'timeout');
    } catch (error) {
      reportGuardError(error);
      accepted = false;
    }
    if (control.read() === level) return { type: 'set-level-result', ok: true };
    if (accepted === 'timeout') return failed('timeout');
    return failed('refused');
  } catch (error) {
    // read() or options() threw: answer plainly rather than leave the popup waiting.
    reportGuardError(error);
    return failed('refused');
  }
}

const NO_FIELD = 'No priority field on this page.';
const NOT_READ = 'The ticket form could not be read.';

/** `text` cut to `max` characters with "…" (never splitting a surrogate pair), so the answer stays within READINESS_LIMITS. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** The results as the message allows them: an attachment's name, for one, is evidence of any length. */
function withinLimits(results: readonly EssentialResult[]): EssentialResult[] {
  return results.slice(0, READINESS_LIMITS.results).map((r) => {
    const id = clip(r.id, READINESS_LIMITS.id);
    const label = clip(r.label, READINESS_LIMITS.label);
    return r.state === 'found'
      ? { id, label, state: r.state, evidence: clip(r.evidence, READINESS_LIMITS.evidence) }
      : { id, label, state: r.state };
  });
}

/** Reads what the ticket tells Support; always answers, in time, with a plain reason when it cannot. */
async function readReadiness(read: PopupBridgeOptions['readiness'], timeoutMs: number): Promise<ReadinessResponse> {
  const failed = (reason: string): ReadinessResponse => ({ type: 'readiness', ok: false, reason });
  if (!read) return failed(NOT_READ);
  try {
    const results = await withTimeout<EssentialResult[] | null | 'timeout'>(read(), timeoutMs, 'timeout');
    if (results === 'timeout') return failed('The ticket form could not be read in time.');
    if (results === null) return failed(NO_FIELD);
    return { type: 'readiness', ok: true, results: withinLimits(results) };
  } catch (error) {
    // Not the guard stepping aside: only the popup's question went unanswered.
    console.warn('[Priority Guard] The ticket form could not be read for the popup.', error);
    return failed(NOT_READ);
  }
}

/**
 * Answers the popup: get-status (is the guard armed, which level is selected, is it asking
 * about a P1; the background asks this too), set-level and get-readiness. Anything else, or
 * anything malformed, is ignored: no answer is sent.
 */
export function listenForPopup({ control, asking, readiness, signal, timeoutMs = DEFAULT_TIMEOUT_MS }: PopupBridgeOptions): void {
  if (signal.aborted) return;
  const listener = (message: unknown): Promise<PopupResponse> | undefined => {
    const checked = parsePopupRequest(message);
    if (!checked.ok) {
      console.debug(`[Priority Guard] Ignored a message: ${checked.reason}`);
      return undefined;
    }
    const request = checked.message;
    if (request.type === 'get-readiness') return readReadiness(readiness, timeoutMs);
    try {
      const current = control();
      if (request.type === 'set-level') return setLevel(current, request.level, timeoutMs);
      return Promise.resolve(status(current, asking?.() ?? false));
    } catch (error) {
      // Reading the field threw: answer plainly rather than leave the popup waiting.
      reportGuardError(error);
      return Promise.resolve(
        request.type === 'set-level' ? failed('refused') : status(null, false),
      );
    }
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
