/**
 * Does a portal match pattern match a page? The content script's half of match patterns
 * (the checks are lib/config/match-pattern.ts, run by the background before a pattern
 * reaches the effective configuration). Bundled into guard.js, whose size is budgeted:
 * no imports, nothing but matching.
 */

/** Host and path of an https pattern, without checking the rest. */
export function splitPattern(pattern: string): { host: string; path: string } | null {
  if (!pattern.toLowerCase().startsWith('https://')) return null;
  const rest = pattern.slice(8);
  const slash = rest.indexOf('/');
  if (slash < 1) return null;
  return { host: rest.slice(0, slash).toLowerCase(), path: rest.slice(slash) };
}

/**
 * True when `glob` matches the whole of `text`: `*` stands for any run of characters (or
 * none), every other character for itself. No regular expression: a mismatch only
 * lengthens the run of the last `*` seen (earlier ones never need to be revisited), so it
 * takes at most glob.length × text.length steps, whatever the pattern.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1; // where the glob goes on after the last `*` seen
  let run = 0; // where in the text that `*`'s run ends so far
  while (t < text.length) {
    if (glob[g] === '*') {
      star = ++g;
      run = t;
    } else if (glob[g] === text[t]) {
      g++;
      t++;
    } else if (star < 0) {
      return false;
    } else {
      g = star;
      t = ++run;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/**
 * True when `url` is matched by `pattern` (path and query compared, as browsers do).
 * Expects a pattern the background already validated (the effective configuration's):
 * it does not check the pattern again, so the content script does not carry the checks.
 */
export function matchesUrl(pattern: string, url: string | URL): boolean {
  const parsed = splitPattern(pattern);
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
  return globMatches(parsed.path, u.pathname + u.search);
}
