import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startConfigSync } from '../lib/config/background-sync';
import { listenForUiRequests } from '../lib/guard/inject-ui';

export default defineBackground(() => {
  // Settings and policy: computed here, read by the content script, popup and options page.
  startConfigSync();
  // The guard's note and dialog, injected into a portal page once it has a priority field.
  listenForUiRequests();
  if (import.meta.env.FIREFOX) {
    // Firefox unloads an extension's content scripts the moment it updates, without running
    // any of their code: a guard dialog open at that moment would stay over the form, dead.
    // Listening here defers the update to the next browser start.
    browser.runtime.onUpdateAvailable.addListener(() => {});
  }
});
