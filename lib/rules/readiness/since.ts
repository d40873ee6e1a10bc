import type { Prepared } from './prepared';
import { phraseFrom, shorten, starts } from './text';

// The "since when" rule: a time or date expression that says when the problem started.

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
export function findSince(p: Prepared): string | null {
  const inText = sinceIn(p.prose, p.proseLower);
  if (inText) return inText;
  for (const field of p.fieldsLabelled(SINCE_LABEL_RE)) {
    const found = sinceIn(field.value);
    if (found) return found;
  }
  return null;
}

