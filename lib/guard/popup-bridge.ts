import { browser } from 'wxt/browser';
import { parsePopupRequest, type PopupResponse, type SetLevelResult, type StatusResponse } from '../messages';
import type { PriorityControl } from '../portal/control';
import type { Level } from '../rules/levels';
import { withTimeout } from '../timeout';
import { reportGuardError } from './fail-open';

export interface PopupBridgeOptions {
  /** The priority field the guard has armed, or null. */
  control(): PriorityControl | null;
  /** Whether the guard is asking about a Priority 1 on this page now (its dialog is open). */
  asking?(): boolean;
  /** Aborted when the content script goes away: the listener goes with it. */
  signal: AbortSignal;
  /** How long a set-level may take before the popup is told it did not work. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 4_000;

function status(control: PriorityControl | null, asking: boolean): StatusResponse {
  const answer: StatusResponse = { type: 'status', armed: control !== null, level: control?.read() ?? null };
  return asking ? { ...answer, asking: true } : answer;
}

function failed(reason: string): SetLevelResult {
  return { type: 'set-level-result', ok: false, reason };
}

/** Sets the level through the control, as the guard dialog's "Change to" does, and reads it back. */
async function setLevel(control: PriorityControl | null, level: Level, timeoutMs: number): Promise<SetLevelResult> {
  if (!control) return failed('No priority field on this page.');
  try {
    if (control.read() === level) return { type: 'set-level-result', ok: true };
    if (!control.offers(level)) {
      return failed(`The priority field has no option for Priority ${level}.`);
    }
    let accepted: boolean | 'timeout';
    try {
      accepted = await withTimeout<boolean | 'timeout'>(control.set(level), timeoutMs, 'timeout');
    } catch (error) {
      reportGuardError(error);
      accepted = false;
    }
    if (control.read() === level) return { type: 'set-level-result', ok: true };
    if (accepted === 'timeout') return failed(`The field did not take Priority ${level} in time.`);
    return failed(`The field did not accept Priority ${level}.`);
  } catch (error) {
    // read() or options() threw: answer plainly rather than leave the popup waiting.
    reportGuardError(error);
    return failed(`The field did not accept Priority ${level}.`);
  }
}

/**
 * Answers the popup: get-status (is the guard armed, which level is selected, is it asking
 * about a P1; the background asks this too) and set-level. Anything else, or anything malformed, is ignored: no answer is sent.
 */
export function listenForPopup({ control, asking, signal, timeoutMs = DEFAULT_TIMEOUT_MS }: PopupBridgeOptions): void {
  if (signal.aborted) return;
  const listener = (message: unknown): Promise<PopupResponse> | undefined => {
    const checked = parsePopupRequest(message);
    if (!checked.ok) {
      console.debug(`[Priority Guard] Ignored a message: ${checked.reason}`);
      return undefined;
    }
    const request = checked.message;
    try {
      const current = control();
      if (request.type === 'set-level') return setLevel(current, request.level, timeoutMs);
      return Promise.resolve(status(current, asking?.() ?? false));
    } catch (error) {
      // Reading the field threw: answer plainly rather than leave the popup waiting.
      reportGuardError(error);
      return Promise.resolve(
        request.type === 'set-level' ? failed(`The field did not accept Priority ${request.level}.`) : status(null, false),
      );
    }
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
