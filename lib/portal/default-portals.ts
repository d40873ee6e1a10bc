/** The portals guarded out of the box. Admins add others through policy. */
export const DEFAULT_PORTAL_MATCHES = [
  'https://support.puppet.com/hc/*',
  'https://portal.perforce.com/s/*',
] as const;

export const DEFAULT_NEW_TICKET_URL = 'https://support.puppet.com/hc/en-us/requests/new';

/**
 * The built content script (WXT writes entrypoints/guard.ts there): listed in the manifest
 * for the default portals (wxt.config.ts), registered at run time for the others
 * (lib/config/portal-scripts.ts).
 */
export const GUARD_SCRIPT = 'guard.js';
