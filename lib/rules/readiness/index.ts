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
 *
 * One file per rule (pe-version, support-script, since, what-changed, business-impact), admin
 * keywords (keywords), the shared text helpers (text, prepared), the configured essentials
 * (essentials), the judge (judge) and what the one line on what is missing names (summary;
 * components/readiness-text.ts words it in the user's language).
 */
export * from './types';
export { BUSINESS_IMPACT_LABEL, DEFAULT_ESSENTIALS, essentialsFromConfig, sameLabel } from './essentials';
export { headingsToAppend, missingHeadings } from './headings';
export { findKeyword } from './keywords';
export { judgeReadiness } from './judge';
export { labelInSentence, missingItems, type MissingItem } from './summary';
