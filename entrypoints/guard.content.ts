import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_PORTAL_MATCHES } from '../lib/portal/default-portals';

export default defineContentScript({
  matches: [...DEFAULT_PORTAL_MATCHES],
  runAt: 'document_start',
  main() {
    document.documentElement.dataset.priorityGuard = 'loaded';
  },
});
