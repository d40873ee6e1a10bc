import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { uiLocale } from '../components/i18n';
import { localizedConfig } from '../lib/config/config-for-locale';
import type { EffectiveConfig } from '../lib/config/effective';
import { lazyConfig } from '../lib/config/lazy-config';
import { loadEffectiveConfig, onEffectiveConfigChanged } from '../lib/config/load';
import { portalForUrl } from '../lib/config/portal-for-url';
import { reportGuardError } from '../lib/guard/fail-open';
import { startGuard } from '../lib/guard/guard';
import { extensionAlive, startLifetime } from '../lib/guard/lifetime';
import { createGuardUiLoader } from '../lib/guard/load-ui';
import { listenForPopup } from '../lib/guard/popup-bridge';
import type { InjectUiRequest } from '../lib/messages';
import { profileFor, profileForHost, type PortalProfile } from '../lib/portal/profiles';

// The content script. It is listed in the manifest by wxt.config.ts (the default portals,
// at document_start) and registered at run time for other portals (lib/config/portal-scripts.ts).
// It is an unlisted script rather than a WXT content script because WXT's wrapper costs
// as much at every page load as all of the guard's own start-up (docs/performance.md, row 3).
export default defineUnlistedScript((): void => {
  try {
    const { signal, isValid } = startLifetime(() => extensionAlive(() => browser.runtime));
    const stored = lazyConfig(
      { read: loadEffectiveConfig, watch: onEffectiveConfigChanged },
      () => guard.configChanged(),
      signal,
    );
    // The guard, its dialog and note, and what it tells the popup all speak the UI language.
    const config = localizedConfig(stored, uiLocale);
    let profile: { config: EffectiveConfig; href: string; value: PortalProfile } | undefined;
    const guard = startGuard({
      doc: document,
      portal: {
        shadowDom: profileForHost(location.host).shadowDom,
        profile: () => {
          // Scans can be frequent while no form is found: match patterns only when something changed.
          const current = config();
          if (profile?.config !== current || profile.href !== location.href) {
            const portal = portalForUrl(current.portals, location.href);
            profile = { config: current, href: location.href, value: profileFor(location.host, portal) };
          }
          return profile.value;
        },
      },
      config,
      ui: createGuardUiLoader(() => browser.runtime.sendMessage({ type: 'inject-guard-ui' } satisfies InjectUiRequest)),
      signal,
      isValid,
    });
    listenForPopup({ control: guard.control, asking: guard.asking, readiness: guard.readiness, signal });
  } catch (error) {
    reportGuardError(error);
  }
});
