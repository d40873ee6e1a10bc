import { browser } from 'wxt/browser';
import { checkInjectUiRequest, type InjectUiResult } from '../messages';

/** The built UI script (WXT writes entrypoints/guard-ui.ts there). */
export const GUARD_UI_SCRIPT = '/guard-ui.js';

/** The page that asked: its tab and frame (and, in Chrome, the exact document). */
export interface UiTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** The part of runtime.MessageSender this needs. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

function failed(reason: string): InjectUiResult {
  return { type: 'inject-guard-ui-result', ok: false, reason };
}

/**
 * The background's answer to a content script's inject-guard-ui request: injects the UI
 * script into exactly the page that asked. Returns undefined for anything else (not ours).
 */
export function answerInjectUiRequest(
  message: unknown,
  sender: Sender,
  ownId: string,
  inject: (target: UiTarget) => Promise<void>,
): Promise<InjectUiResult> | undefined {
  const checked = checkInjectUiRequest(message);
  if (!checked.ok) return undefined;
  const tabId = sender.tab?.id;
  // Pages cannot reach onMessage, nor other extensions (onMessageExternal): still, only a
  // content script in a web page of ours qualifies (not an extension page in a tab).
  const fromWebPage = typeof sender.url === 'string' && sender.url.startsWith('https://');
  if (sender.id !== ownId || !fromWebPage || typeof tabId !== 'number' || typeof sender.frameId !== 'number') {
    return Promise.resolve(failed('Only the guard in a portal tab can ask for its dialog.'));
  }
  const target: UiTarget = { tabId, frameId: sender.frameId, ...(sender.documentId ? { documentId: sender.documentId } : {}) };
  return inject(target).then(
    (): InjectUiResult => ({ type: 'inject-guard-ui-result', ok: true }),
    (error: unknown) => failed(`The browser refused to add it to the page (${error instanceof Error ? error.message : String(error)})`),
  );
}

/**
 * Injects the UI into the content scripts' world of the target page, at once (not at
 * document_idle). Chrome (MV3): scripting.executeScript, into the asking document.
 * Firefox (MV2): tabs.executeScript, into the asking frame (had it navigated meanwhile, the
 * next document would just get an unused UI: the script only defines it).
 * Both need host access to the page, which the guard's portals have (see wxt.config.ts).
 */
async function injectUi(target: UiTarget): Promise<void> {
  if (browser.runtime.getManifest().manifest_version === 3) {
    await browser.scripting.executeScript({
      target: target.documentId
        ? { tabId: target.tabId, documentIds: [target.documentId] }
        : { tabId: target.tabId, frameIds: [target.frameId] },
      files: [GUARD_UI_SCRIPT],
      injectImmediately: true,
    });
  } else {
    await browser.tabs.executeScript(target.tabId, { file: GUARD_UI_SCRIPT, frameId: target.frameId, runAt: 'document_start' });
  }
}

/** Background: answers the guard's requests for its UI. */
export function listenForUiRequests(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
    answerInjectUiRequest(message, sender, browser.runtime.id, injectUi),
  );
}
