import { browser } from 'wxt/browser';
import { POPUP_VIEWS, type PopupView } from '../../lib/config/effective';
import { validState, type FlowState } from '../../lib/rules';

/**
 * The popup's state in session storage, so closing the popup mid-flow loses nothing.
 * It expires 30 minutes after the last change; Start over clears it.
 */

export type { PopupView };

export interface PopupSession {
  flow: FlowState;
  /** The view the user picked; null: none, so the configuration's first. */
  view: PopupView | null;
}

export const POPUP_STATE_KEY = 'popupState';
export const POPUP_STATE_TTL_MS = 30 * 60 * 1000;

interface Stored {
  answers: unknown;
  view: unknown;
  savedAt: unknown;
}

/** storage.session, where the browser has it (Chrome 102+, Firefox 115+). */
function area() {
  return browser.storage?.session ?? null;
}

/** The saved state, or null when there is none, it expired or it no longer fits the flow. */
export async function loadPopupSession(now = Date.now()): Promise<PopupSession | null> {
  try {
    const stored = (await area()?.get(POPUP_STATE_KEY))?.[POPUP_STATE_KEY] as Partial<Stored> | undefined;
    if (!stored || typeof stored !== 'object') return null;
    const { answers, view, savedAt } = stored;
    const fresh = typeof savedAt === 'number' && savedAt <= now && now - savedAt < POPUP_STATE_TTL_MS;
    const flow = fresh ? validState(answers) : null;
    if (!flow || !(view === null || POPUP_VIEWS.includes(view as PopupView))) {
      await area()?.remove(POPUP_STATE_KEY);
      return null;
    }
    return { flow, view: view as PopupView | null };
  } catch {
    return null;
  }
}

export async function savePopupSession(session: PopupSession, now = Date.now()): Promise<void> {
  try {
    const value: Stored = { answers: session.flow.answers, view: session.view, savedAt: now };
    await area()?.set({ [POPUP_STATE_KEY]: value });
  } catch {
    // Nothing to do: the popup works without it, it just forgets.
  }
}
