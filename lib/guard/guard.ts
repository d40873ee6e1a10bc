import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
import { interceptSubmissions, type StoppedSubmission } from '../portal/intercept';
import { watchForControl, type PortalLookup } from '../portal/watch-for-control';
import { failOpen, reportGuardError } from './fail-open';
import { deepActiveElement } from './focus';
import type { GuardUiLoader } from './load-ui';
import type { GuardUi, OpenDialog, P1Note } from './ui';

export interface GuardOptions {
  doc: Document;
  /** Which portal this is; its profile is read whenever the guard looks for the field. */
  portal: PortalLookup;
  /** Read when needed (a field found, a submission stopped): it may arrive or change later. */
  config(): EffectiveConfig;
  /** The note and dialog, injected once a field is found (lib/guard/ui.ts). */
  ui: GuardUiLoader;
  /** Aborted when the extension is updated or unloaded: everything the guard added goes. */
  signal: AbortSignal;
  /** False once the extension context is gone (checked before ever stopping a submission). */
  isValid(): boolean;
}

/** What the page shows tests and support staff: whether the guard found the field. */
function markState(doc: Document, state: 'idle' | 'armed' | null) {
  if (state) doc.documentElement.setAttribute('data-priority-guard', state);
  else doc.documentElement.removeAttribute('data-priority-guard');
}

/** Elements a previous copy of the guard left behind when it was unloaded without warning. */
const LEFTOVERS = 'priority-guard-dialog, priority-guard-note';

/**
 * Finds the priority field, shows the P1 note, and stops an unconsidered P1 submission.
 *
 * A stopped submission is "held" until the user answers. What may happen to it (README,
 * "Guarantees"): it goes ahead at most once, only when the user confirms, and only if the
 * form still shows Priority 1 and is still in the page at that moment. A later submission
 * attempt replaces it; a level change drops it (and closes the dialog); if its form leaves
 * the page or the extension goes away, the dialog says plainly that nothing was submitted.
 */
export function startGuard(options: GuardOptions): {
  control(): PriorityControl | null;
  /** Whether a P1 submission is held, waiting for the user's answer (or for the dialog). */
  asking(): boolean;
  /** The configuration changed (or arrived): re-arm if it finds the field differently, refresh the note. */
  configChanged(): void;
} {
  const { doc, signal } = options;
  // Firefox unloads an updated extension's content script without running any of its code,
  // then injects the new one into open tabs: a dead note, or a dead modal dialog, may be here.
  // An open dead dialog stays until the user closes it ("Back to form" and Escape work
  // natively), now saying at once that nothing was submitted (guard.css, "extension-gone").
  for (const leftover of doc.querySelectorAll(LEFTOVERS)) {
    const deadDialog = leftover.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]');
    if (!deadDialog) {
      leftover.remove();
      continue;
    }
    deadDialog.dataset.state = 'extension-gone';
    deadDialog.addEventListener('close', () => leftover.remove(), { once: true });
  }
  let dialog: OpenDialog | null = null;
  /** The submission waiting for the user's answer (or for the UI to arrive). */
  let held: StoppedSubmission | null = null;
  /** The dialog is changing the level itself: it closes on its own when done. */
  let changingLevel = false;
  /** The UI could not be loaded: from then on the guard stops nothing on this page. */
  let uiUnavailable = false;
  let disarm: (() => void) | null = null;
  let refreshArmed: (() => void) | null = null;
  /** Loads the note and dialog (once); a failure makes the guard step aside for good. */
  const loadUi = (): Promise<GuardUi> =>
    options.ui.load().catch((error: unknown) => {
      uiUnavailable = true;
      reportGuardError(error);
      throw error;
    });

  /** Whether the held submission's form (or, without a form, its button) left the page. */
  const ticketGone = (stopped: StoppedSubmission): boolean => {
    if (!stopped.owner.isConnected) return true;
    const now = watcher.current();
    return !now || (stopped.control.form !== null && now.form !== stopped.control.form);
  };
  /** The level the held submission's form shows now. */
  const levelNow = (): number | null => watcher.current()?.read() ?? null;

  /** The held submission can no longer go ahead: say so in the dialog, or just forget it. */
  const dropHeld = (why: 'superseded' | 'level-changed' | 'form-gone' | 'extension-gone') => {
    held = null;
    if (!dialog?.isOpen()) return;
    if (why === 'form-gone' || why === 'extension-gone') return dialog.stop(why);
    if (why === 'level-changed' && changingLevel) return; // the dialog closes itself
    const focusTarget = watcher.current()?.focusTarget;
    dialog.close();
    dialog = null;
    if (why === 'level-changed') focusTarget?.focus();
  };
  /** Something changed (the level, the page): does the held submission still stand? */
  const reviewHeld = () => {
    if (!held) return;
    if (ticketGone(held)) dropHeld('form-gone');
    else if (levelNow() !== 1) dropHeld('level-changed');
  };

  const arm = (control: PriorityControl) => {
    let note: P1Note | null = null;
    let armed = true;
    const refreshNote = failOpen(() => {
      reviewHeld();
      const { guardMode, definitions } = options.config();
      if (guardMode === 'off' || control.read() !== 1) return note?.hide();
      const ui = options.ui.current();
      if (!ui) {
        if (!uiUnavailable) loadUi().then(() => armed && refreshNote(), () => undefined);
        return;
      }
      note ??= ui.createP1Note(control.field);
      note.show(definitions, guardMode === 'dialog');
    }, undefined);
    refreshArmed = refreshNote;
    const stopWatching = control.watch(refreshNote);
    refreshNote();
    markState(doc, 'armed');
    // Fetch the UI now, so it is here before the user can ask for it.
    if (options.config().guardMode !== 'off' && !uiUnavailable) loadUi().catch(() => undefined);
    disarm = () => {
      armed = false;
      refreshArmed = null;
      stopWatching();
      note?.hide();
      markState(doc, signal.aborted ? null : 'idle');
    };
  };

  markState(doc, 'idle'); // nothing is armed yet: the watcher looks later, or when asked
  const watcher = watchForControl(
    doc,
    options.portal,
    {
      onArmed: failOpen(arm, undefined),
      onDisarmed: () => {
        // Cleared first: disarming may move focus, and the watcher may then arm a new field.
        const disarmed = disarm;
        disarm = null;
        disarmed?.();
        if (held && !held.owner.isConnected) dropHeld('form-gone');
      },
      onError: reportGuardError,
    },
    signal,
  );

  /** "Submit as Priority 1": the held submission goes ahead only if it still stands. */
  const confirm = () => {
    const stopped = held;
    if (!stopped) return dialog?.close();
    if (!options.isValid()) return dropHeld('extension-gone');
    reviewHeld();
    if (held !== stopped) return;
    held = null;
    dialog?.close();
    dialog = null;
    stopped.resume();
  };

  /** The dialog for the held submission; if it cannot be shown, the submission goes ahead. */
  const openDialog = (ui: GuardUi, stopped: StoppedSubmission, returnFocus: HTMLElement | null) => {
    try {
      dialog = ui.openGuardDialog(doc, options.config(), {
        confirm,
        changeLevel: async (level) => {
          changingLevel = true;
          try {
            return await stopped.control.set(level);
          } catch (error) {
            reportGuardError(error);
            return false;
          } finally {
            changingLevel = false;
          }
        },
        dismissed: (changed) => {
          held = null;
          dialog = null;
          const now = watcher.current();
          const back = !changed && returnFocus?.isConnected ? returnFocus : now?.focusTarget;
          back?.focus();
        },
        pageChanged: failOpen(reviewHeld, undefined),
        isAlive: options.isValid,
      });
    } catch (error) {
      reportGuardError(error);
      dialog?.close();
      dialog = null;
      held = null;
      stopped.resume();
    }
  };

  /** Fail open: the UI is not here and cannot come; the latest held P1 goes ahead if it still stands. */
  const releaseHeld = () => {
    const stopped = held;
    if (!stopped) return;
    reviewHeld();
    if (held !== stopped) return;
    held = null;
    stopped.resume();
  };

  let waitingForUi = false;
  const showDialog = (stopped: StoppedSubmission) => {
    // A later attempt replaces the held one; an open dialog now answers for it.
    held = stopped;
    if (waitingForUi || dialog?.isOpen()) return;
    dialog = null;
    const returnFocus = deepActiveElement(doc);
    const ui = options.ui.current();
    if (ui) return openDialog(ui, stopped, returnFocus);
    waitingForUi = true;
    loadUi().then(
      (loaded) => {
        waitingForUi = false;
        // Things may have changed while it loaded (tens of milliseconds, at most seconds).
        const latest = held;
        if (!latest) return; // replaced by a submission that went ahead, or dropped
        if (signal.aborted || !options.isValid() || !shouldStop(latest.control)) return releaseHeld();
        reviewHeld();
        if (held === latest) openDialog(loaded, latest, returnFocus);
      },
      () => {
        waitingForUi = false;
        releaseHeld();
      },
    );
  };

  const shouldStop = failOpen(
    (control: PriorityControl) =>
      !uiUnavailable && options.isValid() && options.config().guardMode === 'dialog' && control.read() === 1,
    false,
  );

  interceptSubmissions({
    control: watcher.current,
    isOwnUi: (target) => options.ui.current()?.isOwnElement(target) ?? false,
    shouldStop,
    onStopped: (stopped) => {
      try {
        showDialog(stopped);
      } catch (error) {
        reportGuardError(error);
        waitingForUi = false;
        held = null;
        stopped.resume();
      }
    },
    onPassed: () => {
      if (held) dropHeld('superseded');
    },
    signal,
  });

  signal.addEventListener('abort', () => {
    markState(doc, null);
    const stopped = held;
    held = null;
    if (dialog?.isOpen()) dialog.stop('extension-gone');
    // Not asked yet (the UI was still loading): the form works as if the guard were not there.
    else if (stopped?.owner.isConnected && stopped.control.read() === 1) stopped.resume();
  });
  return {
    control: watcher.current,
    asking: () => held !== null,
    configChanged: () => {
      watcher.reconsider(); // lets go of a field that left the page, or that the new profile finds differently
      if (refreshArmed) refreshArmed();
      else watcher.rescan();
    },
  };
}
