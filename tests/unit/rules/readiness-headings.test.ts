import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_ESSENTIALS } from '@/lib/rules/checklist';
import {
  DEFAULT_ESSENTIALS,
  essentialsFromConfig,
  headingsToAppend,
  judgeReadiness,
  missingHeadings,
  type EssentialResult,
  type TicketSnapshot,
} from '@/lib/rules/readiness';

const empty = (description = ''): TicketSnapshot => ({ subject: '', description, attachments: [], fields: [] });

describe('missingHeadings', () => {
  it('gives one line per missing essential, in order', () => {
    expect(missingHeadings(judgeReadiness(empty()))).toBe(
      [
        'When it began (date, time, time zone):',
        'What was different just before:',
        'Puppet Enterprise version:',
        'Support script output:',
        'Business impact (who or what in production is hit):',
      ].join('\n'),
    );
  });

  it.each<[string, EssentialResult[], string | null]>([
    ['nothing missing', [{ id: 'pe-version', label: 'x', state: 'found', evidence: '2023.8.1' }], null],
    ['no results', [], null],
    ["an essential it can't tell about is left out", [{ id: 'custom-1', label: 'Change number', state: 'unknown' }], null],
    ['only the missing ones', [
      { id: 'pe-version', label: 'x', state: 'found', evidence: 'PE 2023.8.1' },
      { id: 'support-script', label: 'x', state: 'missing' },
    ], 'Support script output:'],
    ["an admin's label, without its final stop", [{ id: 'custom-2', label: '  Your change  request number. ', state: 'missing' }], 'Your change request number:'],
    ['a repeated rule once', [
      { id: 'pe-version', label: 'a', state: 'missing' },
      { id: 'pe-version-2', label: 'b', state: 'missing' },
    ], 'Puppet Enterprise version:'],
    ['an empty label left out', [{ id: 'custom-1', label: ' . ', state: 'missing' }], null],
  ])('%s', (_name, results, expected) => {
    expect(missingHeadings(results)).toBe(expected);
  });
});

describe('headingsToAppend', () => {
  it.each([
    ['', 'H:'],
    ['   \n', 'H:'],
    ['Down.', '\n\nH:'],
    ['Down.\n', '\nH:'],
    ['Down.\n\n', 'H:'],
    ['Down.\n\n\n', 'H:'],
  ])('after %j appends %j', (existing, expected) => {
    expect(headingsToAppend(existing, 'H:')).toBe(expected);
  });
});

describe('the headings never answer what they ask', () => {
  it('judged alone, every default heading leaves its essential missing', () => {
    const headings = missingHeadings(judgeReadiness(empty()))!;
    expect(judgeReadiness(empty(headings)).map((r) => r.state)).toEqual(DEFAULT_ESSENTIALS.map(() => 'missing'));
  });

  it("an admin's keyword in the essential's own heading does not count, and counts once answered elsewhere", () => {
    const essentials = essentialsFromConfig([...DEFAULT_TICKET_ESSENTIALS, 'Change request number.'], {
      'Change request number.': ['change request'],
    });
    const before = judgeReadiness(empty('Console down.'), essentials);
    const appended = `Console down.${headingsToAppend('Console down.', missingHeadings(before)!)}`;
    expect(judgeReadiness(empty(appended), essentials).at(-1)!.state).toBe('missing');
    expect(judgeReadiness(empty(`${appended}\nOpened change request CHG0042.`), essentials).at(-1)).toMatchObject({ state: 'found' });
    // Filled in on the heading's own line, it is an answer like any other.
    expect(judgeReadiness(empty('Change request number: see change request CHG0042'), essentials).at(-1)).toMatchObject({ state: 'found' });
  });

  it('for any essentials, the headings of the missing ones, judged alone, find none of them', () => {
    const word = fc.constantFrom('change', 'request', 'number', 'vendor', 'SAN', 'ticket', 'version', 'production', 'users', 'since', 'PE');
    const label = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const custom = fc.record({ label, keywords: fc.array(word, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(custom, { maxLength: 3 }), fc.subarray([...DEFAULT_TICKET_ESSENTIALS]), (customs, defaults) => {
        const labels = [...defaults, ...customs.map((c) => c.label)];
        if (labels.length === 0) return;
        const keywords = Object.fromEntries(customs.map((c) => [c.label, c.keywords]));
        const essentials = essentialsFromConfig(labels, keywords);
        const headings = missingHeadings(judgeReadiness(empty(), essentials));
        if (!headings) return;
        for (const result of judgeReadiness(empty(headings), essentials)) expect(result.state, result.label).not.toBe('found');
      }),
      { numRuns: 300 },
    );
  });
});

describe('answers written under or after a heading', () => {
  const judge = (description: string) => Object.fromEntries(judgeReadiness(empty(description)).map((r) => [r.id, r.state]));

  it("count, on the heading's line or the next", () => {
    expect(judge('Puppet Enterprise version: 2023.8.1')['pe-version']).toBe('found');
    expect(judge('Puppet Enterprise version:\n2023.8.1')['pe-version']).toBe('found');
    expect(judge('When it began (date, time, time zone):\nyesterday at 09:10 UTC')['what-broke-since']).toBe('found');
    expect(judge('Business impact (who or what in production is hit):\nAll 300 users in production cannot log in.')['business-impact']).toBe('found');
  });

  it('never borrow a word from an unanswered heading', () => {
    const headings = missingHeadings(judgeReadiness(empty()))!;
    // "production" is in the business impact heading; "every agent" alone is no business impact.
    expect(judge(`Since 09:10 UTC every agent run fails on PE 2023.8.1.\n\n${headings}`)['business-impact']).toBe('missing');
  });
});
