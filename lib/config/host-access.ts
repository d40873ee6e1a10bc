import { browser } from 'wxt/browser';
import { DEFAULT_PORTAL_MATCHES } from '../portal/default-portals';
import type { PortalConfig } from './effective';
import { hostLabel } from './match-pattern';
import { splitPattern } from './match-url';
import { extraPortalPatterns, originsFor } from './portal-scripts';

/**
 * The host access the user gave Priority Guard for portals on other sites (the optional
 * `https://*\/*`, asked for one site at a time as `https://host/*`), for the options page:
 * which sites it has, which of them a portal still needs, and giving access back.
 *
 * The default portals' sites are required host permissions (in the manifest): they are
 * never listed here and never removed (browsers refuse to remove a required permission,
 * and Chrome refuses a whole request that touches one).
 */

const REQUIRED_HOSTS = DEFAULT_PORTAL_MATCHES.map((pattern) => splitPattern(pattern)!.host);

/**
 * True when access to `origin` is one Priority Guard may give back: a site as the options
 * page asks for it (`https://host/*` or `https://*.host/*`) that covers no required host.
 */
export function mayRelease(origin: string): boolean {
  const parsed = splitPattern(origin);
  if (!parsed || parsed.path !== '/*' || parsed.host === '*' || parsed.host.includes(':')) return false;
  const { host } = parsed;
  if (!host.startsWith('*.')) return !REQUIRED_HOSTS.includes(host);
  const base = host.slice(2);
  return !REQUIRED_HOSTS.some((required) => required === base || required.endsWith(`.${base}`));
}

/** The sites of the portals' pages that need host access (`https://host/*`), without repeats. */
export function originsNeeded(portals: readonly PortalConfig[]): string[] {
  return originsFor(extraPortalPatterns(portals));
}

/** What people call a site: `support.example.com`, or `example.com and its subdomains`. */
export function siteName(origin: string): string {
  const name = hostLabel(origin);
  return splitPattern(origin)?.host.startsWith('*.') ? `${name} and its subdomains` : name;
}

/** The optional sites Priority Guard has access to now, lower-cased; null when the browser does not say. */
export async function grantedSites(): Promise<string[] | null> {
  try {
    const { origins = [] } = await browser.permissions.getAll();
    return [...new Set(origins.map((o) => o.toLowerCase()))].filter(mayRelease).sort();
  } catch {
    return null;
  }
}

/**
 * Gives back access to `origins` (never to a required site: those are left out). Resolves
 * to the origins given back; rejects when the browser refuses.
 */
export async function releaseSites(origins: readonly string[]): Promise<string[]> {
  const removable = [...new Set(origins)].filter(mayRelease);
  if (removable.length === 0) return [];
  const removed = await browser.permissions.remove({ origins: removable });
  return removed ? removable : [];
}

/** Calls back when the extension's permissions change (granted here, in the browser's settings, or elsewhere). Returns stop. */
export function onSitesChanged(callback: () => void): () => void {
  try {
    browser.permissions.onAdded.addListener(callback);
    browser.permissions.onRemoved.addListener(callback);
  } catch {
    return () => {};
  }
  return () => {
    try {
      browser.permissions.onAdded.removeListener(callback);
      browser.permissions.onRemoved.removeListener(callback);
    } catch {
      // nothing to stop
    }
  };
}
