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
 * starts in the same JavaScript world (the script injected into the page again), or until
 * the extension's context is gone (Chrome leaves an updated extension's old content script
 * running, cut off from the extension). The second is noticed when isValid() is asked:
 * before any submission is stopped, and whenever the field or its dialog changes; nothing
 * is checked on a timer. Firefox unloads an updated extension's scripts itself.
 *
 * Nothing here is visible to the page, and nothing the page does can end it: the handoff
 * goes through the world's own global, which page scripts cannot reach.
 *
 * It does the job of WXT's ContentScriptContext without what that costs on every page
 * (a message posted to the page's window, an event carrying details, a random id): see
 * docs/performance.md, row 3.
 */
export function startLifetime(extensionAlive: () => boolean): GuardLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const world = globalThis as { [RUNNING]?: () => void };
  world[RUNNING]?.();
  Object.defineProperty(world, RUNNING, { value: () => controller.abort(), configurable: true, writable: true });
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
