import type { Level } from './levels';

/** How Puppet is doing, from least to most severe. */
export const FUNCTIONING = ['normal', 'impaired', 'inoperative'] as const;
export type Functioning = (typeof FUNCTIONING)[number];

export interface TriageAnswers {
  /** normal: working as usual (a question); inoperative: inoperative or severely degraded. */
  functioning: Functioning;
  production: boolean;
  workaround: boolean;
}

export interface TriageRule {
  /** The rule applies when every listed dimension has one of the listed values. */
  when: {
    functioning?: readonly Functioning[];
    production?: readonly boolean[];
    workaround?: readonly boolean[];
  };
  level: Level;
  reasons: readonly string[];
}

/** The default table's reasons, by name (the popup words them in the user's language by these names). */
export const TRIAGE_REASONS = {
  question: 'Puppet is working normally: this is a question or a request for information.',
  notProduction: 'Production is not affected (a test or development environment).',
  impairedWithWorkaround: 'Production is impaired, but a workaround is in use.',
  impaired: 'Production Puppet functionality is impaired.',
  noWorkaround: 'No workaround is available.',
  critical: 'Critical production functionality is inoperative or severely degraded.',
  workaroundSoNotP1: 'A workaround is available, so it is not a Priority 1.',
} as const;
export type TriageReasonName = keyof typeof TRIAGE_REASONS;

const R = TRIAGE_REASONS;

/** First matching rule wins; the last rule matches everything left. */
export const TRIAGE_TABLE: readonly TriageRule[] = [
  { when: { functioning: ['normal'] }, level: 4, reasons: [R.question] },
  { when: { production: [false] }, level: 3, reasons: [R.notProduction] },
  { when: { functioning: ['impaired'], workaround: [true] }, level: 3, reasons: [R.impairedWithWorkaround] },
  { when: { functioning: ['impaired'], workaround: [false] }, level: 2, reasons: [R.impaired, R.noWorkaround] },
  { when: { functioning: ['inoperative'], workaround: [true] }, level: 2, reasons: [R.critical, R.workaroundSoNotP1] },
  { when: {}, level: 1, reasons: [R.critical, R.noWorkaround] },
];

function matches(rule: TriageRule, answers: TriageAnswers): boolean {
  const { functioning, production, workaround } = rule.when;
  return (
    (!functioning || functioning.includes(answers.functioning)) &&
    (!production || production.includes(answers.production)) &&
    (!workaround || workaround.includes(answers.workaround))
  );
}

export interface TriageResult {
  level: Level;
  reasons: readonly string[];
}

export function triage(answers: TriageAnswers, table: readonly TriageRule[] = TRIAGE_TABLE): TriageResult {
  const rule = table.find((r) => matches(r, answers));
  if (!rule) throw new Error('The triage table has no rule for these answers');
  return { level: rule.level, reasons: rule.reasons };
}

/** Every combination of answers, for exhaustive checks and the flow. */
export function allAnswers(): TriageAnswers[] {
  return FUNCTIONING.flatMap((functioning) =>
    [false, true].flatMap((production) =>
      [false, true].map((workaround) => ({ functioning, production, workaround })),
    ),
  );
}
