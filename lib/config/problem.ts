/**
 * A settings problem as data: which key, what was wrong (a code and its parameters), what was
 * given and what became of the value. No words here: components/problem-text.ts turns a
 * problem into a sentence in the UI language, each code through its `problem.*` message.
 *
 * Problems are stored (storage.local, by the background) and read back by the popup and the
 * options page: keep every part plain JSON.
 */

/** A JSON value the settings accept, shown as written ("dialog", 5, true). */
export type JsonScalar = string | number | boolean;

/** What a value should have been, when one phrase says it all. */
export const EXPECTED_THINGS = [
  'text',
  'number',
  'wholeNumber',
  'trueOrFalse',
  'object',
  'list',
  'objectOrJson',
  'listOrJson',
  'settingsObject',
  'matchPattern',
  'matchPatternList',
  'httpsAddress',
  'fullHttpsAddress',
  'cssSelector',
  'cssSelectorNotEmpty',
  'optionText',
  'optionTextNotEmpty',
  'optionTextMap',
  'level',
  'phoneText',
  'phoneFormat',
  'textList',
  'essentialKeywordMap',
  'portalList',
  'viewList',
  'eachViewOnce',
  'languageTag',
  'languageWordingMap',
] as const;
export type ExpectedThing = (typeof EXPECTED_THINGS)[number];

/** What a count in "at least" / "at most" counts. */
export const COUNTED_UNITS = ['characters', 'items', 'matchPatterns', 'keywords', 'views', 'portals', 'optionTexts', 'languages', 'value'] as const;
export type CountedUnit = (typeof COUNTED_UNITS)[number];

/** Why a text is not a usable portal match pattern (lib/config/match-pattern.ts). */
export type MatchPatternReason =
  | { reason: 'tooLong'; max: number }
  | { reason: 'spaces' | 'allUrls' | 'noScheme' | 'noPath' | 'noHost' | 'userName' | 'port' | 'hash' | 'starAlone' | 'wildcardPlace' | 'ipWildcard' | 'hostLetters' | 'notFullDomain' }
  | { reason: 'notHttps'; scheme: string }
  | { reason: 'publicSuffix'; suffix: string };

/** Why a text is not a usable CSS selector (lib/config/schema.ts's selectorProblem). */
export type SelectorReason = 'forbiddenCharacters' | 'closingBracket' | 'unclosed';

/** What was wrong. `code` names the message (`problem.issue.<code>…` in the catalogues). */
export type Issue =
  | { code: 'expected'; thing: ExpectedThing }
  | { code: 'expectedOneOf'; values: JsonScalar[] }
  | { code: 'atLeast'; count: number; unit: CountedUnit }
  | { code: 'atMost'; count: number; unit: CountedUnit }
  | { code: 'notEmpty' }
  | { code: 'notAllowed'; as: 'optionText' | 'essentialText' }
  | { code: 'matchPattern'; why: MatchPatternReason }
  | { code: 'cssSelector'; why: SelectorReason }
  | { code: 'invalidJson'; want: 'object' | 'list' }
  | { code: 'policyOnly' }
  /** A key of `wording.byLanguage` that is not a BCP 47 tag, with the tag it likely means ("pt_BR" → "pt-BR"). */
  | { code: 'languageTag'; meant: string }
  | { code: 'unknownKey'; like: string | null; known: string[] }
  | { code: 'entryNeeds'; missing: string[]; invalid: string[] }
  | { code: 'unusedKeywords'; like: string | null; items: string[] }
  | { code: 'unreadable'; error: string }
  | { code: 'moreProblems'; count: number }
  | { code: 'invalid' };
export type IssueCode = Issue['code'];

/** Every issue code, for the test that each has its message. */
export const ISSUE_CODES = [
  'expected',
  'expectedOneOf',
  'atLeast',
  'atMost',
  'notEmpty',
  'notAllowed',
  'matchPattern',
  'cssSelector',
  'invalidJson',
  'policyOnly',
  'languageTag',
  'unknownKey',
  'entryNeeds',
  'unusedKeywords',
  'unreadable',
  'moreProblems',
  'invalid',
] as const satisfies readonly IssueCode[];

/** What was given, in a few facts; long text cut, nothing traversed deeply. */
export type Given =
  | { kind: 'nothing' }
  | { kind: 'null' }
  /** The text as given, its start only when `length` (the whole text's) is longer. */
  | { kind: 'text'; text: string; length: number }
  /** A number or true/false, as JSON writes it. */
  | { kind: 'scalar'; text: string }
  | { kind: 'list'; count: number }
  /** The first few keys (each cut short) and how many there are. */
  | { kind: 'object'; keys: string[]; count: number }
  /** Anything JSON does not have (a function, a bigint): its JavaScript type. */
  | { kind: 'other'; type: string };

/** What became of the value. */
export type Verdict = 'ignored' | 'entryIgnored' | 'allIgnored' | 'keywordsUnused';

/** A setting that was not used: which key, what was wrong, what was given. */
export interface ConfigProblem {
  source: 'policy' | 'user';
  /** Key path, e.g. `portals[0].matches[1]` or `wording.definitions.1`; '' for the whole policy. */
  path: string;
  issue: Issue;
  /** Absent when showing it would not help (a whole entry, the summing-up line). */
  given?: Given;
  /** Absent for the summing-up line ("And 3 more problems, not listed."). */
  verdict?: Verdict;
}
