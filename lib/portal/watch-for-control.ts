import type { PriorityControl } from './control';
import { openShadowRoots } from './dom';
import { findPriorityControl } from './find-control';
import type { PortalProfile } from './profiles';

export interface ControlWatcherEvents {
  onArmed(control: PriorityControl): void;
  onDisarmed(control: PriorityControl): void;
  /** A scan threw: the page stays unguarded rather than broken. */
  onError(error: unknown): void;
}

/** Scans closer together than this are put off to the next frame: DOM floods cost one scan a frame. */
const MIN_SCAN_GAP_MS = 16;

/**
 * Finds the priority field now and whenever the page changes (late rendering, single-page
 * navigation, a form replaced by another), and notices when it goes away. While a field is
 * armed, a DOM change costs one isConnected check.
 */
export function watchForControl(
  doc: Document,
  /** Read at every scan: the configuration may arrive or change after start. */
  profile: () => PortalProfile,
  events: ControlWatcherEvents,
  signal: AbortSignal,
): { current(): PriorityControl | null } {
  let control: PriorityControl | null = null;
  let scheduled = false;
  let lastScan = -Infinity;
  const observedRoots = new WeakSet<Node>();

  const scan = () => {
    scheduled = false;
    lastScan = performance.now();
    if (signal.aborted || control) return;
    try {
      const current = profile();
      if (current.shadowDom) for (const root of openShadowRoots(doc)) observe(root);
      const found = findPriorityControl(doc, current);
      if (found) {
        control = found;
        events.onArmed(found);
      }
    } catch (error) {
      events.onError(error);
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (performance.now() - lastScan >= MIN_SCAN_GAP_MS) queueMicrotask(scan);
    else requestAnimationFrame(scan);
  };

  const onMutations = () => {
    if (control) {
      if (control.field.isConnected && (control.form?.isConnected ?? true)) return;
      const gone = control;
      control = null;
      events.onDisarmed(gone);
    }
    schedule();
  };

  const observer = new MutationObserver(onMutations);
  function observe(root: Node) {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  observe(doc);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (control) events.onDisarmed(control);
    control = null;
  });
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', schedule, { once: true, signal });
  } else {
    schedule();
  }
  return { current: () => control };
}
