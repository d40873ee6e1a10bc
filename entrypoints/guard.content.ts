import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_CONFIG, type EffectiveConfig } from '../lib/config/effective';
import { loadEffectiveConfig, onEffectiveConfigChanged } from '../lib/config/load';
import { portalForUrl } from '../lib/config/portal-for-url';
import { reportGuardError } from '../lib/guard/fail-open';
import { startGuard } from '../lib/guard/guard';
import { createGuardUiLoader } from '../lib/guard/load-ui';
import { listenForPopup } from '../lib/guard/popup-bridge';
import type { InjectUiRequest } from '../lib/messages';
import { DEFAULT_PORTAL_MATCHES } from '../lib/portal/default-portals';
import { profileFor, type PortalProfile } from '../lib/portal/profiles';

export default defineContentScript({
  matches: [...DEFAULT_PORTAL_MATCHES],
  // Early, so our capture listeners on window run before any the portal adds there.
  runAt: 'document_start',
  main(ctx) {
    try {
      let config = DEFAULT_CONFIG;
      let profile: { config: EffectiveConfig; href: string; value: PortalProfile } | undefined;
      void loadEffectiveConfig().then((report) => (config = report.config));
      ctx.onInvalidated(onEffectiveConfigChanged((report) => (config = report.config)));
      const guard = startGuard({
        doc: document,
        profile: () => {
          // Scans can be frequent while no form is found: match patterns only when something changed.
          if (profile?.config !== config || profile.href !== location.href) {
            const portal = portalForUrl(config.portals, location.href);
            profile = { config, href: location.href, value: profileFor(location.host, portal) };
          }
          return profile.value;
        },
        config: () => config,
        ui: createGuardUiLoader(() => browser.runtime.sendMessage({ type: 'inject-guard-ui' } satisfies InjectUiRequest)),
        signal: ctx.signal,
        isValid: () => ctx.isValid,
      });
      listenForPopup({ control: guard.control, signal: ctx.signal });
    } catch (error) {
      reportGuardError(error);
    }
  },
});
