import { z } from 'zod';
import { CHECKLIST_IDS, type ChecklistItem } from './checklist';
import { LEVELS, type Level, type LevelDefinition } from './levels';
import { PLANS, type PlanInfo } from './targets';
import { FUNCTIONING, allAnswers, triage, type TriageAnswers, type TriageRule } from './triage';

/**
 * Schemas of the rules' data, for validating replacements of the defaults (an admin's
 * wording, a user's settings). The only module in lib/rules that imports zod: the rule
 * modules themselves stay zod-free so the content script does not bundle it.
 */

/** Text a person reads: must hold something besides whitespace. */
const text = z.string().trim().min(1, 'Must not be empty');

export const LevelSchema = z.literal(LEVELS);

export const WordingSchema = z.enum(['published', 'summary']);

export const LevelDefinitionSchema = z.object({
  level: LevelSchema,
  name: text,
  short: text,
  tag: text,
  definition: text,
  wording: WordingSchema,
  source: z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }),
}) satisfies z.ZodType<LevelDefinition>;

/** Positions in `items` whose `key` was already seen earlier. */
function repeats<T>(items: readonly T[], key: (item: T) => unknown): number[] {
  const seen = new Set<unknown>();
  const found: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) found.push(i);
    seen.add(k);
  });
  return found;
}

/** Exactly one definition per level, in any order. */
export const LevelDefinitionsSchema = z
  .array(LevelDefinitionSchema)
  .length(LEVELS.length, `Must define exactly ${LEVELS.length} levels`)
  .superRefine((definitions, ctx) => {
    for (const i of repeats(definitions, (d) => d.level)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'level'],
        message: `Priority ${definitions[i]!.level} is defined more than once`,
      });
    }
    for (const level of LEVELS) {
      if (!definitions.some((d) => d.level === level)) {
        ctx.addIssue({ code: 'custom', path: [], message: `Priority ${level} has no definition` });
      }
    }
  }) satisfies z.ZodType<LevelDefinition[]>;

export const PlanSchema = z.enum(PLANS);

export const PlanChoiceSchema = z.enum([...PLANS, 'unknown']);

export const TargetsSchema = z.object({ 1: text, 2: text, 3: text, 4: text }) satisfies z.ZodType<
  Record<Level, string>
>;

export const PlanInfoSchema = z.object({
  plan: PlanSchema,
  name: text,
  hours: text,
  targets: TargetsSchema,
}) satisfies z.ZodType<PlanInfo>;

/** Both plans, each filed under its own key. */
export const PlanInfosSchema = z
  .object({ standard: PlanInfoSchema, premium: PlanInfoSchema })
  .superRefine((plans, ctx) => {
    for (const key of PLANS) {
      if (plans[key].plan !== key) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'plan'],
          message: `Filed under "${key}" but says "${plans[key].plan}"`,
        });
      }
    }
  }) satisfies z.ZodType<Record<(typeof PLANS)[number], PlanInfo>>;

export const ChecklistIdSchema = z.enum(CHECKLIST_IDS);

export const ChecklistItemSchema = z.object({
  id: ChecklistIdSchema,
  statement: text,
}) satisfies z.ZodType<ChecklistItem>;

/** Every P1 statement exactly once: a missing one would make a P1 impossible to confirm. */
export const ChecklistSchema = z
  .array(ChecklistItemSchema)
  .length(CHECKLIST_IDS.length, `Must list exactly ${CHECKLIST_IDS.length} statements`)
  .superRefine((items, ctx) => {
    for (const i of repeats(items, (item) => item.id)) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${items[i]!.id}" is listed more than once` });
    }
    for (const id of CHECKLIST_IDS) {
      if (!items.some((item) => item.id === id)) {
        ctx.addIssue({ code: 'custom', path: [], message: `The statement "${id}" is missing` });
      }
    }
  }) satisfies z.ZodType<ChecklistItem[]>;

export const FunctioningSchema = z.enum(FUNCTIONING);

export const TriageAnswersSchema = z.object({
  functioning: FunctioningSchema,
  production: z.boolean(),
  workaround: z.boolean(),
}) satisfies z.ZodType<TriageAnswers>;

export const TriageRuleSchema = z.object({
  when: z.object({
    functioning: z.array(FunctioningSchema).min(1).optional(),
    production: z.array(z.boolean()).min(1).optional(),
    workaround: z.array(z.boolean()).min(1).optional(),
  }),
  level: LevelSchema,
  reasons: z.array(text).min(1, 'Give at least one reason'),
}) satisfies z.ZodType<TriageRule>;

const SEVERITY = {
  functioning: (f: TriageAnswers['functioning']) => FUNCTIONING.indexOf(f),
  production: (p: boolean) => (p ? 1 : 0),
  /** No workaround is the more severe answer. */
  workaround: (w: boolean) => (w ? 0 : 1),
};

/** True when `a` is at least as severe as `b` in every dimension. */
function atLeastAsSevere(a: TriageAnswers, b: TriageAnswers): boolean {
  return (
    SEVERITY.functioning(a.functioning) >= SEVERITY.functioning(b.functioning) &&
    SEVERITY.production(a.production) >= SEVERITY.production(b.production) &&
    SEVERITY.workaround(a.workaround) >= SEVERITY.workaround(b.workaround)
  );
}

function describe(answers: TriageAnswers): string {
  return `functioning ${answers.functioning}, ${answers.production ? '' : 'not '}production, ${
    answers.workaround ? 'a' : 'no'
  } workaround`;
}

/**
 * A triage table that answers every combination, and never gives a more severe
 * situation a lower priority (a larger number) than a milder one.
 */
export const TriageTableSchema = z
  .array(TriageRuleSchema)
  .min(1, 'The table needs at least one rule')
  .superRefine((table, ctx) => {
    const results = new Map<TriageAnswers, Level>();
    for (const answers of allAnswers()) {
      try {
        results.set(answers, triage(answers, table).level);
      } catch {
        ctx.addIssue({ code: 'custom', path: [], message: `No rule matches: ${describe(answers)}` });
      }
    }
    for (const [a, levelA] of results) {
      for (const [b, levelB] of results) {
        if (atLeastAsSevere(a, b) && levelA > levelB) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `P${levelA} for (${describe(a)}) is lower than P${levelB} for the milder (${describe(b)})`,
          });
        }
      }
    }
  }) satisfies z.ZodType<TriageRule[]>;
