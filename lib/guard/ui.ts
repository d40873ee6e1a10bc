import type { openGuardDialog } from './dialog';
import type { createP1Note } from './note';

/**
 * What the guard shows: the P1 note and the dialog. They are built as a script of their
 * own (entrypoints/guard-ui.ts, with Preact and the styles) that is injected into the
 * content script's world only once a page has a priority field, so portal pages without
 * a form (most of them) never load or compile any of it.
 */
export interface GuardUi {
  openGuardDialog: typeof openGuardDialog;
  createP1Note: typeof createP1Note;
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
  return ui && typeof ui.openGuardDialog === 'function' && typeof ui.createP1Note === 'function' ? (ui as GuardUi) : null;
}
