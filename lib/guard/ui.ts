import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
import type { Level, LevelDefinition } from '../rules';
import type { EssentialResult } from '../rules/readiness/types';

/** What the dialog asks of the guard. Every call comes from a real (trusted) user event. */
export interface DialogActions {
  /** "Submit as Priority 1": the guard decides whether the held submission can go ahead. */
  confirm(): void;
  /** The user chose another level; resolves false when the field could not be set. */
  changeLevel(level: Level): Promise<boolean>;
  /**
   * The dialog closed without submitting; focus goes back where it was, or, when the dialog
   * names `focus` (the description of a ticket that lacks something), to the end of it.
   */
  dismissed(changed: boolean, focus?: HTMLElement): void;
  /** The page's DOM changed while the dialog is open (the form may have left the page). */
  pageChanged(): void;
  /** False once this copy of the guard is cut off from the extension (asked once a second). */
  isAlive(): boolean;
}

/** Why the dialog can no longer submit: its form left the page, or the guard was cut off. */
export type DialogStopReason = 'form-gone' | 'extension-gone';

export interface OpenDialog {
  close(): void;
  /** False once closed. */
  isOpen(): boolean;
  /** Tells the user plainly that nothing was submitted, and offers only "Back to form". */
  stop(reason: DialogStopReason): void;
}

export interface P1Note {
  show(definitions: readonly LevelDefinition[], asksBeforeSubmit: boolean): void;
  hide(): void;
}

/**
 * What the guard shows: the P1 note and the dialog. They are built as a script of their
 * own (entrypoints/guard-ui/, with Preact and the styles) that is injected into the
 * content script's world only once a page has a priority field, so portal pages without
 * a form (most of them) never load or compile any of it.
 */
export interface GuardUi {
  /** The P1 check for a submission of `control`'s ticket (whose form the dialog reads, locally). */
  openGuardDialog(doc: Document, config: EffectiveConfig, actions: DialogActions, control: PriorityControl): OpenDialog;
  createP1Note(field: Element): P1Note;
  /** What `control`'s ticket tells Support now, read from its form locally and judged; nothing kept. */
  readReadiness(control: PriorityControl, config: EffectiveConfig): EssentialResult[];
  /** Whether node is (inside) one of the elements this UI made: events from them are never the page's. */
  isOwnElement(node: EventTarget): boolean;
}

/**
 * Where the injected script leaves the UI: an own property of the extension's isolated
 * world's global, under a registered symbol. The page cannot set it: a page's element ids
 * show up on `window` as named properties, never as own symbol-keyed properties.
 */
const HANDOFF = Symbol.for('priority-guard.ui');

export function provideGuardUi(ui: GuardUi): void {
  Object.defineProperty(globalThis, HANDOFF, { value: Object.freeze({ ...ui }), configurable: true });
}

/** The UI if the injected script has run in this world, else null. */
export function injectedGuardUi(): GuardUi | null {
  const ui = Object.getOwnPropertyDescriptor(globalThis, HANDOFF)?.value as Partial<GuardUi> | undefined;
  return ui &&
    typeof ui.openGuardDialog === 'function' &&
    typeof ui.createP1Note === 'function' &&
    typeof ui.isOwnElement === 'function' &&
    typeof ui.readReadiness === 'function'
    ? (ui as GuardUi)
    : null;
}
