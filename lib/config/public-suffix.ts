import { getPublicSuffix } from 'tldts';

/**
 * Is `*.name` too wide a host for a portal? It is when `name` is itself a public suffix:
 * a domain under which unrelated owners have their sites, from top-level domains (`com`)
 * and registries' second levels (`co.uk`) to shared hosting (`github.io`, `appspot.com`).
 * Decided by the Public Suffix List as the `tldts` package ships it, its ICANN and its
 * private part both (a wildcard over github.io is as wide as one over co.uk).
 *
 * The list is large: only the checks (match-pattern.ts, for the background and the options
 * page) may import this; tests/unit/config/bundle-boundaries.test.ts keeps it out of the
 * content script and the popup.
 */
export function isPublicSuffix(name: string): boolean {
  // The name is a checked host name already: no URL to take apart.
  return getPublicSuffix(name, { allowPrivateDomains: true, extractHostname: false }) === name;
}
