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

/** Where this copy leaves a way to stop it, for a later copy in the same JavaScript world. */
const RUNNING = Symbol.for('priority-guard.running');

/**
 * How long this copy of the content script is in charge of the page: until a newer copy
 * of the extension starts in the same document (the extension was updated or reloaded and
 * injected again), or until the extension's context is gone (Chrome leaves an updated
 * extension's old content script running, cut off from the extension). The second is
 * noticed when isValid() is asked: nothing is checked on a timer.
 *
 * The page cannot switch the guard off: it can dispatch the started event too, but a copy
 * that hears it steps aside only if its own extension is really gone. A second copy in the
 * same world (the script injected twice) is stopped through that world's global, which the
 * page cannot reach.
 *
 * It does the job of WXT's ContentScriptContext without what that costs on every page
 * (a message posted to the page's window, an event carrying details, a random id): see
 * docs/performance.md, row 3.
 */
export function startLifetime(doc: Document, extensionAlive: () => boolean): GuardLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const world = globalThis as { [RUNNING]?: () => void };
  world[RUNNING]?.();
  Object.defineProperty(world, RUNNING, { value: () => controller.abort(), configurable: true, writable: true });
  doc.dispatchEvent(new Event(GUARD_STARTED_EVENT));
  // Listening only after announcing: this copy does not hear itself.
  doc.addEventListener(
    GUARD_STARTED_EVENT,
    () => {
      if (!extensionAlive()) controller.abort();
    },
    { signal },
  );
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
