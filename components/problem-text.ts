/**
 * A settings problem (lib/config/problem.ts) in the UI language: the one place that words
 * them, for the options page, the popup and anything else that shows one. Counts go through
 * Intl (plural category and number), lists through Intl.ListFormat. Key names, JSON values
 * and patterns stay as written, quoted as JSON.
 */
import type { ConfigProblem, Given, Issue, MatchPatternReason } from '../lib/config/problem';
import { formatNumber, listFormat, pluralCategory, t } from './i18n';

const quoted = (text: string): string => JSON.stringify(text);


/** What was given, in a few words. */
export function givenText(given: Given): string {
  switch (given.kind) {
    case 'nothing':
      return t('problem.given.nothing');
    case 'null':
      return t('problem.given.null');
    case 'scalar':
      return given.text;
    case 'text':
      if (given.length <= given.text.length) return quoted(given.text);
      return t(`problem.given.textCut.${pluralCategory(given.length)}`, { text: quoted(`${given.text}…`), count: formatNumber(given.length) });
    case 'list':
      if (given.count === 0) return t('problem.given.emptyList');
      return t(`problem.given.list.${pluralCategory(given.count)}`, { count: formatNumber(given.count) });
    case 'object': {
      if (given.count === 0) return t('problem.given.emptyObject');
      const more = given.count - given.keys.length;
      const keys = given.keys.map(quoted);
      if (more > 0) keys.push(t(`problem.given.moreKeys.${pluralCategory(more)}`, { count: formatNumber(more) }));
      return t(`problem.given.object.${pluralCategory(given.count)}`, { keys: listFormat(keys) });
    }
    case 'other':
      return t('problem.given.other', { type: given.type });
  }
}

function matchPatternReason(why: MatchPatternReason): string {
  switch (why.reason) {
    case 'tooLong':
      return t(`problem.issue.matchPatternReason.tooLong.${pluralCategory(why.max)}`, { count: formatNumber(why.max) });
    case 'notHttps':
      return t('problem.issue.matchPatternReason.notHttps', { scheme: why.scheme });
    case 'publicSuffix':
      return t('problem.issue.matchPatternReason.publicSuffix', { suffix: why.suffix });
    default:
      return t(`problem.issue.matchPatternReason.${why.reason}`);
  }
}

/** "This entry needs "a" and "b", but "a" is missing and "b" is not valid." */
function entryNeedsText(missing: readonly string[], invalid: readonly string[]): string {
  const why: string[] = [];
  if (missing.length) why.push(t(`problem.issue.entryMissing.${pluralCategory(missing.length)}`, { keys: listFormat(missing.map(quoted)) }));
  if (invalid.length) why.push(t(`problem.issue.entryInvalid.${pluralCategory(invalid.length)}`, { keys: listFormat(invalid.map(quoted)) }));
  return t('problem.issue.entryNeeds', { needed: listFormat([...missing, ...invalid].map(quoted)), why: listFormat(why) });
}

/** What was wrong, in a sentence or two. */
export function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'expected':
      return t(`problem.issue.expected.${issue.thing}`);
    case 'expectedOneOf':
      return t('problem.issue.expectedOneOf', { values: listFormat(issue.values.map((v) => JSON.stringify(v)), 'disjunction') });
    case 'atLeast':
      return t(`problem.issue.atLeast.${issue.unit}.${pluralCategory(issue.count)}`, { count: formatNumber(issue.count) });
    case 'atMost':
      return t(`problem.issue.atMost.${issue.unit}.${pluralCategory(issue.count)}`, { count: formatNumber(issue.count) });
    case 'notEmpty':
      return t('problem.issue.notEmpty');
    case 'notAllowed':
      return t(`problem.issue.notAllowed.${issue.as}`);
    case 'matchPattern':
      return t('problem.issue.matchPattern', { reason: matchPatternReason(issue.why) });
    case 'cssSelector':
      return t('problem.issue.cssSelector', { reason: t(`problem.issue.cssSelectorReason.${issue.why}`) });
    case 'invalidJson':
      return t(`problem.issue.invalidJson.${issue.want}`);
    case 'policyOnly':
      return t('problem.issue.policyOnly');
    case 'languageTag':
      return t('problem.issue.languageTag', { tag: quoted(issue.meant) });
    case 'unknownKey':
      return issue.like !== null
        ? t('problem.issue.unknownKey.like', { key: quoted(issue.like) })
        : t('problem.issue.unknownKey.known', { keys: listFormat(issue.known.map(quoted)) });
    case 'entryNeeds':
      return entryNeedsText(issue.missing, issue.invalid);
    case 'unusedKeywords':
      return issue.like !== null
        ? t('problem.issue.unusedKeywords.like', { item: quoted(issue.like) })
        : t('problem.issue.unusedKeywords.items', { items: listFormat(issue.items.map(quoted)) });
    case 'unreadable':
      return t('problem.issue.unreadable', { error: issue.error });
    case 'moreProblems':
      return t(`problem.issue.moreProblems.${pluralCategory(issue.count)}`, { count: formatNumber(issue.count) });
    case 'invalid':
      return t('problem.issue.invalid');
  }
}

/** The whole problem without its key path: what was wrong, what was given, what became of it. */
export function problemText(problem: ConfigProblem): string {
  const issue = issueText(problem.issue);
  if (!problem.verdict) return issue;
  const verdict = t(`problem.verdict.${problem.verdict}`);
  return problem.given
    ? t('problem.layout.given', { issue, given: givenText(problem.given), verdict })
    : t('problem.layout.plain', { issue, verdict });
}

/** Several problems as one text (a field's error line). */
export function problemsText(problems: readonly ConfigProblem[]): string {
  return problems.map(problemText).join(' ');
}
