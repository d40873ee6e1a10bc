import { describe, expect, it } from 'vitest';
import { optionLevels, RECOGNISED_LEVELS } from '../../../lib/portal/option-levels';

const JIRA = ['Blocker', 'Critical', 'Major', 'Minor'].map((label, i) => ({ label, value: String(10000 + i) }));

describe('optionLevels', () => {
  it("uses an admin's map first, ignoring case and spacing, then the recognition", () => {
    const levels = optionLevels({ 'Sev A - outage': 1, 'Sev B': 2 });
    const options = [
      { label: '  sev a -   OUTAGE ', value: 'a' },
      { label: 'Sev B', value: 'b' },
      { label: 'Low', value: 'low' },
      { label: 'Sev C', value: 'c' },
    ];
    expect(options.map((o) => levels.ofOption(o, options))).toEqual([1, 2, 4, null]);
    expect(levels.find(options, 2)?.value).toBe('b');
    expect(levels.ofText('SEV B', [])).toBe(2);
  });

  it('judges an option with its siblings: in a Blocker scheme Critical is Priority 2', () => {
    expect(RECOGNISED_LEVELS.ofOption(JIRA[1]!, JIRA)).toBe(2);
    expect(RECOGNISED_LEVELS.ofText('Critical', JIRA)).toBe(2);
    expect(RECOGNISED_LEVELS.ofText('Critical', [])).toBe(1);
    expect(RECOGNISED_LEVELS.find(JIRA, 1)?.label).toBe('Blocker');
  });
});
