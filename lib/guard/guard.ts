import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
import type { EssentialResult } from '../rules/readiness/types';
import { interceptSubmissions } from '../portal/intercept';
import { watchForControl, type PortalLookup } from '../portal/watch-for-control';
import { failOpen, reportGuardError } from './fail-open';
import { holdSubmissions } from './held-submission';
import type { GuardUiLoader } from './load-ui';
import type { GuardUi, P1Note } from './ui';

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
 * Finds the priority field, shows the P1 note, and stops an unconsidered P1 submission
 * (what then happens to it: ./held-submission.ts).
 */
export function startGuard(options: GuardOptions): {
  control(): PriorityControl | null;
  /** Whether a P1 submission is held, waiting for the user's answer (or for the dialog). */
  asking(): boolean;
  /** The configuration changed (or arrived): re-arm if it finds the field differently, refresh the note. */
  configChanged(): void;
  /**
   * What the armed field's ticket tells Support, read from its form now (the UI script does the
   * reading, and is loaded for it); null when no field is armed. Nothing read is kept.
   */
  readiness(): Promise<EssentialResult[] | null>;
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

  const shouldStop = failOpen(
    (control: PriorityControl) =>
      !uiUnavailable && options.isValid() && options.config().guardMode === 'dialog' && control.read() === 1,
    false,
  );

  const held = holdSubmissions({
    doc,
    config: options.config,
    current: () => watcher.current(),
    ui: { current: options.ui.current, load: loadUi },
    shouldStop,
    isValid: options.isValid,
    signal,
  });

  const arm = (control: PriorityControl) => {
    let note: P1Note | null = null;
    let armed = true;
    const refreshNote = failOpen(() => {
      if (!options.isValid()) return; // an orphaned copy: ending it took the note away
      held.review();
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
        held.fieldLeft();
      },
      onError: reportGuardError,
    },
    signal,
  );

  interceptSubmissions({
    control: watcher.current,
    isOwnUi: (target) => options.ui.current()?.isOwnElement(target) ?? false,
    shouldStop,
    onStopped: held.stopped,
    onPassed: held.passed,
    signal,
  });

  signal.addEventListener('abort', () => markState(doc, null));
  return {
    control: watcher.current,
    asking: held.asking,
    configChanged: () => {
      watcher.reconsider(); // lets go of a field that left the page, or that the new profile finds differently
      if (refreshArmed) refreshArmed();
      else watcher.rescan();
    },
    readiness: async () => {
      const control = watcher.current();
      if (!control) return null;
      // Not loadUi(): a popup's question failing must not make the guard step aside.
      const ui = await options.ui.load();
      return ui.readReadiness(control, options.config());
    },
  };
}
