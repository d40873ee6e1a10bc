/**
 * Calls onChange (at most once per microtask) when anything in `targets` changes:
 * change/input events, attributes, text or children. Returns a stop function.
 */
export function watchField(targets: readonly Node[], onChange: () => void): () => void {
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      onChange();
    });
  };
  const observer = new MutationObserver(notify);
  for (const target of targets) {
    observer.observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
    target.addEventListener('change', notify, true);
    target.addEventListener('input', notify, true);
  }
  return () => {
    observer.disconnect();
    for (const target of targets) {
      target.removeEventListener('change', notify, true);
      target.removeEventListener('input', notify, true);
    }
  };
}
