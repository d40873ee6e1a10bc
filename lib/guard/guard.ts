import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
import { interceptSubmissions, type StoppedSubmission } from '../portal/intercept';
import { watchForControl, type PortalLookup } from '../portal/watch-for-control';
import type { OpenDialog } from './dialog';
import { failOpen, reportGuardError } from './fail-open';
import { deepActiveElement } from './focus';
import type { GuardUiLoader } from './load-ui';
import type { GuardUi } from './ui';

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

/** Finds the priority field, shows the P1 note, and stops an unconsidered P1 submission. */
export function startGuard(options: GuardOptions): {
  control(): PriorityControl | null;
  /** The configuration changed (or arrived): show the note accordingly, or look for the field again. */
  configChanged(): void;
} {
  const { doc, signal } = options;
  // Firefox unloads an updated extension's content script without running any of its code,
  // then injects the new one into open tabs: a dead note, or a dead modal dialog, may be here.
  for (const leftover of doc.querySelectorAll(LEFTOVERS)) leftover.remove();
  let dialog: OpenDialog | null = null;
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

  const arm = (control: PriorityControl) => {
    let note: ReturnType<GuardUi['createP1Note']> | null = null;
    let armed = true;
    const refreshNote = failOpen(() => {
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
      dialog?.close();
      dialog = null;
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
      },
      onError: reportGuardError,
    },
    signal,
  );

  /** The dialog for a stopped submission; if it cannot be shown, the submission goes ahead. */
  const openDialog = (ui: GuardUi, stopped: StoppedSubmission, returnFocus: HTMLElement | null) => {
    try {
      dialog = ui.openGuardDialog(doc, options.config(), {
        confirm: () => {
          dialog = null;
          stopped.resume();
        },
        changeLevel: async (level) => {
          try {
            return await stopped.control.set(level);
          } catch (error) {
            reportGuardError(error);
            return false;
          }
        },
        dismissed: (changed) => {
          dialog = null;
          (changed ? stopped.control.focusTarget : (returnFocus ?? stopped.control.focusTarget))?.focus();
        },
      });
    } catch (error) {
      reportGuardError(error);
      dialog?.close();
      dialog = null;
      stopped.resume();
    }
  };

  let waitingForUi = false;
  const showDialog = (stopped: StoppedSubmission) => {
    // One dialog at a time: a second attempt meanwhile (a double click) is dropped, as it
    // would be against the open modal dialog; the first one is being answered.
    if (waitingForUi || dialog?.isOpen()) return;
    dialog?.close();
    dialog = null;
    const returnFocus = deepActiveElement(doc);
    const ui = options.ui.current();
    if (ui) return openDialog(ui, stopped, returnFocus);
    waitingForUi = true;
    loadUi().then(
      (loaded) => {
        waitingForUi = false;
        // Things may have changed while it loaded (tens of milliseconds, at most seconds).
        if (watcher.current() !== stopped.control && !signal.aborted) return; // that form is gone
        if (signal.aborted || !options.isValid() || !shouldStop(stopped.control)) return stopped.resume();
        openDialog(loaded, stopped, returnFocus);
      },
      () => {
        waitingForUi = false;
        stopped.resume();
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
    shouldStop,
    onStopped: (stopped) => {
      try {
        showDialog(stopped);
      } catch (error) {
        reportGuardError(error);
        waitingForUi = false;
        stopped.resume();
      }
    },
    signal,
  });

  signal.addEventListener('abort', () => markState(doc, null));
  return {
    control: watcher.current,
    configChanged: () => {
      watcher.current(); // lets go of a field that left the page, so the new one is looked for
      if (refreshArmed) refreshArmed();
      else watcher.rescan();
    },
  };
}
