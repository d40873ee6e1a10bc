import { describe, expect, it } from 'vitest';
import type { Level } from '@/lib/rules/levels';
import {
  looksLikePriorityScale,
  optionForLevel,
  recogniseLabel,
  recogniseOption,
  recogniseOptions,
  schemeOf,
  type OptionLike,
} from '@/lib/rules/labels';

type Case = readonly [label: string, expected: Level | null];

/** Zendesk's system priority field: values and the labels the portal shows. */
const ZENDESK: Case[] = [
  ['urgent', 1],
  ['high', 2],
  ['normal', 3],
  ['low', 4],
  ['Urgent', 1],
  ['High', 2],
  ['Normal', 3],
  ['Low', 4],
  // Custom drop-down values (Zendesk tags) and the tags it derives from option titles.
  ['priority_1', 1],
  ['priority_2', 2],
  ['priority_3', 3],
  ['priority_4', 4],
  ['priority_urgent', 1],
  ['p1_critical', 1],
  ['p1_-_critical', 1],
  ['sev_1', 1],
];

const P_CODES: Case[] = [
  ['P1', 1],
  ['P2', 2],
  ['P3', 3],
  ['P4', 4],
  ['p1', 1],
  ['p4', 4],
  ['P 1', 1],
  ['P 3', 3],
  ['P-1', 1],
];

const PRIORITY_N: Case[] = [
  ['Priority 1', 1],
  ['Priority 2', 2],
  ['Priority 3', 3],
  ['Priority 4', 4],
  ['priority-1', 1],
  ['Priority: 1', 1],
  ['Priority (1)', 1],
  ['Level 2', 2],
  ['1', 1],
  ['4', 4],
];

const SEVERITY: Case[] = [
  ['Sev 1', 1],
  ['Sev1', 1],
  ['SEV-1', 1],
  ['Sev-2', 2],
  ['sev 3', 3],
  ['SEV4', 4],
  ['Severity 1', 1],
  ['Severity 2', 2],
  ['Severity-3', 3],
  ['Severity: 4', 4],
  ['S1', 1],
  ['S2', 2],
  ['S4', 4],
];

/** Word scales: Critical/High/Medium/Low, Highest..Lowest, and blocker words on their own. */
const WORDS: Case[] = [
  ['Critical', 1],
  ['Medium', 3],
  ['Moderate', 3],
  ['Highest', 1],
  ['Lowest', 4],
  ['Emergency', 1],
  ['Blocker', 1],
  ['Major', 3],
  ['Minor', 4],
  ['Trivial', 4],
  ['High Priority', 2],
  ['Low priority', 4],
  ['blocker severity', 1],
  ['Blocker Severity', 1],
  ['High impact', 2],
];

/** A recognised head with a description after it (or a level named inside a prefix). */
const DECORATED: Case[] = [
  ['P1 - Critical', 1],
  ['P2 – High', 2],
  ['P3 — Normal', 3],
  ['P4 - Low (question or information)', 4],
  ['P1-Critical', 1],
  ['P1: Critical', 1],
  ['P1 | Critical', 1],
  ['P1 / Critical', 1],
  ['1 (Urgent)', 1],
  ['4 (Low)', 4],
  ['1 - Critical', 1],
  ['2 - High', 2],
  ['3 - Moderate', 3],
  ['4 - Low', 4],
  ['Sev 1 - Production down', 1],
  ['Sev 2 (High)', 2],
  ['SEV 1: Critical', 1],
  ['Severity 1 (Critical)', 1],
  ['Critical (P1)', 1],
  ['Blocker (P1)', 1],
  ['Priority: High', 2],
  ['Priority - Urgent', 1],
  ['Priority 1 – Critical: production down', 1],
  ['Priority 4 (Informational)', 4],
  ['P2 - High (production impaired)', 2],
  ['Low (question)', 4],
  ['High - production impaired', 2],
  ['[P1] Critical', 1],
  ['(Sev 2) Production impaired', 2],
];

const SPACING_AND_CASE: Case[] = [
  ['  P2  ', 2],
  [' urgent', 1],
  ['Normal ', 3],
  ['\tSev 1\n', 1],
  ['HIGH', 2],
  ['URGENT', 1],
  ['PRIORITY 3', 3],
  ['p1 - critical', 1],
  ['priority 4', 4],
  ['Priority  1', 1],
  ['P1\u00a0-\u00a0Critical', 1],
  ['\uff30\uff11', 1], // full-width "Ｐ１"
];

/** Empty choices and placeholders. */
const PLACEHOLDERS: Case[] = [
  ['-', null],
  ['', null],
  ['   ', null],
  ['—', null],
  ['-- Select --', null],
  ['Select...', null],
  ['Select priority', null],
  ['Please choose', null],
  ['Choose...', null],
  ['Priority', null],
  ['Priority:', null],
  ['Severity', null],
  ['N/A', null],
  ['None', null],
];

/** Labels with a digit or a level word inside prose: never a priority. */
const NOT_PRIORITIES: Case[] = [
  ['Project 1', null],
  ['Phase 2', null],
  ['Ticket 3', null],
  ['Step 1', null],
  ['Tier 1', null],
  ['L1', null],
  ['P5', null],
  ['P0', null],
  ['Priority 0', null],
  ['Priority 5', null],
  ['Sev 5', null],
  ['5 - Planning', null],
  ['P01', null],
  ['Low-hanging fruit', null],
  ['High availability setup', null],
  ['Critical issue', null],
  ['Major Outage', null],
  ['Minor issue', null],
  ['P1 Critical Production Down', null],
  ['Version 2.1', null],
  ['1000', null],
  ['1 hour', null],
  ['24x7', null],
  ['Category', null],
  ['Product', null],
  ['Question', null],
  ['Other', null],
  ['P1 P2', null],
  ['(optional) High', null],
  ['Priority: Phase 2', null],
];

const ALL = [
  ...ZENDESK,
  ...P_CODES,
  ...PRIORITY_N,
  ...SEVERITY,
  ...WORDS,
  ...DECORATED,
  ...SPACING_AND_CASE,
  ...PLACEHOLDERS,
  ...NOT_PRIORITIES,
];

describe('recogniseLabel', () => {
  it('covers a broad table of spellings', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL.map(([label]) => label)).size).toBe(ALL.length);
  });

  it.each(ALL)('%j → %s', (label, expected) => {
    expect(recogniseLabel(label)).toBe(expected);
  });

  it.each([
    ['Critical', 2],
    ['critical', 2],
    ['Critical (P2)', 2],
    ['Blocker', 1],
    ['Major', 3],
    ['Minor', 4],
    ['P1 - Critical', 1], // an explicit number beats the word
    ['Sev 1', 1],
  ] as const)('blocker scheme: %j → %s', (label, expected) => {
    expect(recogniseLabel(label, 'blocker')).toBe(expected);
  });
});

function options(...labels: string[]): OptionLike[] {
  return labels.map((label) => ({ label, value: label.toLowerCase() }));
}

describe('recogniseOptions on whole option sets', () => {
  it.each([
    ['Jira classic (Blocker/Critical/Major/Minor/Trivial)', options('Blocker', 'Critical', 'Major', 'Minor', 'Trivial'), [1, 2, 3, 4, 4]],
    ['blocker scheme in any order', options('Minor', 'Major', 'Critical', 'Blocker'), [4, 3, 2, 1]],
    ['Jira (Highest..Lowest)', options('Highest', 'High', 'Medium', 'Low', 'Lowest'), [1, 2, 3, 4, 4]],
    ['Critical/High/Medium/Low', options('Critical', 'High', 'Medium', 'Low'), [1, 2, 3, 4]],
    [
      'Zendesk system priority',
      [
        { label: '-', value: '' },
        { label: 'Low', value: 'low' },
        { label: 'Normal', value: 'normal' },
        { label: 'High', value: 'high' },
        { label: 'Urgent', value: 'urgent' },
      ],
      [null, 4, 3, 2, 1],
    ],
    ['ServiceNow (1 - Critical .. 5 - Planning)', options('1 - Critical', '2 - High', '3 - Moderate', '4 - Low', '5 - Planning'), [1, 2, 3, 4, null]],
    ['P-codes with descriptions', options('P1 - Critical', 'P2 - High', 'P3 - Normal', 'P4 - Low'), [1, 2, 3, 4]],
    ['blocker scheme with placeholder', options('-', 'Blocker', 'Critical', 'Major', 'Minor'), [null, 1, 2, 3, 4]],
    [
      'blocker named only in a value',
      [
        { label: 'Production down', value: 'blocker_severity' },
        { label: 'Critical', value: 'critical' },
      ],
      [1, 2],
    ],
    [
      'Zendesk custom field: unhelpful labels, values recognised',
      [
        { label: 'Production down', value: 'priority_1' },
        { label: 'Production impaired', value: 'priority_2' },
        { label: 'Minor problem', value: 'priority_3' },
        { label: 'Question', value: 'priority_4' },
      ],
      [1, 2, 3, 4],
    ],
    ['not a priority field', options('Category', 'Product', 'Project 1', 'Phase 2'), [null, null, null, null]],
  ] as const)('%s', (_name, set, expected) => {
    expect(recogniseOptions(set)).toEqual(expected);
  });

  it('reads a label before its value', () => {
    expect(recogniseOption({ label: 'P2 - High', value: 'priority_1' }, 'default')).toBe(2);
    expect(recogniseOption({ label: 'Whatever', value: 'priority_1' }, 'default')).toBe(1);
    expect(recogniseOption({ label: 'Whatever', value: 'whatever' }, 'default')).toBeNull();
  });

  it('picks the blocker scheme only when a blocker option exists', () => {
    expect(schemeOf(options('Blocker', 'Critical'))).toBe('blocker');
    expect(schemeOf(options('Critical', 'High', 'Medium', 'Low'))).toBe('default');
    expect(schemeOf([])).toBe('default');
  });

  it('finds the option for a level', () => {
    const jira = options('Blocker', 'Critical', 'Major', 'Minor');
    expect(optionForLevel(jira, 1)?.label).toBe('Blocker');
    expect(optionForLevel(jira, 2)?.label).toBe('Critical');
    const zendesk = options('-', 'Low', 'Normal', 'High', 'Urgent');
    expect(optionForLevel(zendesk, 1)?.label).toBe('Urgent');
    expect(optionForLevel(options('P2', 'P3'), 1)).toBeUndefined();
  });

  it('tells a priority scale from other drop-downs', () => {
    expect(looksLikePriorityScale(options('-', 'Low', 'Normal', 'High', 'Urgent'))).toBe(true);
    expect(looksLikePriorityScale(options('Blocker', 'Critical', 'Major', 'Minor'))).toBe(true);
    expect(looksLikePriorityScale(options('Sev 1', 'Sev 2'))).toBe(true);
    expect(looksLikePriorityScale(options('Urgent'))).toBe(false);
    expect(looksLikePriorityScale(options('Low', 'Normal', 'High'))).toBe(false);
    expect(looksLikePriorityScale(options('Category', 'Product', 'Project 1'))).toBe(false);
    expect(looksLikePriorityScale([])).toBe(false);
  });
});
