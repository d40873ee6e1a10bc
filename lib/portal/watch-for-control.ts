import type { PriorityControl } from './control';
import { openShadowRoots } from './dom';
import { CANDIDATE_SELECTOR, findPriorityControl } from './find-control';
import { sameProfile, type PortalProfile } from './profiles';

export interface ControlWatcherEvents {
  onArmed(control: PriorityControl): void;
  onDisarmed(control: PriorityControl): void;
  /** A scan threw: the page stays unguarded rather than broken. */
  onError(error: unknown): void;
}

/** What the watcher needs to know about the page's portal. */
export interface PortalLookup {
  /** Fields may be in open shadow roots: every scan must look (from the host, known at once). */
  shadowDom: boolean;
  /**
   * The full profile, with the configuration's selector and labels. Asked only when the
   * page has an element that could be a field (the configuration may arrive or change later).
   */
  profile(): PortalProfile;
}

/** Scans closer together than this are put off to the next frame: DOM floods cost one scan a frame. */
const MIN_SCAN_GAP_MS = 16;

/** The element itself is gone, or the field, or the form: a re-render or a new form. */
function isGone(control: PriorityControl): boolean {
  return !control.focusTarget.isConnected || !control.field.isConnected || control.form?.isConnected === false;
}

/**
 * Finds the priority field once the page is parsed, and again whenever the page changes
 * (late rendering, single-page navigation, a form replaced by another); notices when it goes away.
 * While the parser is still adding the page nothing is searched for: the first look is at
 * DOMContentLoaded, or earlier when someone asks for the field (`current()`: a submission,
 * the popup), so most portal pages, which have no form, cost one look. Every adapter starts
 * from a candidate element (CANDIDATE_SELECTOR), so where fields are in the light DOM a page
 * without one is not looked at further, and its profile (the configuration) is not asked for.
 * After that, while searching it watches the whole document (and open shadow roots where
 * the profile says so).
 *
 * Once armed, the watcher watches no DOM change (the adapter may still watch the field itself
 * for its level; a native select it follows by its events alone): a MutationObserver on the
 * field's ancestors would be called on every change anywhere below them, and in Firefox that
 * alone made a page that re-renders often 3–5 % slower (docs/performance.md, row 6). Instead:
 * - a ResizeObserver on the element that takes focus, the field's wrapper and the form
 *   reports, at the next frame, that one of them changed size, e.g. stopped being drawn
 *   because it was removed (not for an element never drawn, nor in a background tab);
 * - when focus moves, and whenever someone asks for the field (`current()`: every click and
 *   submission, the popup, a configuration change), the watcher checks it is still in the page.
 * So a field that leaves the page is let go within a frame, or at the latest before the user
 * can act on the form that replaced it. A field hidden but still in the page stays armed.
 */
export function watchForControl(
  doc: Document,
  portal: PortalLookup,
  events: ControlWatcherEvents,
  signal: AbortSignal,
): {
  /** The armed field; while the page is still loading, looks for it first. */
  current(): PriorityControl | null;
  /** Looks again if nothing is armed (the profile may have changed); not while the page loads. */
  rescan(): void;
  /**
   * The configuration changed: lets go of the armed field if it left the page, or if the
   * profile it was found with (selector, labels) is no longer the one in force, and looks again.
   */
  reconsider(): void;
} {
  let control: PriorityControl | null = null;
  /** The profile the armed field was found with: its selector and labels decide its levels. */
  let armedWith: PortalProfile | null = null;
  let scheduled = false;
  let lastScan = -Infinity;
  let searchedRoots = new WeakSet<Node>();

  /** What an added element must be or hold to be worth a scan; the profile's selector once known. */
  let wanted = CANDIDATE_SELECTOR;
  /** Whether a batch added an element that is, or holds, a possible field. */
  const mayBringField = (records: MutationRecord[]): boolean =>
    records.some((record) =>
      [...record.addedNodes].some(
        (node) =>
          node.nodeType === Node.ELEMENT_NODE &&
          // Shadow-DOM portals render fields into shadow roots no selector reaches: any element counts.
          (portal.shadowDom || (node as Element).matches(wanted) || (node as Element).querySelector(wanted) !== null),
      ),
    );
  const search = new MutationObserver((records) => {
    if (scheduled || control) return;
    try {
      if (mayBringField(records)) schedule();
    } catch {
      // An admin's selector that does not parse: scan anyway, the scan steps over it.
      schedule();
    }
  });
  const searchIn = (root: Node) => {
    if (searchedRoots.has(root)) return;
    searchedRoots.add(root);
    search.observe(root, { childList: true, subtree: true });
  };
  const startSearching = () => {
    searchedRoots = new WeakSet();
    searchIn(doc);
  };

  /** Lets go of the armed field if it left the page (or `force`); true if it did (searching again then). */
  const letGoIfGone = (force = false): boolean => {
    if (!control || !(force || isGone(control))) return false;
    const gone = control;
    control = null;
    leaving?.disconnect();
    if (doc.readyState !== 'loading') startSearching(); // else DOMContentLoaded starts it
    try {
      events.onDisarmed(gone);
    } catch (error) {
      events.onError(error);
    }
    return true;
  };
  /** What notices a field leaving, made on the first arm: pages without a field never pay for it. */
  let leaving: ResizeObserver | null = null;
  const noticeLeaving = (): ResizeObserver => {
    // Focus reaching a new form's field (a hidden form was swapped, which the ResizeObserver
    // cannot see): arm on it before the user changes anything.
    doc.addEventListener(
      'focusin',
      () => {
        if (letGoIfGone()) scan();
      },
      { capture: true, signal },
    );
    return new ResizeObserver(() => {
      if (letGoIfGone()) schedule();
    });
  };
  const arm = (found: PriorityControl, profile: PortalProfile) => {
    control = found;
    armedWith = profile;
    search.disconnect();
    leaving ??= noticeLeaving();
    // Whichever of these is drawn; border-box, so that a 1-pixel visually hidden select counts.
    for (const element of new Set([found.focusTarget, found.field, found.form])) {
      if (element) leaving.observe(element, { box: 'border-box' });
    }
    events.onArmed(found);
  };

  const scan = () => {
    scheduled = false;
    lastScan = performance.now();
    if (signal.aborted || control) return;
    try {
      if (!portal.shadowDom && doc.querySelector(CANDIDATE_SELECTOR) === null) return;
      const profile = portal.profile();
      wanted = profile.fieldSelector ? `${profile.fieldSelector}, ${CANDIDATE_SELECTOR}` : CANDIDATE_SELECTOR;
      const found = findPriorityControl(doc, profile);
      if (found) arm(found, profile);
      else if (portal.shadowDom) for (const root of openShadowRoots(doc)) searchIn(root);
    } catch (error) {
      events.onError(error);
    }
  };

  function schedule() {
    if (scheduled || control) return;
    scheduled = true;
    if (performance.now() - lastScan >= MIN_SCAN_GAP_MS) queueMicrotask(scan);
    else requestAnimationFrame(scan);
  }

  // The first look comes before any observing: a field found then means the document is
  // never observed (in Firefox, observing any node makes every later DOM change dearer).
  const begin = () => {
    if (control || signal.aborted) return; // armed while loading (asked for), or already stopped
    scan();
    if (!control && !signal.aborted) startSearching();
  };
  signal.addEventListener('abort', () => {
    search.disconnect();
    leaving?.disconnect();
    if (control) events.onDisarmed(control);
    control = null;
  });
  /** The armed field, checked to be still in the page; if it is not, or while loading, looks now. */
  const current = (): PriorityControl | null => {
    if (letGoIfGone() || (!control && !signal.aborted && doc.readyState === 'loading')) scan();
    return control;
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', begin, { once: true, signal });
  else begin();
  return {
    current,
    rescan() {
      if (doc.readyState !== 'loading') schedule();
    },
    reconsider() {
      if (letGoIfGone()) return void scan();
      if (!control || !armedWith) return;
      let changed: boolean;
      try {
        changed = !sameProfile(armedWith, portal.profile());
      } catch (error) {
        events.onError(error);
        return;
      }
      if (changed && letGoIfGone(true)) scan();
    },
  };
}
