import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Settings and policy are wired here by the enterprise issue; nothing to do yet.
});
