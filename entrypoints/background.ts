import { defineBackground } from 'wxt/utils/define-background';
import { startConfigSync } from '../lib/config/background-sync';

export default defineBackground(() => {
  // Settings and policy: computed here, read by the content script, popup and options page.
  startConfigSync();
});
