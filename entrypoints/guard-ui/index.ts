import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideGuardUi } from '../../lib/guard/ui';
import { openGuardDialog } from './dialog';
import { createP1Note } from './note';
import { readReadiness } from './readiness';
import { isOwnHost } from './shadow-host';

// Injected by the background into a portal page's content-script world when the guard
// has found a priority field (lib/guard/load-ui.ts asks for it). Returns nothing:
// executeScript would try to send a return value back.
export default defineUnlistedScript((): void => {
  provideGuardUi({ openGuardDialog, createP1Note, isOwnElement: isOwnHost, readReadiness });
});
