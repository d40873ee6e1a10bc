/**
 * Announced on the document by each copy of the content script as it starts. DOM events
 * cross JavaScript worlds, so an older copy of the guard in the same page hears it.
 */
export const GUARD_STARTED_EVENT = 'priority-guard:started';

export interface GuardLifetime {
  /** Aborted when this copy is no longer in charge of the page: everything it added goes. */
  signal: AbortSignal;
  /** False once this copy is no longer in charge (asked before ever stopping a submission). */
  isValid(): boolean;
}

/**
 * How long this copy of the content script is in charge of the page: until a newer copy
 * starts in the same document (the extension was updated or reloaded and injected again),
 * or until the extension's context is gone (Chrome leaves an updated extension's old
 * content script running, cut off from the extension). The second is noticed when
 * isValid() is asked: nothing is checked on a timer.
 *
 * It does the job of WXT's ContentScriptContext without what that costs on every page
 * (a message posted to the page's window, an event carrying details, a random id): see
 * docs/performance.md, row 3.
 */
export function startLifetime(doc: Document, extensionAlive: () => boolean): GuardLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  doc.dispatchEvent(new Event(GUARD_STARTED_EVENT));
  // Listening only after announcing: this copy does not hear itself.
  doc.addEventListener(GUARD_STARTED_EVENT, () => controller.abort(), { signal });
  return {
    signal,
    isValid() {
      if (!signal.aborted && !extensionAlive()) controller.abort();
      return !signal.aborted;
    },
  };
}

/** Whether this script's extension is still there (false in an orphaned content script). */
export function extensionAlive(runtime: () => { id?: string } | undefined): boolean {
  try {
    return Boolean(runtime()?.id);
  } catch {
    return false;
  }
}
