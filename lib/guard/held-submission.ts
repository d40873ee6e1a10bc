import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
import type { StoppedSubmission } from '../portal/intercept';
import { focusAtEnd } from '../portal/description-input';
import { failOpen, reportGuardError } from './fail-open';
import { deepActiveElement } from './focus';
import type { GuardUi, OpenDialog } from './ui';

export interface HeldSubmissionOptions {
  doc: Document;
  config(): EffectiveConfig;
  /** The armed field, checked to be still in the page. */
  current(): PriorityControl | null;
  /** The UI if it is here; and loading it (rejects when it cannot come). */
  ui: { current(): GuardUi | null; load(): Promise<GuardUi> };
  /** Whether a submission of this control must still be asked about (read at call time). */
  shouldStop(control: PriorityControl): boolean;
  /** False once the extension is gone. */
  isValid(): boolean;
  signal: AbortSignal;
}

export interface HeldSubmission {
  /** A submission was stopped: ask the user (a later one replaces one already held). */
  stopped(stopped: StoppedSubmission): void;
  /** A submission of the ticket went ahead unstopped: the held one is dropped. */
  passed(): void;
  /** The level or the page may have changed: does the held submission still stand? */
  review(): void;
  /** The armed field left the page. */
  fieldLeft(): void;
  /** Whether a submission is held, waiting for the user's answer (or for the dialog). */
  asking(): boolean;
}

/**
 * What may happen to a stopped submission while the user decides (README, "Guarantees"):
 * it goes ahead at most once, only when the user confirms, and only if the form still shows
 * Priority 1 and is still in the page at that moment. A later submission attempt replaces it;
 * a level change drops it (and closes the dialog); if its form leaves the page or the
 * extension goes away, the dialog says plainly that nothing was submitted.
 * If the dialog cannot be shown at all, the submission goes ahead (fail open).
 */
export function holdSubmissions(options: HeldSubmissionOptions): HeldSubmission {
  const { doc, signal } = options;
  let dialog: OpenDialog | null = null;
  /** The submission waiting for the user's answer (or for the UI to arrive). */
  let held: StoppedSubmission | null = null;
  /** The dialog is changing the level itself: it closes on its own when done. */
  let changingLevel = false;
  let waitingForUi = false;

  /** Whether the held submission's form (or, without a form, its button) left the page. */
  const ticketGone = (stopped: StoppedSubmission): boolean => {
    if (!stopped.owner.isConnected) return true;
    const now = options.current();
    return !now || (stopped.control.form !== null && now.form !== stopped.control.form);
  };

  /** The held submission can no longer go ahead: say so in the dialog, or just forget it. */
  const drop = (why: 'superseded' | 'level-changed' | 'form-gone' | 'extension-gone') => {
    held = null;
    if (!dialog?.isOpen()) return;
    if (why === 'form-gone' || why === 'extension-gone') return dialog.stop(why);
    if (why === 'level-changed' && changingLevel) return; // the dialog closes itself
    const focusTarget = options.current()?.focusTarget;
    dialog.close();
    dialog = null;
    if (why === 'level-changed') focusTarget?.focus();
  };
  const review = () => {
    if (!held) return;
    if (ticketGone(held)) drop('form-gone');
    else if (options.current()?.read() !== 1) drop('level-changed');
  };
  /** The held submission, if it still stands after a last look; it is no longer held. */
  const take = (): StoppedSubmission | null => {
    const stopped = held;
    review();
    if (!stopped || held !== stopped) return null;
    held = null;
    return stopped;
  };

  /** "Submit as Priority 1": the held submission goes ahead only if it still stands. */
  const confirm = () => {
    if (!held) {
      dialog?.close();
      dialog = null;
      return;
    }
    if (!options.isValid()) return drop('extension-gone');
    const stopped = take(); // if it no longer stands, the dialog now says why, or has closed
    if (!stopped) return;
    dialog?.close();
    dialog = null;
    stopped.resume();
  };

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
        dismissed: (changed, focus) => {
          held = null;
          dialog = null;
          if (!changed && focus?.isConnected) return focusAtEnd(focus);
          const back = !changed && returnFocus?.isConnected ? returnFocus : options.current()?.focusTarget;
          back?.focus();
        },
        pageChanged: failOpen(review, undefined),
        isAlive: options.isValid,
      }, stopped.control);
    } catch (error) {
      reportGuardError(error);
      dialog?.close();
      dialog = null;
      held = null;
      stopped.resume();
    }
  };

  const ask = (stopped: StoppedSubmission) => {
    held = stopped;
    if (waitingForUi || dialog?.isOpen()) return; // the open (or coming) dialog answers for it
    dialog = null;
    const returnFocus = deepActiveElement(doc);
    const ui = options.ui.current();
    if (ui) return openDialog(ui, stopped, returnFocus);
    waitingForUi = true;
    const release = () => take()?.resume(); // fail open: no dialog can come
    options.ui.load().then(
      (loaded) => {
        waitingForUi = false;
        // Things may have changed while it loaded (tens of milliseconds, at most seconds).
        const latest = held;
        if (!latest) return; // dropped, or replaced by a submission that went ahead
        if (signal.aborted || !options.isValid() || !options.shouldStop(latest.control)) return release();
        review();
        if (held === latest) openDialog(loaded, latest, returnFocus);
      },
      () => {
        waitingForUi = false;
        release();
      },
    );
  };

  signal.addEventListener('abort', () => {
    const stopped = held;
    held = null;
    if (dialog?.isOpen()) dialog.stop('extension-gone');
    // Not asked yet (the UI was still loading): the form works as if the guard were not there.
    else if (stopped?.owner.isConnected && stopped.control.read() === 1) stopped.resume();
  });

  return {
    stopped(stopped) {
      try {
        ask(stopped);
      } catch (error) {
        reportGuardError(error);
        waitingForUi = false;
        held = null;
        stopped.resume();
      }
    },
    passed() {
      if (held) drop('superseded');
    },
    review,
    fieldLeft() {
      if (held && !held.owner.isConnected) drop('form-gone');
    },
    asking: () => held !== null,
  };
}
