import { splitPattern } from './match-url';
import type { MatchPatternReason } from './problem';
import { isPublicSuffix } from './public-suffix';

/**
 * Match patterns for support portals: the subset both Chrome and Firefox accept, and that
 * the extension can ask host access for (its optional permission is `https://*\/*`).
 *
 *   https://support.example.com/*        one host, any path
 *   https://*.example.com/hc/*           example.com and every subdomain, paths under /hc/
 *
 * Rules (MATCH_PATTERN_RULES, in the admin's settings reference): scheme `https` only; a
 * host name (or IPv4 address) without port or user name, of which only the first label
 * may be `*`, and then not in front of a public suffix (`*.co.uk`, `*.github.io`); a path
 * that starts with `/` and may hold `*` anywhere.
 *
 * The checks: for the background and the options page only. They carry the Public Suffix
 * List (public-suffix.ts), so the content script and the popup must not import this
 * module; the content script matches URLs with match-url.ts.
 */

export interface MatchPattern {
  /** The host as written, lower-cased, possibly starting with `*.`. */
  host: string;
  /** The path part, starting with `/`, `*` as a wildcard. */
  path: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const MAX_PATTERN_LENGTH = 2048;

/** Every rule matchPatternProblem checks, in plain words (for docs/policy-templates/settings-reference.md). */
export const MATCH_PATTERN_RULES: readonly string[] = [
  'Starts with `https://`: no other scheme, no `*://`, no `<all_urls>`.',
  'Names a host after `https://`: a domain name of at least two parts (`support.example.com`, not `localhost`), or an IPv4 address.',
  'Host names are letters, digits and hyphens, each part 1 to 63 characters, not starting or ending with a hyphen; other letters in punycode (`xn--…`).',
  'A wildcard only as the whole first part of the host: `*.example.com` (example.com and every subdomain). Not `*` alone, not `support.*.com`, not `*support.example.com`, not on an IP address.',
  'No wildcard in front of a public suffix: `*.com`, `*.co.uk`, `*.github.io`, `*.appspot.com` would cover sites of every owner (Public Suffix List, both its ICANN and its private part). Name your own domain: `*.example.co.uk`.',
  'No port (`:8443`), no user name (`user@`), no `#`, no spaces.',
  'A path after the host, starting with `/`; `*` anywhere in it matches any characters (`/*` for every page). The path is compared with the page\'s path and query string.',
  `At most ${MAX_PATTERN_LENGTH} characters.`,
];

/** Why `pattern` is not a usable portal match pattern (components/problem-text.ts words it); null when it is. */
export function matchPatternProblem(pattern: string): MatchPatternReason | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return { reason: 'tooLong', max: MAX_PATTERN_LENGTH };
  if (/\s/.test(pattern)) return { reason: 'spaces' };
  if (pattern === '<all_urls>') return { reason: 'allUrls' };
  const scheme = /^([a-z*][a-z0-9+.*-]*):\/\//i.exec(pattern);
  if (!scheme) return { reason: 'noScheme' };
  if (scheme[1]!.toLowerCase() !== 'https') return { reason: 'notHttps', scheme: scheme[1]! };
  const rest = pattern.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  if (slash < 0) return { reason: 'noPath' };
  const host = rest.slice(0, slash).toLowerCase();
  const path = rest.slice(slash);
  if (host === '') return { reason: 'noHost' };
  if (host.includes('@')) return { reason: 'userName' };
  if (host.includes(':')) return { reason: 'port' };
  if (host.includes('#') || path.includes('#')) return { reason: 'hash' };
  if (host === '*') return { reason: 'starAlone' };
  const wildcard = host.startsWith('*.');
  const name = wildcard ? host.slice(2) : host;
  if (name.includes('*')) return { reason: 'wildcardPlace' };
  if (IPV4.test(name)) return wildcard ? { reason: 'ipWildcard' } : null;
  const labels = name.split('.');
  if (labels.some((label) => !LABEL.test(label))) return { reason: 'hostLetters' };
  if (wildcard && isPublicSuffix(name)) return { reason: 'publicSuffix', suffix: name };
  if (labels.length < 2) return { reason: 'notFullDomain' };
  return null;
}

/** The pattern split into host and path; null if it is not a valid portal pattern. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  return matchPatternProblem(pattern) === null ? splitPattern(pattern) : null;
}

/** The origin pattern to ask host access for: `https://host/*`. */
export function originOf(pattern: string): string | null {
  const parsed = parseMatchPattern(pattern);
  return parsed && `https://${parsed.host}/*`;
}

/** The host a person recognises: `*.example.com` → `example.com`. */
export function hostLabel(pattern: string): string {
  const parsed = parseMatchPattern(pattern);
  if (!parsed) return pattern;
  return parsed.host.startsWith('*.') ? parsed.host.slice(2) : parsed.host;
}

/**
 * True when every URL `pattern` matches is also matched by `by`. Used to leave out
 * patterns the manifest's own content script already covers. Conservative: false when unsure.
 */
export function isCoveredBy(pattern: string, by: string): boolean {
  const p = parseMatchPattern(pattern);
  const b = parseMatchPattern(by);
  if (!p || !b) return false;
  if (b.host.startsWith('*.')) {
    const base = b.host.slice(2);
    const name = p.host.startsWith('*.') ? p.host.slice(2) : p.host;
    if (name !== base && !name.endsWith(`.${base}`)) return false;
  } else if (p.host !== b.host) {
    return false;
  }
  // Only a path of the form "<literal prefix>*" is understood on the covering side.
  const star = b.path.indexOf('*');
  if (star !== b.path.length - 1) return p.path === b.path;
  const prefix = b.path.slice(0, -1);
  const literal = p.path.split('*')[0]!;
  return literal.startsWith(prefix);
}
