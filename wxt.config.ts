import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CHROME_PUBLIC_KEY, GECKO_ID } from './lib/extension-ids';
import { DEFAULT_PORTAL_MATCHES, GUARD_SCRIPT } from './lib/portal/default-portals';

/** Generated from lib/config/schema.ts (npm run policy-templates); Chrome and Edge only. */
const MANAGED_SCHEMA = 'managed_schema.json';
/**
 * Host access to the default portals' sites (browsers ignore the path: the whole site),
 * where the content script already runs (so no new warning): the background needs it to
 * inject the guard's UI into a portal page (executeScript).
 */
const PORTAL_HOSTS = [...DEFAULT_PORTAL_MATCHES];
/** Portals an admin or user adds on other hosts: asked for per host, with a user gesture. */
const OPTIONAL_HOSTS = ['https://*/*'];

// Firefox is built as MV2 (WXT's default): see README, "Why Manifest V2 for Firefox".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    // The browser picks the words for its UI language from _locales (generated from locales/ by
    // @wxt-dev/i18n); English is the source and the fallback.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The guard (entrypoints/guard.ts, an unlisted script: see there why). Early, so its
    // capture listeners on window run before any the portal adds there.
    content_scripts: [{ matches: [...DEFAULT_PORTAL_MATCHES], js: [GUARD_SCRIPT], run_at: 'document_start' }],
    ...(browser === 'firefox'
      ? {
          permissions: ['storage', ...PORTAL_HOSTS],
          // MV2: host patterns go in optional_permissions; contentScripts.register needs no permission.
          optional_permissions: OPTIONAL_HOSTS,
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_PUBLIC_KEY,
          minimum_chrome_version: '116',
          // scripting: registers the guard on the configured portals' hosts at run time, and
          // injects the guard's UI into a portal page (lib/guard/inject-ui.ts).
          permissions: ['storage', 'scripting'],
          host_permissions: PORTAL_HOSTS,
          optional_host_permissions: OPTIONAL_HOSTS,
          // Firefox reads policy from policies.json → 3rdparty → Extensions, no schema needed.
          storage: { managed_schema: MANAGED_SCHEMA },
        }),
  }),
  hooks: {
    // The popup in a Vite build of its own, so popup.html loads one module, not one plus a
    // chunk shared with the options page: about 8 ms sooner on screen in Chromium
    // (docs/performance.md, "Row 7 in Chromium: where the time goes").
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entry) => entry.type === 'popup');
        if (popup !== -1) groups.push(group.splice(popup, 1));
      }
    },
    // The managed schema goes into the Chromium build only (public/ would copy it to both).
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({ absoluteSrc: resolve(wxt.config.root, 'lib/config', MANAGED_SCHEMA), relativeDest: MANAGED_SCHEMA });
    },
  },
  zip: {
    artifactTemplate: 'priority-guard-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'priority-guard-{{version}}-sources.zip',
    excludeSources: ['tests/e2e/.artifacts/**', 'docs/screenshots/**', 'docs/store/images/**'],
  },
});
