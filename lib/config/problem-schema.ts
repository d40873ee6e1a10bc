import { z } from 'zod';
import { COUNTED_UNITS, EXPECTED_THINGS, type ConfigProblem } from './problem';

/**
 * The shape of a stored problem (lib/config/problem.ts), for the page that words them: the
 * background wrote the report, but an older version may have written another shape, and a
 * renderer must never meet a part it cannot word. The popup only counts problems (by source),
 * so it does without zod.
 */

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const keys = z.array(z.string());

const MatchPatternReasonSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('tooLong'), max: z.number() }),
  z.object({
    reason: z.enum([
      'spaces',
      'allUrls',
      'noScheme',
      'noPath',
      'noHost',
      'userName',
      'port',
      'hash',
      'starAlone',
      'wildcardPlace',
      'ipWildcard',
      'hostLetters',
      'notFullDomain',
    ]),
  }),
  z.object({ reason: z.literal('notHttps'), scheme: z.string() }),
  z.object({ reason: z.literal('publicSuffix'), suffix: z.string() }),
]);

const IssueSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('expected'), thing: z.enum(EXPECTED_THINGS) }),
  z.object({ code: z.literal('expectedOneOf'), values: z.array(scalar) }),
  z.object({ code: z.literal('atLeast'), count: z.number(), unit: z.enum(COUNTED_UNITS) }),
  z.object({ code: z.literal('atMost'), count: z.number(), unit: z.enum(COUNTED_UNITS) }),
  z.object({ code: z.literal('notEmpty') }),
  z.object({ code: z.literal('notAllowed'), as: z.enum(['optionText', 'essentialText']) }),
  z.object({ code: z.literal('matchPattern'), why: MatchPatternReasonSchema }),
  z.object({ code: z.literal('cssSelector'), why: z.enum(['forbiddenCharacters', 'closingBracket', 'unclosed']) }),
  z.object({ code: z.literal('invalidJson'), want: z.enum(['object', 'list']) }),
  z.object({ code: z.literal('policyOnly') }),
  z.object({ code: z.literal('languageTag'), meant: z.string() }),
  z.object({ code: z.literal('unknownKey'), like: z.string().nullable(), known: keys }),
  z.object({ code: z.literal('entryNeeds'), missing: keys, invalid: keys }),
  z.object({ code: z.literal('unusedKeywords'), like: z.string().nullable(), items: keys }),
  z.object({ code: z.literal('unreadable'), error: z.string() }),
  z.object({ code: z.literal('moreProblems'), count: z.number() }),
  z.object({ code: z.literal('invalid') }),
]);

const GivenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nothing') }),
  z.object({ kind: z.literal('null') }),
  z.object({ kind: z.literal('text'), text: z.string(), length: z.number() }),
  z.object({ kind: z.literal('scalar'), text: z.string() }),
  z.object({ kind: z.literal('list'), count: z.number() }),
  z.object({ kind: z.literal('object'), keys, count: z.number() }),
  z.object({ kind: z.literal('other'), type: z.string() }),
]);

const SourceSchema = z.enum(['policy', 'user']);

export const ConfigProblemSchema = z.object({
  source: SourceSchema,
  path: z.string(),
  issue: IssueSchema,
  given: GivenSchema.optional(),
  verdict: z.enum(['ignored', 'entryIgnored', 'allIgnored', 'keywordsUnused']).optional(),
}) satisfies z.ZodType<ConfigProblem>;

/**
 * The stored problems as the options page can word them: each valid one as it is; one of
 * another shape that still names its source and key, as "Not valid" for that key; the rest left out.
 */
export function readProblems(stored: unknown): ConfigProblem[] {
  if (!Array.isArray(stored)) return [];
  const problems: ConfigProblem[] = [];
  for (const item of stored) {
    const valid = ConfigProblemSchema.safeParse(item);
    if (valid.success) {
      problems.push(valid.data);
      continue;
    }
    const named = z.object({ source: SourceSchema, path: z.string() }).safeParse(item);
    if (named.success) problems.push({ ...named.data, issue: { code: 'invalid' }, verdict: 'ignored' });
  }
  return problems;
}
