/** The portals guarded out of the box. Admins add others through policy. */
export const DEFAULT_PORTAL_MATCHES = [
  'https://support.puppet.com/hc/*',
  'https://portal.perforce.com/s/*',
] as const;

export const DEFAULT_NEW_TICKET_URL = 'https://support.puppet.com/hc/en-us/requests/new';
