import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startConfigSync } from '../lib/config/background-sync';
import { listenForUiRequests } from '../lib/guard/inject-ui';
import { applyUpdateWhenIdle } from '../lib/guard/update-when-idle';
import type { GetStatusRequest } from '../lib/messages';

export default defineBackground(() => {
  // Settings and policy: computed here, read by the content script, popup and options page.
  startConfigSync();
  // The guard's note and dialog, injected into a portal page once it has a priority field.
  listenForUiRequests();
  if (import.meta.env.FIREFOX) {
    // Listening defers Firefox's update: it is applied as soon as no guard dialog is open.
    browser.runtime.onUpdateAvailable.addListener(() => {
      void applyUpdateWhenIdle({
        tabIds: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
        statusOf: (tabId) => browser.tabs.sendMessage(tabId, { type: 'get-status' } satisfies GetStatusRequest, { frameId: 0 }),
        apply: () => browser.runtime.reload(),
      });
    });
  }
});
