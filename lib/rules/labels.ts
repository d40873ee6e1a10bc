import type { Level } from './levels';

/**
 * Label recognition: from what a priority option says ("P1 - Critical", "Sev 2",
 * "urgent", "priority_1", "Dringend", "緊急") to a level. Deliberately strict: a label that
 * merely contains a digit ("Project 1") or a level-ish word inside prose ("High availability
 * setup", "Hoch motiviertes Team", "低いレイテンシー") is not recognised.
 *
 * Words are compared folded: compatibility-decomposed (full-width → ASCII), accents and other
 * combining marks dropped, lower case. So "Élevée", "élevée" and "ELEVEE" are one word, and
 * letters of any script make words ("Priorität" is one word, "Высокий" an unknown one).
 * Japanese has no spaces: a run of kana/kanji counts only when it is made entirely of known
 * words with at most one level word ("高", "高優先度", "優先度高"); any other run
 * ("低いレイテンシー", "緊急時の連絡先") is an unknown word, which makes the label unrecognised.
 */

export interface OptionLike {
  label: string;
  value: string;
}

/** Blocker/Critical/Major/Minor shifts "critical" down to the second level. */
export type LabelScheme = 'default' | 'blocker';

/**
 * Words that name a level on their own, per language: [level, space-separated words].
 *
 * Zendesk's system "Priority" field (values low/normal/high/urgent) as its help centres show it.
 * Where a language's exact Zendesk string could not be found in a Zendesk source, the entry
 * says so and the common word is used.
 */
const LEVEL_WORD_LISTS: readonly (readonly [Level, string])[] = [
  // English: Zendesk's Low/Normal/High/Urgent; Jira's Highest..Lowest and
  // Blocker/Critical/Major/Minor/Trivial; ServiceNow's Critical/High/Moderate/Low.
  [1, 'urgent emergency blocker highest critical'],
  [2, 'high'],
  [3, 'major medium moderate normal'],
  [4, 'low lowest minor trivial'],

  // German (de). Field name "Priorität": Zendesk's own German help centre
  // (support.zendesk.com/hc/de/articles/4408894213018, "Überblick über Systemticketregeln").
  // Options Niedrig/Normal/Hoch/Dringend: NOT found on a Zendesk page we could read; taken from
  // a Zendesk guide (eesel.ai/de/blog/zendesk-ticket-type-incident-problem-task: "Priorität
  // (Niedrig, Normal, Hoch, Dringend)") and a Zendesk connector's German strings
  // (github.com/OXIDprojects/jxZendeskConnect, …/views/admin/de/jxzendeskconnect_lang.php:
  // JXZENDESK_PRIORITY_LOW…URGENT). Severity words (Kritisch, Mittel, Gering, Höchste,
  // Niedrigste) are the common German ones, not from a Zendesk source.
  [1, 'dringend kritisch höchste'],
  [2, 'hoch hohe'],
  [3, 'mittel mittlere'],
  [4, 'niedrig niedrige niedrigste gering'],

  // French (fr). "Priorité" and "Normale": Zendesk's French help centre
  // (support.zendesk.com/hc/fr/articles/4408845755546, trigger action "Ticket > Priorité |
  // Normale"). Faible/Élevée/Urgente: NOT found in a Zendesk source we could read (common
  // words). Severity words: Critique, Bloquant(e), Majeur(e), Mineur(e), Haute, Moyen(ne), Basse.
  [1, 'urgente critique bloquant bloquante'],
  [2, 'élevée élevé haute'],
  [3, 'normale moyenne moyen majeure majeur'],
  [4, 'faible basse mineure mineur'],

  // Spanish (es). "Prioridad": Zendesk's Spanish help centre
  // (support.zendesk.com/hc/es/articles/4408894213018). Baja/Normal/Alta/Urgente: NOT found on
  // a Zendesk page we could read; a Zendesk guide lists them (eesel.ai/es/blog/
  // zendesk-sla-targets-in-ticket-views: "prioridades de los tickets (Baja, Normal, Alta,
  // Urgente)"). Severity words: Crítica/Crítico, Bloqueante, Media/Medio, Menor (common words).
  // Portuguese (pt-BR). "Prioridade": Zendesk's Portuguese help centre
  // (support.zendesk.com/hc/pt-br/articles/4408894213018). Baixa/Normal/Alta/Urgente: NOT
  // found in a Zendesk source we could read (common words). Severity: Crítica/Crítico,
  // Bloqueante/Bloqueador, Média/Médio, Menor. Spanish and Portuguese share most words.
  [1, 'urgente crítica crítico bloqueante bloqueador'],
  [2, 'alta alto'],
  [3, 'media medio média médio'],
  [4, 'baja bajo baixa baixo menor'],

  // Japanese (ja). "優先度" and "普通": Zendesk's Japanese help centre
  // (support.zendesk.com/hc/ja/articles/4408845755546: 「チケット」>「優先度」 | 普通); "高":
  // Zendesk's Japanese article on automations as published on a Zendesk help centre
  // (support.unwiredlogic.com/hc/ja/articles/360039280091: 「チケット: 優先度」>「=」>「普通」 …
  // 「高」). "低" and "緊急": NOT found on a Zendesk page we could read; a Zendesk guide lists
  // 低、普通、高、緊急 (eesel.ai/ja/blog/zendesk-sla-targets-in-ticket-views). Jira's Japanese
  // 高/中/低 (devsamurai.com/ja/priority-in-jira-tips-tricks-and-essential-insights-for-teams-jp-2-1:
  // 「高」、「中」、「低」); 最高/最低 (Highest/Lowest), 通常, severity 致命的/軽微 and the
  // katakana loanwords are common words, not from a Zendesk or Jira source.
  [1, '緊急 最高 致命的 クリティカル ブロッカー'],
  [2, '高'],
  [3, '中 普通 通常 メジャー'],
  [4, '低 最低 軽微 マイナー'],
];

/** "critical" in the languages above: the second level when the options also offer a blocker. */
const CRITICAL_WORDS = 'critical kritisch critique crítica crítico クリティカル';
/** "blocker" in the languages above: its presence selects the blocker scheme. */
const BLOCKER_WORDS = 'blocker bloquant bloquante bloqueante bloqueador ブロッカー';

/** Words that may stand around a level without changing it ("Priorität: Hoch", "優先度高"). */
const FILLER_LIST =
  'priority prio pri severity sev urgency impact level ' +
  'priorität schweregrad dringlichkeit auswirkung stufe ' +
  'priorité gravité sévérité urgence niveau ' +
  'prioridad severidad gravedad urgencia impacto nivel ' +
  'prioridade severidade gravidade urgência nível ' +
  '優先度 優先順位 重大度 重要度 緊急度 深刻度 影響度 レベル';
/** Words that may stand right before a digit: "P 1", "Sev 1", "Priorität 1", "優先度1". */
const DIGIT_PREFIX_LIST =
  'p s priority prio pri severity sev level ' +
  'priorität stufe schweregrad priorité niveau gravité sévérité ' +
  'prioridad nivel severidad gravedad prioridade nível severidade gravidade ' +
  '優先度 レベル 重大度 深刻度';
const PREFIXED_DIGIT = /^(p|s|sev|pri|prio|priority|severity|level)([0-9])$/;

/** Where a label's head ends and its description starts: "P1 - Critical", "1 (Urgent)". */
const HEAD_SEPARATOR = /\s[-–—|]\s|:|\(|\[/;
/** A head in brackets before the description: "[P1] Critical", "(Sev 1) Production down", "【P1】". */
const BRACKETED_HEAD = /^\s*[([【]([^()[\]【】]*)[)\]】]/;

/**
 * Runs of kana and kanji (with the long-vowel mark ー, which Unicode counts as neither) and runs
 * of anything else: "p1緊急" → p1, 緊急.
 */
const JAPANESE_RUN = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\u30fc]+|[^\p{sc=Han}\p{sc=Hira}\p{sc=Kana}\u30fc]+/gu;
const JAPANESE = /[\p{sc=Han}\p{sc=Hira}\p{sc=Kana}]/u;
/** Longer runs are never one label word: not worth segmenting. */
const MAX_SEGMENTED = 16;

/** Compatibility-decomposed, without combining marks, lower case. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function foldedSet(list: string): Set<string> {
  return new Set(fold(list).split(' '));
}

interface WordTables {
  levels: Map<string, Level>;
  critical: Set<string>;
  blocker: Set<string>;
  filler: Set<string>;
  digitPrefixes: Set<string>;
  /** Known Japanese words, longest first, for segmenting runs without spaces. */
  japanese: string[];
}

let tables: WordTables | undefined;

/**
 * The word tables, built on first use: a bundle that imports this module without recognising
 * labels (the guard's UI script) builds and keeps none of them.
 */
function wordTables(): WordTables {
  if (tables) return tables;
  const levels = new Map<string, Level>();
  for (const [level, list] of LEVEL_WORD_LISTS) for (const word of fold(list).split(' ')) levels.set(word, level);
  const filler = foldedSet(FILLER_LIST);
  const digitPrefixes = foldedSet(DIGIT_PREFIX_LIST);
  const japanese = [...new Set([...levels.keys(), ...filler, ...digitPrefixes])]
    .filter((w) => JAPANESE.test(w))
    .sort((a, b) => b.length - a.length);
  return (tables = { levels, critical: foldedSet(CRITICAL_WORDS), blocker: foldedSet(BLOCKER_WORDS), filler, digitPrefixes, japanese });
}

/**
 * A run of kana/kanji as known words with at most one level word ("高優先度" → 高, 優先度),
 * or null when it is anything else.
 */
function segment(run: string, from = 0, levelSeen = false): string[] | null {
  if (from === run.length) return [];
  const { japanese, levels } = wordTables();
  for (const word of japanese) {
    if (!run.startsWith(word, from)) continue;
    const isLevel = levels.has(word);
    if (isLevel && levelSeen) continue;
    const rest = segment(run, from + word.length, levelSeen || isLevel);
    if (rest) return [word, ...rest];
  }
  return null;
}

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const token of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!token) continue;
    if (!JAPANESE.test(token)) {
      out.push(token);
      continue;
    }
    // Japanese runs next to Latin letters or digits ("P1緊急", "優先度1") are separate words.
    for (const run of token.match(JAPANESE_RUN)!) {
      const words = JAPANESE.test(run) && run.length <= MAX_SEGMENTED ? segment(run) : null;
      out.push(...(words ?? [run]));
    }
  }
  return out;
}

function wordLevel(word: string, scheme: LabelScheme): Level | undefined {
  const { critical, levels } = wordTables();
  if (scheme === 'blocker' && critical.has(word)) return 2;
  return levels.get(word);
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
      if (fromDigit !== undefined || !(bareAtStart || (previous && wordTables().digitPrefixes.has(previous)))) {
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
    if (!wordTables().filler.has(word) && !wordTables().digitPrefixes.has(word)) return null;
  }
  if (fromDigit !== undefined) return fromDigit;
  return fromWord; // undefined: only filler words, look further
}

/** The level a single label or value names, or null. */
export function recogniseLabel(text: string, scheme: LabelScheme = 'default'): Level | null {
  // Full-width punctuation ("：", "（", "［") separates like its ASCII form.
  const label = text.normalize('NFKC');
  const bracketed = BRACKETED_HEAD.exec(label);
  if (bracketed) {
    const level = recogniseHead(tokens(bracketed[1]!), scheme);
    if (level !== undefined) return level;
    // "(Priority) High": brackets of filler words hand over to what follows.
    return recogniseLabel(label.slice(bracketed[0].length), scheme);
  }
  const separator = HEAD_SEPARATOR.exec(label);
  const head = separator ? label.slice(0, separator.index) : label;
  const level = recogniseHead(tokens(head), scheme);
  if (level !== undefined) return level;
  // "Priority: High", "Severity (1)": a head of filler words hands over to what follows.
  if (separator && tokens(head).length > 0) {
    return recogniseLabel(label.slice(separator.index + separator[0].length), scheme) ?? null;
  }
  return null;
}

export function schemeOf(options: readonly OptionLike[]): LabelScheme {
  const named = (text: string) => tokens(text).some((word) => wordTables().blocker.has(word));
  return options.some((o) => named(o.label) || named(o.value)) ? 'blocker' : 'default';
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
