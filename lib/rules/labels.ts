import type { Level } from './levels';

/**
 * Label recognition: from what a priority option says ("P1 - Critical", "Sev 2",
 * "urgent", "priority_1") to a level. Deliberately strict: a label that merely
 * contains a digit ("Project 1") or a level-ish word inside prose is not recognised.
 */

export interface OptionLike {
  label: string;
  value: string;
}

/** Blocker/Critical/Major/Minor shifts "critical" down to the second level. */
export type LabelScheme = 'default' | 'blocker';

const LEVEL_WORDS: Record<string, Level> = {
  urgent: 1,
  emergency: 1,
  blocker: 1,
  highest: 1,
  critical: 1,
  high: 2,
  major: 3,
  medium: 3,
  moderate: 3,
  normal: 3,
  low: 4,
  lowest: 4,
  minor: 4,
  trivial: 4,
};

/** Words that may stand around a level without changing it. */
const FILLER_WORDS = new Set(['priority', 'prio', 'pri', 'severity', 'sev', 'urgency', 'impact', 'level']);
/** Words that may stand right before a digit: "P 1", "Sev 1", "Priority 1". */
const DIGIT_PREFIXES = new Set(['p', 's', 'priority', 'prio', 'pri', 'severity', 'sev', 'level']);
const PREFIXED_DIGIT = /^(p|s|sev|pri|prio|priority|severity|level)([0-9])$/;

/** Where a label's head ends and its description starts: "P1 - Critical", "1 (Urgent)". */
const HEAD_SEPARATOR = /\s[-–—|]\s|:|\(|\[/;
/** A head in brackets before the description: "[P1] Critical", "(Sev 1) Production down". */
const BRACKETED_HEAD = /^\s*[([]([^()[\]]*)[)\]]/;

function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[_]/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function wordLevel(word: string, scheme: LabelScheme): Level | undefined {
  if (word === 'critical' && scheme === 'blocker') return 2;
  return LEVEL_WORDS[word];
}

function digitLevel(digit: string): Level | null {
  const n = Number(digit);
  return n >= 1 && n <= 4 ? (n as Level) : null;
}

/** Level of a label head such as "P1", "Sev 2", "High priority", "1"; null when unsure. */
function recogniseHead(words: string[], scheme: LabelScheme): Level | null | undefined {
  let fromDigit: Level | null | undefined;
  let fromWord: Level | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const prefixed = PREFIXED_DIGIT.exec(word);
    if (prefixed) {
      if (fromDigit !== undefined) return null;
      fromDigit = digitLevel(prefixed[2]!);
      continue;
    }
    if (/^[0-9]+$/.test(word)) {
      const previous = words[i - 1];
      const bareAtStart = i === 0;
      if (fromDigit !== undefined || !(bareAtStart || (previous && DIGIT_PREFIXES.has(previous)))) {
        return null;
      }
      fromDigit = word.length === 1 ? digitLevel(word) : null;
      continue;
    }
    const level = wordLevel(word, scheme);
    if (level !== undefined) {
      fromWord ??= level;
      continue;
    }
    if (!FILLER_WORDS.has(word) && !DIGIT_PREFIXES.has(word)) return null;
  }
  if (fromDigit !== undefined) return fromDigit;
  return fromWord; // undefined: only filler words, look further
}

/** The level a single label or value names, or null. */
export function recogniseLabel(text: string, scheme: LabelScheme = 'default'): Level | null {
  const bracketed = BRACKETED_HEAD.exec(text);
  if (bracketed) {
    const level = recogniseHead(tokens(bracketed[1]!), scheme);
    if (level !== undefined) return level;
    // "(Priority) High": brackets of filler words hand over to what follows.
    return recogniseLabel(text.slice(bracketed[0].length), scheme);
  }
  const separator = HEAD_SEPARATOR.exec(text);
  const head = separator ? text.slice(0, separator.index) : text;
  const level = recogniseHead(tokens(head), scheme);
  if (level !== undefined) return level;
  // "Priority: High", "Severity (1)": a head of filler words hands over to what follows.
  if (separator && tokens(head).length > 0) {
    return recogniseLabel(text.slice(separator.index + separator[0].length), scheme) ?? null;
  }
  return null;
}

export function schemeOf(options: readonly OptionLike[]): LabelScheme {
  const usesBlocker = options.some((o) => tokens(o.label).includes('blocker') || tokens(o.value).includes('blocker'));
  return usesBlocker ? 'blocker' : 'default';
}

/** The level of one option, judged with its siblings: label first, then value. */
export function recogniseOption(option: OptionLike, scheme: LabelScheme): Level | null {
  return recogniseLabel(option.label, scheme) ?? recogniseLabel(option.value, scheme);
}

/** Each option's level, in order (null where not recognised). */
export function recogniseOptions(options: readonly OptionLike[]): (Level | null)[] {
  const scheme = schemeOf(options);
  return options.map((o) => recogniseOption(o, scheme));
}

/** True when these levels make a priority scale: P1 plus at least one other level. */
export function isPriorityScale(levels: readonly (Level | null)[]): boolean {
  const offered = new Set(levels.filter((l) => l !== null));
  return offered.has(1) && offered.size >= 2;
}

/** True when the options look like a priority scale: P1 plus at least one other level. */
export function looksLikePriorityScale(options: readonly OptionLike[]): boolean {
  return isPriorityScale(recogniseOptions(options));
}

/** The first option that names `level`, or undefined. */
export function optionForLevel<T extends OptionLike>(options: readonly T[], level: Level): T | undefined {
  const levels = recogniseOptions(options);
  return options.find((_, i) => levels[i] === level);
}
