import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CHROME_PUBLIC_KEY, GECKO_ID } from './lib/extension-ids';

// Firefox is built as MV2 (WXT's default): see README, "Why Manifest V2 for Firefox".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Priority Guard',
    description:
      'Checks the Priority 1 definition on the support portal before a P1 ticket is submitted, and helps pick the right priority.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
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
      : { key: CHROME_PUBLIC_KEY, minimum_chrome_version: '116' }),
  }),
  zip: {
    artifactTemplate: 'priority-guard-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'priority-guard-{{version}}-sources.zip',
    excludeSources: ['tests/e2e/.artifacts/**', 'docs/screenshots/**'],
  },
});
