import { ISSUE_CODES, type CountedUnit, type ExpectedThing, type Issue, type JsonScalar, type MatchPatternReason, type SelectorReason } from './problem';

/**
 * zod carries a problem only as an issue's message text: the schema's messages are Issues
 * written as JSON (`issueMessage`), and validation reads them back (`issueFromMessage`).
 */

/** The zod message that stands for `issue`. */
export function issueMessage(issue: Issue): string {
  return JSON.stringify(issue);
}

/** The Issue a zod message stands for; null when it is not one (zod's own, another schema's). */
export function issueFromMessage(message: string | undefined): Issue | null {
  if (!message?.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(message) as unknown;
    const code = (parsed as { code?: unknown } | null)?.code;
    return typeof code === 'string' && (ISSUE_CODES as readonly string[]).includes(code) ? (parsed as Issue) : null;
  } catch {
    return null;
  }
}

/** The schema's messages (lib/config/schema.ts), each an Issue. */
export const zodMessage = {
  expected: (thing: ExpectedThing) => issueMessage({ code: 'expected', thing }),
  oneOf: (values: readonly JsonScalar[]) => issueMessage({ code: 'expectedOneOf', values: [...values] }),
  atLeast: (count: number, unit: CountedUnit) => issueMessage({ code: 'atLeast', count, unit }),
  atMost: (count: number, unit: CountedUnit) => issueMessage({ code: 'atMost', count, unit }),
  notEmpty: () => issueMessage({ code: 'notEmpty' }),
  notAllowed: (as: 'optionText' | 'essentialText') => issueMessage({ code: 'notAllowed', as }),
  matchPattern: (why: MatchPatternReason) => issueMessage({ code: 'matchPattern', why }),
  cssSelector: (why: SelectorReason) => issueMessage({ code: 'cssSelector', why }),
  languageTag: (meant: string) => issueMessage({ code: 'languageTag', meant }),
};
