/**
 * Match patterns for support portals: the subset both Chrome and Firefox accept, and that
 * the extension can ask host access for (its optional permission is `https://*\/*`).
 *
 *   https://support.example.com/*        one host, any path
 *   https://*.example.com/hc/*           example.com and every subdomain, paths under /hc/
 *
 * Rules: scheme `https` only; a host name (or IPv4 address) without port or user name, of
 * which only the first label may be `*` (and then at least two labels follow); a path
 * that starts with `/` and may hold `*` anywhere. No zod here: the content script uses it.
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

/** Why `pattern` is not a usable portal match pattern, in plain words; null when it is. */
export function matchPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `Must be at most ${MAX_PATTERN_LENGTH} characters`;
  if (/\s/.test(pattern)) return 'Must not contain spaces';
  if (pattern === '<all_urls>') return 'Must name the portal\'s host: "<all_urls>" is not allowed';
  const scheme = /^([a-z*][a-z0-9+.*-]*):\/\//i.exec(pattern);
  if (!scheme) return 'Must start with https:// (for example https://support.example.com/*)';
  if (scheme[1]!.toLowerCase() !== 'https') return `Must use https://, not ${scheme[1]}://`;
  const rest = pattern.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  if (slash < 0) return 'Must have a path after the host: add /* to match every page';
  const host = rest.slice(0, slash).toLowerCase();
  const path = rest.slice(slash);
  if (host === '') return 'Must name a host after https://';
  if (host.includes('@')) return 'Must not contain a user name';
  if (host.includes(':')) return 'Must not contain a port number';
  if (host.includes('#') || path.includes('#')) return 'Must not contain #';
  if (host === '*') return 'Must name a host: "*" alone would match every site';
  const wildcard = host.startsWith('*.');
  const name = wildcard ? host.slice(2) : host;
  if (name.includes('*')) return 'The host may use * only as its first part, as in *.example.com';
  if (IPV4.test(name)) return wildcard ? 'An IP address cannot have a *. wildcard' : null;
  const labels = name.split('.');
  if (labels.some((label) => !LABEL.test(label))) {
    return 'The host must be a domain name of letters, digits and hyphens (use punycode, xn--, for other letters)';
  }
  if (labels.length < 2) return 'The host must be a full domain name such as support.example.com';
  return null;
}

/** Host and path of an https pattern, without checking the rest (cheap: for the content script). */
function split(pattern: string): MatchPattern | null {
  if (!pattern.toLowerCase().startsWith('https://')) return null;
  const rest = pattern.slice('https://'.length);
  const slash = rest.indexOf('/');
  if (slash < 1) return null;
  return { host: rest.slice(0, slash).toLowerCase(), path: rest.slice(slash) };
}

/** The pattern split into host and path; null if it is not a valid portal pattern. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  return matchPatternProblem(pattern) === null ? split(pattern) : null;
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

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `url` is matched by `pattern` (path and query compared, as browsers do).
 * Expects a pattern the background already validated (the effective configuration's):
 * it does not check the pattern again, so the content script does not carry the checks.
 */
export function matchesUrl(pattern: string, url: string | URL): boolean {
  const parsed = split(pattern);
  if (!parsed) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase();
  if (parsed.host.startsWith('*.')) {
    const base = parsed.host.slice(2);
    if (host !== base && !host.endsWith(`.${base}`)) return false;
  } else if (host !== parsed.host) {
    return false;
  }
  const path = new RegExp(`^${parsed.path.split('*').map(escape).join('.*')}$`);
  return path.test(u.pathname + u.search);
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
