import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_IDS,
  DEFAULT_CHECKLIST,
  DEFAULT_REASSURANCE,
  DEFAULT_TICKET_ESSENTIALS,
  allTicked,
  type ChecklistId,
} from '@/lib/rules/checklist';

describe('P1 checklist', () => {
  it('has the three gating statements, one per id, in order', () => {
    expect(CHECKLIST_IDS).toEqual(['production', 'critical', 'no-workaround']);
    expect(DEFAULT_CHECKLIST.map((item) => item.id)).toEqual([...CHECKLIST_IDS]);
  });

  it.each([
    ['production', /production/i],
    ['critical', /critical puppet functionality is inoperative or severely degraded/i],
    ['no-workaround', /no workaround is available/i],
  ] as const)('%s states what P1 requires', (id, wording) => {
    const item = DEFAULT_CHECKLIST.find((i) => i.id === id)!;
    expect(item.statement).toMatch(wording);
  });

  it('the statements together say what the published P1 definition says', () => {
    const all = DEFAULT_CHECKLIST.map((i) => i.statement).join(' ').toLowerCase();
    for (const phrase of ['production', 'critical', 'inoperative or severely degraded', 'no workaround']) {
      expect(all).toContain(phrase);
    }
  });

  it('allTicked only when every statement is ticked', () => {
    for (let mask = 0; mask < 2 ** CHECKLIST_IDS.length; mask++) {
      const ticked = new Set<ChecklistId>(CHECKLIST_IDS.filter((_, i) => mask & (1 << i)));
      expect(allTicked(ticked)).toBe(ticked.size === CHECKLIST_IDS.length);
    }
  });

  it('allTicked ignores order and ticks of unknown ids', () => {
    expect(allTicked(new Set(['no-workaround', 'critical', 'production'] as ChecklistId[]))).toBe(true);
    expect(allTicked(new Set(['production', 'critical', 'other'] as ChecklistId[]))).toBe(false);
  });

  it('lists what Support needs to start on a P1', () => {
    const all = DEFAULT_TICKET_ESSENTIALS.join('\n');
    expect(DEFAULT_TICKET_ESSENTIALS).toHaveLength(4);
    expect(all).toMatch(/broken.*since when/i);
    expect(all).toMatch(/changed/i);
    expect(all).toMatch(/Puppet Enterprise version/);
    expect(all).toContain('/opt/puppetlabs/bin/puppet enterprise support');
    expect(all).toContain('--ticket');
  });

  it('reassures with the 99.4% figure', () => {
    expect(DEFAULT_REASSURANCE).toContain('99.4%');
  });
});
