import type { Prepared } from './prepared';
import { shorten, starts } from './text';

// The Puppet Enterprise version rule: a PE version in the text, or a version field on the form.

/**
 * A dotted number of two or three parts, not inside a longer dotted number: not after a digit
 * or "digit.", not before another digit or ".digit" (so `10.2023.8.1` and `2023.8.1.4` are no
 * versions). Parts are bounded so a long run of digits is never retried position by position.
 */
const DOTTED = /(?<!\d|\d\.)(\d{1,4})\.(\d{1,3})(?:\.(\d{1,3}))?(?!\d|\.\d)/g;

/** "PE", "Puppet Enterprise", "pe_version", "PE version:", "Puppet Enterprise v" right before a number. */
// Separators are bounded: runs of white space after "PE" are never retried position by position.
const PE_PREFIXES = /(?:\bpuppet[\s_-]{1,3}enterprise|\bpe)(?:[\s_-]{0,3}(?:version|ver\.?|build))?[\s:=_-]{0,4}v?(?=\d)/gi;

/** A label that says the field holds the Puppet Enterprise version. */
const PE_VERSION_LABEL = /^(?=.*\bversion\b)(?=.*\b(?:puppet[\s_-]*enterprise|pe)\b)/i;

/** Other products whose versions also look like YYYY.N, right before a number: their numbers are not PE's. */
const OTHER_YEAR_VERSIONED =
  /\b(?:intellij|idea|pycharm|webstorm|phpstorm|rubymine|goland|clion|datagrip|rider|studio|unity|octopus|jetbrains)[ \t:_-]{0,3}v?(?=\d)/gi;

/** A unit right after a number: "2019.8 seconds" is a duration, not a version. */
const UNIT_AT = /[ \t]?(?:%|[kmgtp]i?b\b|bytes?\b|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b)/iy;
/** Whether a currency sign stands right before `index` (a space or tab between allowed): "$2023.50". */
function currencyBefore(text: string, index: number): boolean {
  let i = index - 1;
  const c = text.charCodeAt(i);
  if (c === 32 || c === 9) i--;
  const sign = text.charCodeAt(i);
  return sign === 36 || sign === 0x20ac || sign === 0xa3 || sign === 0xa5; // $ € £ ¥
}

/** Where each match of a global pattern starts and ends, found in one pass. */
function spans(pattern: RegExp, text: string): Map<number, number> {
  const found = new Map<number, number>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.set(m.index + m[0].length, m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** A version part as a release writes it: no leading zero ("8", "0", "12"; never "08"). */
const plainPart = (part: string | undefined) => part === undefined || part === '0' || !part.startsWith('0');

/**
 * Puppet Enterprise version, in any text (subject, description, field values) or a version field.
 * Accepts:
 * - `YYYY.N` / `YYYY.N.N` with a year from 2015 to 2039 (PE's scheme since 2015.2): `2023.8.1`,
 *   `2021.7.9`, `2019.8`, `2016.4.2`, also inside an installer name (`puppet-enterprise-2023.8.1-el-8`);
 *   a two-digit minor (`2025.10`) only after "PE"/"Puppet Enterprise" or in a PE version field;
 * - after "PE", "Puppet Enterprise", "PE version:", "pe_build" (or in a field labelled like
 *   "Puppet Enterprise version"/"PE version"): also the old `1.x`–`3.x` versions (`PE 3.8.7`).
 * Refuses: IP addresses and longer dotted numbers (`10.2023.8.1`, `192.168.20.15`), zero-padded
 * parts (dates such as `2023.08.01`), other products' versions (`7.24.0`, `Ruby 3.2.2`, even
 * `PE 7.24` — PE never had one), a year-like version right after another product that uses them
 * (`IntelliJ 2023.2`), numbers with a unit or currency (`2019.8 seconds`, `$2023.50`), a bare
 * year (`PE 2023`) and `2023.x`. A text without digits never has a version.
 * Known ambiguity: an unpadded year-first date (`2023.8.1` meaning 1 August) reads as a version.
 */
function versionIn(text: string, prefixedByContext: boolean): string | null {
  // Each look-around is one pass over the text, asked for only once a number needs it.
  let prefixes: Map<number, number> | undefined;
  let others: Map<number, number> | undefined;
  DOTTED.lastIndex = 0;
  for (let m = DOTTED.exec(text); m; m = DOTTED.exec(text)) {
    const major = m[1]!;
    const minor = m[2]!;
    const patch = m[3];
    const index = m.index;
    const end = DOTTED.lastIndex;
    // What the number is, first: most numbers are refused before any look around them.
    if (!plainPart(minor) || !plainPart(patch) || (patch !== undefined && patch.length > 2)) continue;
    const year = major.length === 4 ? Number(major) : 0;
    const isYear = year >= 2015 && year <= 2039;
    const isOld = major.length === 1 && major >= '1' && major <= '3' && minor.length === 1;
    if (!isYear && !isOld) continue;
    const prefixStart = prefixedByContext ? undefined : (prefixes ??= spans(PE_PREFIXES, text)).get(index);
    const prefixed = prefixedByContext || prefixStart !== undefined;
    if (isYear ? minor.length > 2 || (minor.length === 2 && !prefixed) : !prefixed) continue;
    if (currencyBefore(text, index)) continue;
    if (!prefixed && (others ??= spans(OTHER_YEAR_VERSIONED, text)).has(index)) continue;
    UNIT_AT.lastIndex = end;
    if (UNIT_AT.test(text)) continue;
    return prefixStart === undefined ? m[0] : shorten(text.slice(prefixStart, end), 40);
  }
  return null;
}

export function findPeVersion(p: Prepared): string | null {
  for (const field of p.fieldsLabelled(PE_VERSION_LABEL)) {
    const found = versionIn(field.value, true);
    if (found) return found;
  }
  const inText = versionIn(p.text, false);
  if (inText) return inText;
  for (const field of p.fields) {
    const found = versionIn(field.value, false);
    if (found) return found;
  }
  return null;
}

