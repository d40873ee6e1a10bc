export const CHECKLIST_IDS = ['production', 'critical', 'no-workaround'] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

export interface ChecklistItem {
  id: ChecklistId;
  statement: string;
}

/** The statements a real Priority 1 meets. Every one must be ticked to submit a P1. */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'production', statement: 'Production is affected, not a test or development environment.' },
  {
    id: 'critical',
    statement: 'Critical Puppet functionality is inoperative or severely degraded.',
  },
  { id: 'no-workaround', statement: 'No workaround is available.' },
];

/** What Support needs in a ticket to start at once. */
export const DEFAULT_TICKET_ESSENTIALS: readonly string[] = [
  'What is broken, and since when.',
  'What changed just before it broke.',
  'Your Puppet Enterprise version.',
  'The output of the support script: /opt/puppetlabs/bin/puppet enterprise support (it has a --ticket option).',
];

export const DEFAULT_REASSURANCE =
  'Support meets its response commitment for every priority 99.4% of the time: a lower priority is still answered promptly.';

export function allTicked(ticked: ReadonlySet<ChecklistId>): boolean {
  return CHECKLIST_IDS.every((id) => ticked.has(id));
}
