import { browser } from 'wxt/browser';
import type { HandoffFailure } from '../../components/popup/PriorityResult';
import type { TabState } from '../../components/popup/TabStatusLine';
import { parseReadiness, parseSetLevelResult, parseStatus, type PopupRequest } from '../../lib/messages';
import type { Level } from '../../lib/rules';
import type { EssentialResult } from '../../lib/rules/readiness/types';

/**
 * The popup's side of the popup ↔ content-script messages (lib/messages.ts).
 *
 * The tab it talks to is the active tab of the current window; for tests, the popup page
 * accepts `?tabId=N` to name another one (popup.html?tabId=12). Neither needs the `tabs`
 * permission: tabs.query() returns ids without it, and tabs.sendMessage() needs none.
 */

/** The tab named by `?tabId=N` in the popup's URL, or null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The tab to talk to: `?tabId=N`, else the active tab of the current window. */
export async function resolveTabId(search: string): Promise<number | null> {
  const named = tabIdFromSearch(search);
  if (named !== null) return named;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('The page did not answer in time.')), ms));
}

function send(tabId: number, request: PopupRequest, ms: number): Promise<unknown> {
  return Promise.race([browser.tabs.sendMessage(tabId, request), timeout(ms)]);
}

/** Asks the tab's content script how things stand. No content script: not a portal page. */
export async function fetchTabState(tabId: number | null, ms = 2_000): Promise<TabState> {
  if (tabId === null) return { kind: 'not-portal' };
  let answer: unknown;
  try {
    answer = await send(tabId, { type: 'get-status' }, ms);
  } catch {
    return { kind: 'not-portal' }; // no receiving end: the guard does not run there
  }
  const checked = parseStatus(answer);
  if (!checked.ok) {
    console.warn(`[Priority Guard] Ignored the page's status: ${checked.reason}`);
    return { kind: 'not-portal' };
  }
  return checked.message.armed ? { kind: 'armed', level: checked.message.level } : { kind: 'no-form' };
}

export type SetLevelOutcome = { ok: true } | { ok: false; failure: HandoffFailure };

/** Asks the tab's content script to select `level` in the ticket form. */
export async function setLevelOnTab(tabId: number, level: Level, ms = 8_000): Promise<SetLevelOutcome> {
  let answer: unknown;
  try {
    answer = await send(tabId, { type: 'set-level', level }, ms);
  } catch (error) {
    const timedOut = error instanceof Error && error.message.includes('in time');
    return { ok: false, failure: timedOut ? 'no-answer' : 'page-gone' };
  }
  const checked = parseSetLevelResult(answer);
  if (!checked.ok) {
    console.warn(`[Priority Guard] The page's answer to set-level was not valid: ${checked.reason}`);
    return { ok: false, failure: 'unexpected-answer' };
  }
  if (checked.message.ok) return { ok: true };
  return { ok: false, failure: checked.message.reason ?? 'unexplained' };
}

/**
 * Asks the tab's content script what its ticket form tells Support, read now. Null when it
 * cannot say (no field, reading failed, no answer in time): the popup then shows the plain list.
 */
export async function fetchReadiness(tabId: number, ms = 8_000): Promise<EssentialResult[] | null> {
  let answer: unknown;
  try {
    answer = await send(tabId, { type: 'get-readiness' }, ms);
  } catch {
    return null;
  }
  const checked = parseReadiness(answer);
  if (!checked.ok) {
    console.warn(`[Priority Guard] Ignored the page's readiness: ${checked.reason}`);
    return null;
  }
  return checked.message.ok ? checked.message.results : null;
}
