import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_CONFIG } from '../lib/config/effective';
import { loadEffectiveConfig, onEffectiveConfigChanged } from '../lib/config/load';
import { reportGuardError } from '../lib/guard/fail-open';
import { startGuard } from '../lib/guard/guard';
import { DEFAULT_PORTAL_MATCHES } from '../lib/portal/default-portals';
import { profileForHost } from '../lib/portal/profiles';

export default defineContentScript({
  matches: [...DEFAULT_PORTAL_MATCHES],
  // Early, so our capture listeners on window run before any the portal adds there.
  runAt: 'document_start',
  main(ctx) {
    try {
      let config = DEFAULT_CONFIG;
      void loadEffectiveConfig().then((report) => (config = report.config));
      ctx.onInvalidated(onEffectiveConfigChanged((report) => (config = report.config)));
      startGuard({
        doc: document,
        profile: profileForHost(location.host),
        config: () => config,
        signal: ctx.signal,
        isValid: () => ctx.isValid,
      });
    } catch (error) {
      reportGuardError(error);
    }
  },
});
