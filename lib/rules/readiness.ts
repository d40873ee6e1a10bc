import { DEFAULT_TICKET_ESSENTIALS } from './checklist';

/**
 * Ticket readiness: what a ticket already tells Support, judged from a snapshot of its form.
 *
 * Pure: no DOM, no browser globals, nothing stored. The snapshot is read from the page by
 * lib/portal/ticket-snapshot.ts only when a P1 is held or the popup asks.
 *
 * Each essential gets one state:
 * - `found`, with the evidence as it stands in the ticket ("2023.8.1", a file name, the words);
 * - `missing`;
 * - `unknown` ("can't tell"): an admin-written essential with neither a built-in rule nor keywords.
 *
 * The rules are conservative: a false "found" tells someone their ticket is complete when it
 * is not, which is worse than a "missing" they can ignore. Every refusal is local (a word, a
 * line, a sentence), so adding text to a ticket (another paragraph, field or file) never turns
 * a found essential into a missing one. Words are recognised in English; numbers, versions,
 * dates, times and file names in any language.
 *
 * Cost: judging a 20,000-character description takes well under 2 ms, whatever it holds. The
 * regular expressions are linear (bounded repetitions, no nested or adjacent overlapping
 * quantifiers, lookbehinds that stop a digit run from being retried at each of its positions);
 * cheap looks for a character or word spare the slower patterns; a sentence is looked at no
 * further than SENTENCE_WINDOW characters either side of a match, and a rule weighs at most
 * PER_SENTENCE statements of one kind in one sentence (a text that repeats a refused phrase
 * thousands of times in one sentence is judged on its first ones).
 */

/** One field of the form other than priority, subject and description, as the form shows it. */
export interface TicketField {
  label: string;
  value: string;
}

/** What a ticket will carry, read from its form at one moment. */
export interface TicketSnapshot {
  subject: string;
  description: string;
  /** The names of attached files. */
  attachments: readonly string[];
  /** The other fields of the same form: label and shown value. */
  fields: readonly TicketField[];
}

/** The built-in rules. */
export const ESSENTIAL_IDS = ['what-broke-since', 'what-changed', 'pe-version', 'support-script', 'business-impact'] as const;
export type EssentialId = (typeof ESSENTIAL_IDS)[number];

/**
 * One essential: judged by a built-in rule, or by an admin's plain keywords (case-insensitive,
 * whole words, never regular expressions), or by neither (then its state is `unknown`).
 */
export interface EssentialDefinition {
  id: string;
  label: string;
  rule?: EssentialId;
  keywords?: readonly string[];
}

export type EssentialState = 'found' | 'missing' | 'unknown';

/** The judge's answer for one essential (with its label, so the dialog and popup can show it as is). */
export type EssentialResult =
  | { id: string; label: string; state: 'found'; evidence: string }
  | { id: string; label: string; state: 'missing' }
  | { id: string; label: string; state: 'unknown' };

/** An essential as configuration may give it: today's plain text, or text with keywords. */
export type ConfiguredEssential = string | { label: string; keywords?: readonly string[] };

export function isEssentialId(value: unknown): value is EssentialId {
  return (ESSENTIAL_IDS as readonly unknown[]).includes(value);
}

// --- the defaults -------------------------------------------------------------

export const BUSINESS_IMPACT_LABEL = 'The business impact: who or what in production is affected.';

/** The rule for each of DEFAULT_TICKET_ESSENTIALS, in its order. */
const DEFAULT_RULES: readonly EssentialId[] = ['what-broke-since', 'what-changed', 'pe-version', 'support-script'];

function defaultEssentials(): readonly EssentialDefinition[] {
  return [
    ...DEFAULT_TICKET_ESSENTIALS.map((label, i) => ({ id: DEFAULT_RULES[i]!, label, rule: DEFAULT_RULES[i]! })),
    { id: 'business-impact', label: BUSINESS_IMPACT_LABEL, rule: 'business-impact' },
  ];
}

/**
 * What Support needs to start on a P1 at once, each with its rule: the wording of
 * DEFAULT_TICKET_ESSENTIALS (lib/rules/checklist.ts), plus the business impact.
 * (Built by a call marked pure, so a bundle that does not use it, the content script, drops it.)
 */
export const DEFAULT_ESSENTIALS: readonly EssentialDefinition[] = /* @__PURE__ */ defaultEssentials();

/** Labels compared as a person would: case, spacing and a final full stop do not matter. */
function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.。]$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function cleanKeywords(keywords: readonly string[] | undefined): string[] | undefined {
  if (!keywords) return undefined;
  const clean = keywords.map((k) => k.trim().replace(/\s+/g, ' ')).filter((k) => k.length > 0);
  return clean.length > 0 ? clean : undefined;
}

/**
 * The essentials for a configured list (`wording.ticketEssentials`), so existing
 * configuration keeps working:
 * - the default list itself (DEFAULT_TICKET_ESSENTIALS, unchanged) gives DEFAULT_ESSENTIALS,
 *   business impact included;
 * - an item whose text is a default's label keeps that default's rule (and id);
 * - any other text is an admin's essential: judged by its keywords if it has some, else `unknown`.
 * Ids are unique: a rule's id, or `custom-<position>` (1-based) for an admin's essential.
 */
export function essentialsFromConfig(items: readonly ConfiguredEssential[]): EssentialDefinition[] {
  const texts = items.map((item) => (typeof item === 'string' ? item : item.label));
  const isDefaultList =
    items.every((item) => typeof item === 'string' || !cleanKeywords(item.keywords)) &&
    texts.length === DEFAULT_TICKET_ESSENTIALS.length &&
    texts.every((text, i) => sameLabel(text, DEFAULT_TICKET_ESSENTIALS[i]!));
  if (isDefaultList) return DEFAULT_ESSENTIALS.map((e) => ({ ...e }));

  const used = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  };
  return items.map((item, i) => {
    const label = (typeof item === 'string' ? item : item.label).trim();
    const keywords = typeof item === 'string' ? undefined : cleanKeywords(item.keywords);
    const known = DEFAULT_ESSENTIALS.find((e) => sameLabel(e.label, label));
    if (known && !keywords) return { id: unique(known.id), label, rule: known.rule };
    return keywords ? { id: unique(`custom-${i + 1}`), label, keywords } : { id: unique(`custom-${i + 1}`), label };
  });
}

// --- text helpers ----------------------------------------------------------------

/** Text with white space folded, at most `max` characters (cut at a word, with "…"). */
function shorten(text: string, max = 60): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–—-]+$/, '')}…`;
}

/**
 * How many statements of one kind a rule weighs in one sentence before it moves on: a text
 * that repeats a refused phrase thousands of times costs no more than a short one.
 */
const PER_SENTENCE = 8;

/** How far a sentence reaches either way from a match: a text without punctuation costs no more than this. */
const SENTENCE_WINDOW = 200;

/**
 * A text's sentences: they end at line ends and at . ! ? followed by white space or the end
 * of the text. The ends are found in one pass, the first time a match needs its sentence.
 */
class Sentences {
  readonly text: string;
  #ends?: number[];

  constructor(text: string) {
    this.text = text;
  }

  /** Indexes of the characters that end a sentence, ascending; found once, when first asked for. */
  get #endsFound(): number[] {
    if (this.#ends) return this.#ends;
    const text = this.text;
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) ends.push(i);
      else if (c === 46 || c === 33 || c === 63) {
        // . ! ? followed by white space or the end of the text
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
        if (next === 32 || next === 9 || next === 10 || next === 13 || next === 0xa0) ends.push(i);
      }
    }
    return (this.#ends = ends);
  }

  /** The sentence around text[from, to), as `scan` gives it to `visit` (a binary search away). */
  bounds(from: number, to: number): { start: number; end: number } {
    const ends = this.#endsFound;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const close = lo < ends.length ? ends[lo]! : this.text.length;
    const start = Math.max(lo > 0 ? ends[lo - 1]! + 1 : 0, from - SENTENCE_WINDOW);
    let end = Math.min(close, to + SENTENCE_WINDOW);
    const mark = this.text.charCodeAt(end);
    if (end === close && end < this.text.length && mark !== 10 && mark !== 13) end++;
    return { start, end: Math.max(end, to) };
  }

  /**
   * Calls `visit` with each match of the global `pattern`, in order, and the sentence it stands
   * in: text[start, end), the closing mark included (not a line end), at most SENTENCE_WINDOW
   * characters either side of the match. `visit` returns true to stop, or an index to go on
   * from (past a sentence it judged whole). A match that runs over a sentence end is dropped
   * and the search goes on right after that end, so text added in another sentence can never
   * hide a match; after `perSentence` matches in one sentence the search goes on after it.
   */
  scan(
    pattern: RegExp,
    visit: (m: RegExpExecArray, start: number, end: number, question: boolean) => boolean | number | void,
    perSentence = Number.POSITIVE_INFINITY,
  ): void {
    const text = this.text;
    const ends = this.#endsFound;
    let k = 0;
    let counted = -1;
    let inSentence = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      while (k < ends.length && ends[k]! < from) k++;
      const close = k < ends.length ? ends[k]! : text.length;
      if (close < to - 1) {
        pattern.lastIndex = close + 1;
        continue;
      }
      if (k !== counted) {
        counted = k;
        inSentence = 0;
      }
      if (++inSentence > perSentence) {
        pattern.lastIndex = Math.max(pattern.lastIndex, close + 1);
        continue;
      }
      const start = Math.max(k > 0 ? ends[k - 1]! + 1 : 0, from - SENTENCE_WINDOW);
      let end = Math.min(close, to + SENTENCE_WINDOW);
      const mark = text.charCodeAt(end);
      if (end === close && end < text.length && mark !== 10 && mark !== 13) end++;
      const next = visit(m, start, Math.max(end, to), end === close + 1 && mark === 63);
      if (next === true) return;
      if (typeof next === 'number') pattern.lastIndex = Math.max(pattern.lastIndex, next);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
}

/**
 * Lines of pasted output, not prose: they start with a timestamp (ISO, syslog, a clock with
 * seconds), a bracketed level, or Puppet's own "Error:", "Notice:"… prefixes. Their dates,
 * times and words ("changed", "environment production") say nothing about the ticket itself.
 */
const LOG_LINE =
  /^[ \t]*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}\b|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}|(?:Error|Warning|Notice|Info|Debug|Fatal|Critical|Err|Warn):[ \t]|\[(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL)\]).*/gm;

/** The ticket's texts, prepared once per judgement. */
class Prepared {
  /** Subject and description, a line apart. */
  readonly text: string;
  /** The same with pasted log lines blanked. */
  readonly prose: string;
  readonly fields: readonly TicketField[];
  readonly attachments: readonly string[];
  #textSentences?: Sentences;
  #proseSentences?: Sentences;
  #textLower?: string;
  #proseLower?: string;
  #keywordText?: KeywordText;

  constructor(snapshot: TicketSnapshot) {
    this.text = `${snapshot.subject ?? ''}\n${snapshot.description ?? ''}`;
    // Each log line becomes an empty line: the other lines stay where they were.
    this.prose = this.text.replace(LOG_LINE, '');
    this.fields = (snapshot.fields ?? []).filter((f) => typeof f.value === 'string' && f.value.trim() !== '');
    this.attachments = (snapshot.attachments ?? []).filter((a) => typeof a === 'string' && a.trim() !== '');
  }

  get textSentences(): Sentences {
    return (this.#textSentences ??= new Sentences(this.text));
  }

  /** The text in lower case, for the cheap look for a word before a pattern is tried. */
  get textLower(): string {
    return (this.#textLower ??= this.text.toLowerCase());
  }

  /** The text folded for admin keywords, once for every essential that has some. */
  get keywordText(): KeywordText {
    return (this.#keywordText ??= foldForKeywords(this.text));
  }

  /** The prose in lower case, for the cheap look for a word before a pattern is tried. */
  get proseLower(): string {
    return (this.#proseLower ??= this.prose === this.text ? this.textLower : this.prose.toLowerCase());
  }

  get proseSentences(): Sentences {
    // Without log lines the prose is the text: its sentences are found once for both.
    return (this.#proseSentences ??= this.prose === this.text ? this.textSentences : new Sentences(this.prose));
  }

  /** The fields whose label matches `label`. */
  fieldsLabelled(label: RegExp): TicketField[] {
    return this.fields.filter((f) => label.test(f.label));
  }
}

// --- Puppet Enterprise version --------------------------------------------------

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

function findPeVersion(p: Prepared): string | null {
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

// --- support script ----------------------------------------------------------------

/** The support script's archive: `puppet_enterprise_support_<…>.tar.gz` (or .tgz, or encrypted .gpg). */
const SUPPORT_ARCHIVE = /^puppet[_-]enterprise[_-]support[_-][^/\\]*\.(?:tar\.gz|tgz)(?:\.gpg)?$/i;

/** A mention of the script, its command, its `--ticket` upload or its archive. */
const SCRIPT_MENTION =
  /\bsupport[\s_-]+script\b|\bpuppet\s+enterprise\s+support\b|\bpuppet-enterprise-support\b|--ticket\b|\bpuppet_enterprise_support_\S{0,80}\.(?:tar\.gz|tgz)\b/gi;

/** Words that say it was done and handed over, not attached (those need an attachment). */
const SCRIPT_DONE = /\b(?:uploaded|ran|sent|submitted|provided|(?:have|has|had|'ve|’ve|was|were|been)\s+run)\b/i;
const SCRIPT_ATTACHED = /\b(?:attached|attaching|enclosed|see\s+attachment)\b/i;

/** Words that undo it: not done, not yet, only planned, or failed. */
const SCRIPT_UNDONE =
  /\b(?:not|never|no|cannot|unable|fail(?:s|ed|ing)?|will|shall|going\s+to|plan(?:s|ning)?\s+to|later|tomorrow|once|if|when|until|yet|could|would|should|can|hangs?|hung|errors?|timed?\s+out|times\s+out)\b|n[’']t\b/i;

/**
 * Support script output. Accepts: an attachment named like the script's archive
 * (`puppet_enterprise_support_<host>_<date>.tar.gz`, `.tgz`, `.tar.gz.gpg`); or a sentence that
 * mentions the script (`support script`, `puppet enterprise support`, `--ticket`, the archive's
 * name) and says it was uploaded, ran, was sent/submitted/provided; "attached" counts only when
 * the ticket has an attachment. Refuses a sentence with a negation, a future or condition, or
 * a failure ("will run the support script", "the support script hangs", "not uploaded yet").
 */
function findSupportScript(p: Prepared): string | null {
  for (const name of p.attachments) {
    const base = name.split(/[\\/]/).pop()!.trim();
    if (SUPPORT_ARCHIVE.test(base)) return base;
  }
  if (!p.textLower.includes('support') && !p.textLower.includes('--ticket')) return null;
  const text = p.text;
  let found: string | null = null;
  p.textSentences.scan(SCRIPT_MENTION, (_, start, end) => {
    const sentence = text.slice(start, end);
    if (!SCRIPT_UNDONE.test(sentence) && (SCRIPT_DONE.test(sentence) || (p.attachments.length > 0 && SCRIPT_ATTACHED.test(sentence)))) {
      found = shorten(sentence);
      return true;
    }
    // Every mention in this sentence gets the same answer: the search goes on after it.
    return end;
  });
  if (found) return found;
  return null;
}

// --- since when ----------------------------------------------------------------------

/** Month names in any case, but for those that are also words: "may", "mar", "march". */
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** May and March only capitalised (matched case-sensitively): "restarting 6 may help" names no month. */
const MONTH_CAPITALISED = 'May|MAY|Mar(?:ch)?|MAR(?:CH)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const ZONE =
  'utc|gmt|z|cet|cest|eet|eest|wet|west|bst|ist|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|aest|aedt|acst|awst|jst|kst|sgt|nzst|nzdt|msk';
const COUNT = '\\d{1,4}(?:[.,]\\d{1,2})?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\\s+few|few|a\\s+couple\\s+of|couple\\s+of';
const SPAN = 'minutes?|mins?|hours?|hrs?|days?|weeks?|months?';

/** Words some patterns cannot match without; each is looked for once per text, when a pattern asks. */
type Trigger = 'for' | 'ago' | 'since' | 'month';
const TRIGGERS: Record<Trigger, RegExp> = {
  for: /\bfor\b/i,
  ago: /\b(?:ago|last|past)\b/i,
  since: /\bsince\b/i,
  month: /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i,
};

interface SincePattern {
  re: RegExp;
  /**
   * What a text must hold to be searched at all, cheap looks that spare the slower patterns:
   * one of some characters or short strings (lower case), one of the trigger words (found for
   * all patterns in one pass), a digit.
   */
  needs?: readonly string[];
  word?: Trigger;
  digit?: true;
  /** The match only starts the phrase ("since the upgrade", "started at"): the evidence runs on. */
  phrase?: true;
}

/** Time and date expressions, most specific first. Each is a small named pattern. */
const SINCE_PATTERNS: readonly SincePattern[] = [
  // 09:10, 9:10:33, 09:10 UTC, 9:10pm, 21:05 +02:00 — not ports or parts of addresses (host:22, 10.0.0.5:22).
  {
    re: /* @__PURE__ */ new RegExp(
      `(?<![\\w.:/-])(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,6})?)?(?:\\s?(?:am|pm|a\\.m\\.|p\\.m\\.))?(?:\\s?(?:${ZONE})\\b|\\s?[+-]\\d{2}:?\\d{2})?(?![\\w:]|\\.\\d)`,
      'i',
    ),
    needs: [':'],
  },
  // 9am, 9 pm, 11:30 a.m.
  { re: /\b(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)/i, digit: true, needs: ['m'] },
  // 2026-12-06, 2026/12/06, 2026.12.06 (a year-first date with two-digit parts)
  { re: /(?<![\d.\/-])(?:19|20)\d{2}([-/.])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?!\d|\.\d)/, digit: true, needs: ['-', '/', '.'] },
  // 06.12.2026, 6/12/2026, 12/6/26
  { re: /(?<![\d.\/-])(?:0?[1-9]|[12]\d|3[01])([./])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d{2}|\d{2})(?!\d|[./]\d)/, digit: true, needs: ['.', '/'] },
  // Dec 6, December 6th, 6 December, 6th of Dec
  {
    re: /* @__PURE__ */ new RegExp(`\\b(?:${MONTH})\\.?\\s+${DAY}(?![\\w:]|\\.\\d)|\\b${DAY}(?:\\s+of)?\\s+(?:${MONTH})\\b`, 'i'),
    digit: true,
    word: 'month',
  },
  // May 5, 6 March (case-sensitive)
  {
    re: /* @__PURE__ */ new RegExp(
      `\\b(?:${MONTH_CAPITALISED})\\.?\\s+${DAY}(?![\\w:]|\\.\\d)|\\b${DAY}(?:\\s+of)?\\s+(?:${MONTH_CAPITALISED})\\b`,
    ),
    digit: true,
    word: 'month',
  },
  // yesterday, this morning, last night, overnight, earlier today, over the weekend
  {
    re: /\b(?:yesterday|overnight|tonight|last\s+(?:night|week|weekend|month)|this\s+(?:morning|afternoon|evening|week|weekend)|earlier\s+today|today\s+at|since\s+today|over\s+the\s+weekend)\b/i,
  },
  // a weekday (not "every Monday", not "Mondays")
  { re: /\b(?<!\bevery[ \t])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i, needs: ['day'] },
  // for 2 hours, for the last 3 days, for about an hour
  {
    re: /* @__PURE__ */ new RegExp(
      `\\bfor\\s+(?:the\\s+)?(?:(?:last|past)\\s+)?(?:(?:about|around|over|almost|nearly|approximately|roughly|more\\s+than|at\\s+least)\\s+)?(?:${COUNT})\\s+(?:${SPAN})\\b|\\bfor\\s+the\\s+(?:last|past)\\s+(?:hour|day|week|month)\\b`,
      'i',
    ),
    word: 'for',
  },
  // 2 hours ago, the past 3 days
  {
    re: /* @__PURE__ */ new RegExp(`\\b(?:${COUNT})\\s+(?:${SPAN})\\s+ago\\b|\\b(?:last|past)\\s+(?:${COUNT})\\s+(?:${SPAN})\\b`, 'i'),
    word: 'ago',
  },
  // since the upgrade, since about 9, since last Friday, since early morning
  {
    re: /* @__PURE__ */ new RegExp(
      `\\bsince\\s+(?:(?:about|around|approx(?:imately)?|roughly|before|after)\\s+)?(?:\\d|(?:${MONTH})\\b|(?:early|late|last|this|yesterday|today|midnight|noon|morning|afternoon|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|(?:(?:the|our|last|yesterday's|yesterday’s)\\s+)?(?:upgrade|update|deploy(?:ment)?|patch(?:ing)?|migration|maintenance|change|outage|incident|reboot|restart|release)\\b)`,
      'i',
    ),
    word: 'since',
    phrase: true,
  },
  // started at …, began on …, first noticed around …
  {
    re: /\b(?:started|began|begun|first\s+(?:noticed|seen|observed|occurred|happened|reported|appeared))\s+(?:at|on|around|about|after|yesterday|today|this|last|when|since|overnight|in\s+the\s+(?:morning|afternoon|evening|night))\b/i,
    phrase: true,
  },
];

/** The phrase from `start`: the match and what follows it up to a stop or comma, at most `max` characters. */
function phraseFrom(text: string, start: number, matched: number, max = 40): string {
  const rest = text.slice(start + matched, start + matched + max);
  const stop = rest.search(/[!?,;\n(]|\.(?:\s|$)/);
  return shorten(text.slice(start, start + matched) + (stop === -1 ? rest : rest.slice(0, stop)), max);
}

function sinceIn(text: string, lower: string = text.toLowerCase()): string | null {
  const hasDigit = /\d/.test(text);
  const words = new Map<Trigger, boolean>();
  const holds = (word: Trigger) => {
    let found = words.get(word);
    if (found === undefined) words.set(word, (found = TRIGGERS[word].test(text)));
    return found;
  };
  for (const { re, needs, word, digit, phrase } of SINCE_PATTERNS) {
    if (digit && !hasDigit) continue;
    if (needs && !needs.some((n) => lower.includes(n))) continue;
    if (word && !holds(word)) continue;
    const m = re.exec(text);
    if (m) return phrase ? phraseFrom(text, m.index, m[0].length) : m[0].trim();
  }
  return null;
}

/** Fields that ask when it started. */
const SINCE_LABEL_RE = /\b(?:since|start(?:ed)?|began|begin|occur(?:red)?|first\s+(?:seen|noticed)|when)\b/i;

/**
 * Since when. Accepts, in the subject and description (not in pasted log lines) or in a field
 * asking when it started: a clock time (`09:10 UTC`, `9:10pm`, `9am`), a date (`2026-12-06`,
 * `06.12.2026`, `12/6/26`, `Dec 6`, `6th of December`), a relative time (`yesterday`,
 * `this morning`, `last night`, `over the weekend`, a weekday), a duration (`for 2 hours`,
 * `for the last 3 days`, `2 hours ago`), `since …` followed by a time, a month, a weekday or an
 * event (`since the upgrade`), and `started at/on/after/when …`.
 * Refuses: timestamps in pasted log lines, ports and addresses (`host:22`, `10.0.0.5:22`),
 * `every Monday`/`Mondays`, causal "since" ("since we use PE"), bare "today", "now", and a
 * lower-case "may"/"march" as a month.
 */
function findSince(p: Prepared): string | null {
  const inText = sinceIn(p.prose, p.proseLower);
  if (inText) return inText;
  for (const field of p.fieldsLabelled(SINCE_LABEL_RE)) {
    const found = sinceIn(field.value);
    if (found) return found;
  }
  return null;
}

// --- what changed ---------------------------------------------------------------------

const NEGATED = '(?:(?:did|do|does|have|has|had|was|were)(?:\\s+not|n[’\']?t)|never)';

/** Explicit statements of a change, or of none ("nothing changed" is an answer). */
const CHANGE_PATTERNS: readonly RegExp[] = [
  // nothing changed, nothing has changed, nobody changed anything
  /\b(?:nothing|no\s+one|nobody)\s+(?:(?:has|had|was|were|have)\s+)?(?:been\s+)?(?:recently\s+)?(?:changed|touched|modified|deployed|upgraded)\b/gi,
  // no changes, no recent changes, no upgrades, no change was made
  /\bno\s+(?:recent\s+|known\s+|new\s+|other\s+)?(?:changes|upgrades|deployments|deploys|config(?:uration)?\s+changes?)\b|\bno\s+(?:recent\s+|known\s+)?change\s+(?:was|were|has\s+been|had\s+been)\s+made\b/gi,
  // we did not change anything, we haven't upgraded
  /* @__PURE__ */ new RegExp(`${NEGATED}\\s+(?:\\w+\\s+)?(?:change|changed|touch|touched|upgrade|upgraded|deploy|deployed|modify|modified|patch|patched)\\b`, 'gi'),
  // we upgraded, I changed, the team deployed, someone modified (not "I updated the ticket")
  /\b(?:we|i|they|someone|somebody|team|admins?|developers?|devs|he|she|ops)(?:[’'](?:ve|d))?\s+(?:(?:have|has|had|just|recently|then|also|accidentally)\s+){0,2}(?:upgraded|updated|deployed|redeployed|patched|migrated|installed|reinstalled|reconfigured|changed|modified|replaced|renewed|rotated|regenerated|added|removed|enabled|disabled|moved|switched|rolled\s+(?:out|back)|applied|rebuilt)\b(?!\s+(?:the|this|my|our)\s+(?:ticket|case|request|description|subject|title)\b)/gi,
  // it was upgraded, the config was changed, the servers were patched
  /\b(?:was|were|got|been)\s+(?:just\s+|recently\s+)?(?:upgraded|updated|patched|migrated|deployed|redeployed|changed|modified|reconfigured|replaced|moved|rebuilt|reinstalled|renewed|rotated|regenerated)\b/gi,
  // upgraded to 2023.8.1, patched the OS, changed the config, deployed new code
  /\b(?:upgraded|updated|patched|migrated|deployed|redeployed|changed|modified|reconfigured|rolled\s+out)\s+(?!(?:the|this|my|our)\s+(?:ticket|case|request|description|subject|title)\b)(?:from|to|the|our|a|an|all|some|new|puppet|pe|it|them|its|their|every)\b/gi,
  // after the upgrade, following last night's deployment, we did an upgrade
  /\b(?:after|following|since|during)\s+(?:the\s+|an?\s+|our\s+|last\s+night[’']s\s+|yesterday[’']s\s+|the\s+recent\s+|a\s+recent\s+)?(?:upgrade|update|deployment|deploy|patch(?:ing)?|migration|config(?:uration)?\s+change|change|maintenance|installation|rollout|release)\b|\b(?:did|performed|ran|completed|finished)\s+(?:an?\s+|the\s+|our\s+)?(?:upgrade|update|migration|deployment|deploy|patching|patch)\b/gi,
  // a config change, configuration changes, a firewall change
  /\b(?:config(?:uration)?|code|firewall|network|dns|certificate|cert|hiera|infrastructure|os|kernel|proxy|schema|security|hardware|database|db|server)\s+changes?\b/gi,
];

/** All of CHANGE_PATTERNS in one, searched in a single pass (at one position the first one listed wins). */
const CHANGE_ANY = /* @__PURE__ */ new RegExp(CHANGE_PATTERNS.map((p) => `(?:${p.source})`).join('|'), 'gi');

/**
 * A word stem every one of CHANGE_PATTERNS needs (keep them in step): one cheap pass spares
 * the eight patterns on a text that holds none.
 */
const CHANGE_GATE =
  /chang|upgrad|updat|deploy|patch|migrat|install|config|modif|touch|replac|renew|rotat|regenerat|added|removed|enabled|disabled|moved|switched|rolled|applied|rebuilt|maintenance|rollout|release/i;

/** What turns a statement into a plan or a question: looked for before the statement only, in its clause. */
const CHANGE_UNDONE =
  /\b(?:will|shall|going[ \t]+to|plan(?:s|ning)?[ \t]+to|want(?:s)?[ \t]+to|would|should|could|can|cannot|might|may|need(?:s)?[ \t]+to|about[ \t]+to|intend(?:s)?[ \t]+to|if|whether|before[ \t]+we|unable[ \t]+to)\b|\bcan[’']t\b/gi;

/** Where each match of a global pattern starts, in one pass. */
function starts(pattern: RegExp, text: string): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** Where the clause of a statement starts: the sentence start or just after the last , ; : or dash. */
function clauseStart(text: string, start: number, at: number): number {
  let from = at;
  while (from > start) {
    const c = text.charCodeAt(from - 1);
    // , ; : – — and a spaced hyphen end a clause
    if (c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014) break;
    if (c === 45 && text.charCodeAt(from - 2) === 32 && text.charCodeAt(from) === 32) break;
    from--;
  }
  return from;
}

/** Values that answer nothing: placeholders and "yes" (a change, but not which). */
const NO_ANSWER = /^(?:-+|–|—|n\/?a|none\s+selected|select(?:\s+an?\s+option)?|please\s+select|choose|unknown|not\s+sure|don[’']?t\s+know|tbd|\?+|yes|y)$/i;

/**
 * What changed. Accepts explicit statements, in the subject and description (not in pasted
 * log lines): a change done (`we upgraded`, `deployed new code`, `was patched`, `migrated to`,
 * `after the upgrade`, `a config change`, `configuration changes`) or none (`nothing changed`,
 * `no changes`, `no recent changes`, `we did not change anything`, `haven't upgraded`); or
 * a field asking what changed with an answer (any words but placeholders, "unknown" or a bare
 * "yes"). Refuses a question (a sentence ending in "?"), a plan or a condition before the
 * statement ("we will upgrade", "should we upgrade", "before we migrate"), descriptions of a
 * set-up ("PE is deployed in AWS", "agent installed on 500 nodes"), and "no change" on its own
 * (it says a fix did nothing).
 */
function findChange(p: Prepared): string | null {
  const text = p.prose;
  let found: string | null = null;
  if (CHANGE_GATE.test(text)) {
    // Where the words that undo a statement stand, found in one pass; statements come in order,
    // so one pointer tells whether one of them stands in a statement's clause.
    const undone = starts(CHANGE_UNDONE, text);
    let u = 0;
    p.proseSentences.scan(
      CHANGE_ANY,
      (m, start, _end, question) => {
        if (question) return;
        const from = clauseStart(text, start, m.index);
        while (u < undone.length && undone[u]! < from) u++;
        if (u < undone.length && undone[u]! < m.index) return;
        found = phraseFrom(text, m.index, m[0].length, 50);
        return true;
      },
      PER_SENTENCE,
    );
    if (found) return found;
  }
  for (const field of p.fieldsLabelled(/\bchang/i)) {
    const value = field.value.trim();
    if (/\p{L}/u.test(value) && !NO_ANSWER.test(value)) return shorten(value, 50);
  }
  return null;
}

// --- business impact ---------------------------------------------------------------------

/** "production"/"prod" as a word of its own: not part of a name, path, host or quoted environment name. */
const PRODUCTION = /(?<![\w/.'"=_-])(?:production|prod)(?![\w/'"=_-]|\.\w)/gi;
/** What right before "production" says it is not production, or is Puppet's environment called so (looked for at one position). */
const NOT_PRODUCTION =
  /(?<=(?:\bnon|\bpre|\bnot|n[’']t|\bnever|\boutside(?:[ \t]+of)?|\bno|\benvironment|\benv|--?e(?:nvironment)?)[ \t=]*(?:(?:in|a|an|the|our|on)[ \t]+)?)/iy;

const PEOPLE = 'users|customers|clients|employees|developers|engineers|staff|teams|people|members|patients|students|shoppers|agents';
const THINGS =
  'nodes|servers|hosts|machines|vms|instances|services|applications|apps|sites|websites|stores|systems|deployments|releases|orders|payments|transactions|databases|workstations|endpoints|devices|containers|clusters|regions|datacenters|data[ \\t]+centers|environments';
const SINGULAR = 'user|customer|client|node|agent|server|host|machine|vm|instance|service|application|app|site|store|system|endpoint|device';

/** A count of people or things: "1,200 nodes", "all agents", "all of our Windows servers", "every node". */
const AFFECTED_COUNT = /* @__PURE__ */ new RegExp(
  `\\b(?<![.,])(?:\\d{1,3}(?:[,.'\\u00a0\\u202f]\\d{3})+|\\d{1,7}|all|every|most|half|many|several|hundreds|thousands|dozens)(?:\\s+of)?(?:\\s+(?:the|our|my|its|their|these|those))?(?:\\s+(?!(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|times?|ago)\\b)[a-z][\\w-]{0,30}){0,2}?\\s+(?:${PEOPLE}|${THINGS}|${SINGULAR})\\b`,
  'i',
);
/** People or things named in plural, in a sentence that says they are hit (words within one line). */
const AFFECTED_NOUN = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|everyone|everybody|nobody|no[ \\t]+one|end[ \\t-]users?)\\b`, 'gi');
const IMPACT_WORD =
  /\b(?:affected|impacted|down|unable|cannot|can[ \t]+not|blocked|offline|unavailable|unreachable|failing|fail|failed|fails|broken|outage|stuck|locked[ \t]+out|not[ \t]+working|not[ \t]+able|stopped|losing|lost|waiting)\b|\bcan[’']t\b/gi;
/** The business named outright. */
const BUSINESS_WORDS = /\bcustomer[\s-]facing\b|\b(?:losing|lost)\s+(?:revenue|money|sales|orders)\b|\brevenue\b/i;
/** Any word AFFECTED_COUNT, AFFECTED_NOUN or BUSINESS_WORDS needs. */
const AFFECTED_ANY = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|${SINGULAR}|everyone|everybody|nobody|no\\s+one|end[\\s-]users?|customer[\\s-]facing|revenue)\\b`, 'i');
/** A field that counts people or things hit: "Number of affected nodes", "Affected users". */
const AFFECTED_LABEL = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|${SINGULAR})\\b`, 'i');

function productionIn(sentences: Sentences): string | null {
  const text = sentences.text;
  let found: string | null = null;
  sentences.scan(
    PRODUCTION,
    (m) => {
      NOT_PRODUCTION.lastIndex = m.index;
      if (NOT_PRODUCTION.test(text)) return;
      found = m[0];
      return true;
    },
    PER_SENTENCE,
  );
  return found;
}

function affectedIn(sentences: Sentences): string | null {
  const text = sentences.text;
  // Every way of naming who or what is hit needs one of these words: one cheap look first.
  if (!AFFECTED_ANY.test(text)) return null;
  const counted = AFFECTED_COUNT.exec(text);
  if (counted) return shorten(counted[0], 40);
  const business = BUSINESS_WORDS.exec(text);
  if (business) return business[0];
  // People or things in a sentence that says they are hit: where each kind of word stands is
  // found in one pass, then each sentence with an impact word is searched for a noun.
  const impacts = starts(IMPACT_WORD, text);
  if (impacts.length === 0) return null;
  const nouns = starts(AFFECTED_NOUN, text);
  for (const at of impacts) {
    const { start, end } = sentences.bounds(at, at + 1);
    let lo = 0;
    let hi = nouns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nouns[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < nouns.length && nouns[lo]! < end) {
      AFFECTED_NOUN.lastIndex = nouns[lo]!;
      return AFFECTED_NOUN.exec(text)![0];
    }
  }
  return null;
}

/**
 * Business impact (for P1): production named AND who or what is affected.
 * Production: "production" or "prod" as a word, in the subject, description (not pasted log
 * lines) or a field's value ("Environment: Production"). Refuses "non-production", "pre-prod",
 * "not (in) production", "environment production" and `'production'` (Puppet's default code
 * environment as logs name it), and names such as `prod01`, `production.example.com`.
 * Affected: a count of people or things ("1,200 nodes", "all agents", "every node", "all of our
 * Windows servers", "300 users"); people or things in plural in a sentence that says they are
 * hit ("customers cannot check out", "agents are failing"); "customer-facing", lost revenue; or
 * a field about affected people or things ("Number of affected nodes") with a number or "all".
 */
function findBusinessImpact(p: Prepared): string | null {
  // The fields first: they are short, and an "Environment: Production" field says it at once.
  let production: string | null = null;
  for (const field of p.fields) if (!production) production = productionIn(new Sentences(field.value));
  if (!production && p.proseLower.includes('prod')) production = productionIn(p.proseSentences);
  if (!production) return null;
  let affected = affectedIn(p.proseSentences);
  for (const field of p.fields) if (!affected) affected = affectedIn(new Sentences(field.value));
  if (!affected) {
    for (const field of p.fieldsLabelled(AFFECTED_LABEL)) {
      if (/\b(?:[1-9]\d*|all|every(?:one)?|most)\b/i.test(field.value)) {
        affected = shorten(`${field.label}: ${field.value}`, 40);
        break;
      }
    }
  }
  return affected ? `${production}; ${affected}` : null;
}

// --- admin keywords ---------------------------------------------------------------------

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  // A surrogate half: judge the whole code point it belongs to.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index - 1)!));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * The first keyword present in `text` as a whole word or phrase (case-insensitive, white
 * space folded), as the text writes it. Plain text only: nothing in a keyword is a pattern.
 */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  return keywordIn(foldForKeywords(text), keywords);
}

/** A text with its white space folded to single spaces, and the same in lower case. */
interface KeywordText {
  folded: string;
  lower: string;
}

function foldForKeywords(text: string): KeywordText {
  // Only runs of white space and other white-space characters need replacing (single spaces are common).
  const folded = text.replace(/[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2,}/g, ' ').replace(/ {2,}/g, ' ');
  return { folded, lower: folded.toLowerCase() };
}

function keywordIn({ folded, lower }: KeywordText, keywords: readonly string[]): string | null {
  const aligned = lower.length === folded.length;
  for (const raw of keywords) {
    const keyword = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!keyword) continue;
    const wordStart = isWordChar(keyword, 0);
    const wordEnd = isWordChar(keyword, keyword.length - 1);
    for (let at = lower.indexOf(keyword); at !== -1; ) {
      const end = at + keyword.length;
      const startsWord = !wordStart || !isWordChar(lower, at - 1);
      const endsWord = !wordEnd || !isWordChar(lower, end);
      if (startsWord && endsWord) return aligned ? folded.slice(at, end) : raw.trim();
      // A keyword that starts a word can next start only after this word: skip it whole,
      // so a text of one long word costs one pass, not one search per letter.
      let next = at + 1;
      if (wordStart) while (next < lower.length && isWordChar(lower, next)) next++;
      at = lower.indexOf(keyword, next);
    }
  }
  return null;
}

function findKeywords(p: Prepared, keywords: readonly string[]): string | null {
  const inText = keywordIn(p.keywordText, keywords);
  if (inText) return inText;
  for (const text of [...p.fields.map((f) => f.value), ...p.attachments]) {
    const found = findKeyword(text, keywords);
    if (found) return found;
  }
  return null;
}

// --- the judge --------------------------------------------------------------------------

const RULES: Record<EssentialId, (p: Prepared) => string | null> = {
  'what-broke-since': findSince,
  'what-changed': findChange,
  'pe-version': findPeVersion,
  'support-script': findSupportScript,
  'business-impact': findBusinessImpact,
};

/** One result per essential, in the essentials' order. */
export function judgeReadiness(
  snapshot: TicketSnapshot,
  essentials: readonly EssentialDefinition[] = DEFAULT_ESSENTIALS,
): EssentialResult[] {
  const p = new Prepared(snapshot);
  return essentials.map((essential): EssentialResult => {
    const { id, label } = essential;
    const rule = essential.rule && isEssentialId(essential.rule) ? RULES[essential.rule] : undefined;
    const keywords = cleanKeywords(essential.keywords);
    if (!rule && !keywords) return { id, label, state: 'unknown' };
    const evidence = (rule ? rule(p) : null) ?? (keywords ? findKeywords(p, keywords) : null);
    return evidence ? { id, label, state: 'found', evidence } : { id, label, state: 'missing' };
  });
}

// --- the one line on what is missing ---------------------------------------------------

const ASK: Record<EssentialId, string> = {
  'what-broke-since': 'when it started',
  'what-changed': 'what changed just before it broke',
  'pe-version': 'your PE version',
  'support-script': 'the support script output',
  'business-impact': 'who or what in production is affected',
};

/** An admin's label as part of a sentence: no final stop; "Change number" → "change number", "SAN vendor" kept. */
function askFor(label: string): string {
  const text = label.trim().replace(/\s+/g, ' ').replace(/[.:;!。]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * One plain sentence naming what is missing, in the essentials' order, e.g. "Add your PE
 * version and the support script output so Support can start at once."; null when nothing is
 * missing. Essentials it cannot tell about are not named. A built-in essential is named by its
 * rule (its id, or `<rule>-<n>` for a repeated one); an admin's by its label.
 */
export function missingSummary(results: readonly EssentialResult[]): string | null {
  const parts = results
    .filter((r) => r.state === 'missing')
    .map((r) => {
      const rule = r.id.replace(/-\d+$/, '');
      return isEssentialId(rule) ? ASK[rule] : askFor(r.label);
    })
    .filter((part, i, all) => part !== '' && all.indexOf(part) === i);
  if (parts.length === 0) return null;
  return `Add ${joinAnd(parts)} so Support can start at once.`;
}
