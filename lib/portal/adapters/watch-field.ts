export interface WatchFieldOptions {
  /**
   * Also watch the targets' DOM (attributes, text, children) with a MutationObserver: for
   * widgets whose value changes without an event (React writing an attribute). Off, only
   * `change` and `input` events are listened to, and nothing in the page is observed: in
   * Firefox, once any node of a document is observed, every later DOM change in it costs more
   * (docs/performance.md, row 6).
   */
  mutations?: boolean;
}

/**
 * Calls onChange (at most once per microtask) when anything in `targets` changes:
 * change/input events and, unless turned off, attributes, text or children. Returns a stop function.
 */
export function watchField(targets: readonly Node[], onChange: () => void, { mutations = true }: WatchFieldOptions = {}): () => void {
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      onChange();
    });
  };
  const observer = mutations ? new MutationObserver(notify) : null;
  for (const target of targets) {
    observer?.observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
    target.addEventListener('change', notify, true);
    target.addEventListener('input', notify, true);
  }
  return () => {
    observer?.disconnect();
    for (const target of targets) {
      target.removeEventListener('change', notify, true);
      target.removeEventListener('input', notify, true);
    }
  };
}
