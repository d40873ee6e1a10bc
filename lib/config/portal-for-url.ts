import type { PortalConfig } from './effective';
import { matchesUrl } from './match-url';

/**
 * The portal a page belongs to: the first in the effective configuration's list whose
 * patterns match the URL (configured portals come before the built-in ones, so an
 * admin's entry for a built-in portal's pages, e.g. with a field selector, wins).
 * For the content script: no zod, no pattern checks (the background validated them).
 */
export function portalForUrl(portals: readonly PortalConfig[], url: string | URL): PortalConfig | null {
  return portals.find((portal) => portal.matches.some((pattern) => matchesUrl(pattern, url))) ?? null;
}
