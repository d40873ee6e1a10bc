import { isEssentialId, type EssentialId, type EssentialResult } from './types';

// The headings "Add headings for what is missing" appends to a description: one line per
// missing essential, for the person to fill in. Worded so that the headings alone never make
// an essential found (tests/unit/rules/readiness-headings.test.ts holds them to it).

const HEADING: Record<EssentialId, string> = {
  'what-broke-since': 'When it began (date, time, time zone):',
  'what-changed': 'What was different just before:',
  'pe-version': 'Puppet Enterprise version:',
  'support-script': 'Support script output:',
  'business-impact': 'Business impact (who or what in production is hit):',
};

/** The heading line for an essential (or its result): its rule's, else its label with a colon. */
export function headingOf(id: string, label: string): string {
  const rule = id.replace(/-\d+$/, '');
  if (isEssentialId(rule)) return HEADING[rule];
  const text = label.trim().replace(/\s+/g, ' ').replace(/[.:;!。]+$/, '');
  return text ? `${text}:` : '';
}

/** One heading line per missing essential, in order, none twice; null when nothing is missing. */
export function missingHeadings(results: readonly EssentialResult[]): string | null {
  const lines = results
    .filter((r) => r.state === 'missing')
    .map((r) => headingOf(r.id, r.label))
    .filter((line, i, all) => line !== '' && all.indexOf(line) === i);
  return lines.length > 0 ? lines.join('\n') : null;
}

/** What to append to a description that holds `existing`: the headings, a blank line after any text. */
export function headingsToAppend(existing: string, headings: string): string {
  if (existing.trim() === '') return headings;
  const newlines = /\n*$/.exec(existing)![0].length;
  return `${'\n'.repeat(Math.max(0, 2 - newlines))}${headings}`;
}
