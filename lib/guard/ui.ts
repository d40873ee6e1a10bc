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

/** Where the injected script leaves the UI: a global of the extension's isolated world, never the page's. */
const HANDOFF = '__priorityGuardUi';

type Handoff = { [HANDOFF]?: GuardUi };

export function provideGuardUi(ui: GuardUi): void {
  (globalThis as Handoff)[HANDOFF] = ui;
}

/** The UI if the injected script has run in this world, else null. */
export function injectedGuardUi(): GuardUi | null {
  const ui = (globalThis as Handoff)[HANDOFF];
  return ui && typeof ui.openGuardDialog === 'function' && typeof ui.createP1Note === 'function' ? ui : null;
}
