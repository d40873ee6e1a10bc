import { z } from 'zod';
import type { ChecklistId, Level } from '../rules';
import { ChecklistItemSchema, LevelDefinitionSchema, LevelSchema, PlanChoiceSchema } from '../rules/schema';
import { GUARD_MODES, POPUP_VIEWS, type EffectiveConfig, type PortalConfig } from './effective';
import { matchPatternProblem } from './match-pattern';

/**
 * Everything an admin (managed policy) or a user (options page) can configure: ONE schema,
 * used by the validation (validate.ts), the merge (merge.ts), the options page, Chrome's
 * managed_schema.json and the admin documentation (scripts/policy-templates.ts).
 *
 * Every key is optional: what is not set comes from the defaults (or the user's settings).
 * Each property carries `.meta({ title, description, example })` for the docs and the
 * managed schema. Keep the containers plain (object, array, record) and put the rules on
 * the leaves: validation walks the containers and drops only the invalid leaves.
 */

/** Meta every setting carries; `example` feeds the generated policy templates. */
export interface SettingMeta {
  title: string;
  description: string;
  example?: unknown;
  /** Only an organisation can set it (ignored in the user's settings). */
  policyOnly?: boolean;
}

function meta<T extends z.ZodType>(schema: T, data: SettingMeta): T {
  return schema.meta({ ...data });
}

// --- leaves ------------------------------------------------------------------

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export const GuardModeSchema = z.enum(GUARD_MODES, { error: 'Expected one of "dialog", "note" or "off"' });

export const PopupViewSchema = z.enum(POPUP_VIEWS, { error: 'Expected "triage" or "definitions"' });

const PlanSettingSchema = z.enum(PlanChoiceSchema.options, {
  error: 'Expected one of "standard", "premium" or "unknown"',
});

export const MatchPatternSchema = z
  .string({ error: 'Expected a match pattern (text) such as https://support.example.com/*' })
  .superRefine((pattern, ctx) => {
    const problem = matchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: `Not a usable match pattern: ${lowerFirst(problem)}` });
  });

export const HttpsUrlSchema = z
  .string({ error: 'Expected an https:// address' })
  .max(2048, 'Expected an address of at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Expected a full https:// address, such as https://support.example.com/hc/en-us/requests/new');

/** Checks a CSS selector without a DOM (the background may have none): shape, not meaning. */
export function selectorProblem(selector: string): string | null {
  if (/[\u0000-\u001f\u007f{};<]/.test(selector)) return 'Must not contain { } ; < or control characters';
  let round = 0;
  let square = 0;
  let quote: string | null = null;
  for (const c of selector) {
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') round++;
    else if (c === ')') round--;
    else if (c === '[') square++;
    else if (c === ']') square--;
    if (round < 0 || square < 0) return 'Has a closing bracket without an opening one';
  }
  if (quote || round || square) return 'Has an unclosed bracket or quote';
  return null;
}

export const SelectorSchema = z
  .string({ error: 'Expected a CSS selector (text) such as select[name="request[priority]"]' })
  .trim()
  .min(1, 'Expected a CSS selector, not empty text')
  .max(300, 'Expected a CSS selector of at most 300 characters')
  .superRefine((selector, ctx) => {
    const problem = selectorProblem(selector);
    if (problem) ctx.addIssue({ code: 'custom', message: `Not a usable CSS selector: ${lowerFirst(problem)}` });
  });

export const LabelSchema = z
  .string({ error: 'Expected the text of an option as the portal shows it' })
  .trim()
  .min(1, 'Expected the text of an option, not empty text')
  .max(100, 'Expected an option text of at most 100 characters')
  .refine((label) => !['__proto__', 'constructor', 'prototype'].includes(label), 'Not allowed as an option text');

const LevelValueSchema = z.literal([...LevelSchema.values], { error: 'Expected a priority level: 1, 2, 3 or 4' });

/** A phone number as people write it: digits, spaces, + ( ) - . /, optionally "ext. 123". */
export function isPhoneNumber(value: string): boolean {
  return (
    /^\+?[0-9][0-9 ()\-./]*(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i.test(value) &&
    (value.match(/[0-9]/g) ?? []).length >= 3
  );
}

export const PhoneSchema = z
  .string({ error: 'Expected a phone number (text)' })
  .trim()
  .max(40, 'Expected a phone number of at most 40 characters')
  .refine(
    (value) => value === '' || isPhoneNumber(value),
    'Expected a phone number made of digits, spaces and + ( ) - . /, optionally ending in "ext. 123"',
  );

const definitionText = LevelDefinitionSchema.shape.definition.max(600, 'Expected at most 600 characters');
const statementText = ChecklistItemSchema.shape.statement.max(300, 'Expected at most 300 characters');
const reassuranceText = z
  .string({ error: 'Expected text' })
  .trim()
  .min(1, 'Must not be empty')
  .max(400, 'Expected at most 400 characters');
const essentialText = z
  .string({ error: 'Expected text' })
  .trim()
  .min(1, 'Must not be empty')
  .max(250, 'Expected at most 250 characters');

// --- containers --------------------------------------------------------------

export const PortalSchema = z.object({
  name: meta(z.string({ error: 'Expected text' }).trim().min(1, 'Must not be empty').max(80, 'Expected at most 80 characters'), {
    title: 'Name',
    description: 'What people call the portal. Defaults to its host name.',
  }).optional(),
  matches: meta(
    z
      .array(MatchPatternSchema, { error: 'Expected a list of match patterns' })
      .min(1, 'Expected at least one match pattern')
      .max(20, 'Expected at most 20 match patterns'),
    {
      title: 'Pages',
      description:
        'Match patterns of the portal pages the guard runs on: https only, e.g. https://support.example.com/* or https://*.example.com/hc/*.',
    },
  ),
  newTicketUrl: meta(HttpsUrlSchema, {
    title: 'New ticket address',
    description: 'The https:// address of the portal\'s "new ticket" form.',
  }),
  fieldSelector: meta(SelectorSchema, {
    title: 'Priority field',
    description: 'CSS selector of the priority field, for portals where the guard does not find it on its own.',
  }).optional(),
  labels: meta(
    z
      .record(LabelSchema, LevelValueSchema, { error: 'Expected an object mapping option texts to levels' })
      .refine((labels) => Object.keys(labels).length <= 50, 'Expected at most 50 option texts'),
    {
      title: 'Option texts',
      description:
        'The priority field\'s option texts → level (1–4), for spellings the guard does not recognise, e.g. {"Sev A": 1, "Sev B": 2}.',
    },
  ).optional(),
});

const definitionsShape = {
  1: definitionText.optional(),
  2: definitionText.optional(),
  3: definitionText.optional(),
  4: definitionText.optional(),
} satisfies Record<Level, z.ZodType>;

const checklistShape = {
  production: statementText.optional(),
  critical: statementText.optional(),
  'no-workaround': statementText.optional(),
} satisfies Record<ChecklistId, z.ZodType>;

export const WordingSchema = z.object({
  definitions: meta(z.object(definitionsShape), {
    title: 'Definitions',
    description:
      'Replaces the definition of any level, keyed by level ("1"–"4"). P1 and P4 default to Puppet\'s published wording.',
  }).optional(),
  checklist: meta(z.object(checklistShape), {
    title: 'P1 checklist',
    description:
      'Replaces the statements a Priority 1 must meet, keyed "production", "critical", "no-workaround". Every statement must still be ticked to submit a P1.',
  }).optional(),
  reassurance: meta(reassuranceText, {
    title: 'Reassurance',
    description: 'The line that reassures people a lower priority is still answered promptly.',
  }).optional(),
  ticketEssentials: meta(
    z
      .array(essentialText, { error: 'Expected a list of texts' })
      .min(1, 'Expected at least one item')
      .max(8, 'Expected at most 8 items'),
    {
      title: 'What to include in a P1 ticket',
      description: 'The list of what Support needs to start on a P1 at once.',
    },
  ).optional(),
});

export const SettingsSchema = z.object({
  plan: meta(PlanSettingSchema, {
    title: 'Support plan',
    description:
      'The organisation\'s Puppet support plan: "standard", "premium" or "unknown" (shows both plans\' response targets).',
    example: 'premium',
  }).optional(),
  guardMode: meta(GuardModeSchema, {
    title: 'Guard mode',
    description:
      '"dialog" (default): a Priority 1 submission is held until the person confirms the checklist; "note": only the P1 definition is shown by the field; "off": the guard does nothing on the form.',
    example: 'dialog',
  }).optional(),
  portals: meta(
    z.array(PortalSchema, { error: 'Expected a list of portals' }).max(20, 'Expected at most 20 portals'),
    {
      title: 'Support portals',
      description:
        'Portals to guard besides the built-in ones (support.puppet.com/hc, portal.perforce.com/s). Listed first, so an entry for a built-in portal\'s pages can give it a field selector. Portals on other hosts need host access, which each user grants once on the options page.',
      example: [
        {
          name: 'ACME Support',
          matches: ['https://support.acme.example/hc/*'],
          newTicketUrl: 'https://support.acme.example/hc/en-us/requests/new',
          fieldSelector: 'select[name="request[custom_fields][360001234567]"]',
          labels: { 'Sev A - outage': 1, 'Sev B': 2, 'Sev C': 3, 'Sev D - question': 4 },
        },
      ],
    },
  ).optional(),
  wording: meta(WordingSchema, {
    title: 'Wording',
    description: 'Replaces any level\'s definition, the P1 checklist statements, the reassurance line or the P1 ticket essentials.',
    example: {
      definitions: {
        1: 'Production Puppet is down or severely degraded for the whole company and there is no workaround. Call the service desk first.',
      },
      reassurance: 'Support answers every priority promptly: a P2 is still looked at the same day.',
    },
  }).optional(),
  p1Phone: meta(PhoneSchema, {
    title: 'P1 phone number',
    description:
      'The organisation\'s own number to call for a Priority 1 (shown with Premium plans). Empty: none is shown. Priority Guard never invents one.',
    example: '+1 555 0100 ext. 42',
  }).optional(),
  popupViews: meta(
    z
      .array(PopupViewSchema, { error: 'Expected a list of popup views' })
      .min(1, 'Expected at least one view')
      .max(POPUP_VIEWS.length, `Expected at most ${POPUP_VIEWS.length} views`)
      .refine((views) => new Set(views).size === views.length, 'Expected each view once'),
    {
      title: 'Popup views',
      description: 'Which popup views are shown, in order: "triage" ("Which priority?") and "definitions".',
      example: ['triage', 'definitions'],
    },
  ).optional(),
  allowUserSettings: meta(z.boolean({ error: 'Expected true or false' }), {
    title: 'Users may change settings',
    description:
      'false: users see the settings on the options page but cannot change any; their own saved settings are ignored. Policy only.',
    example: true,
    policyOnly: true,
  }).optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
export type PortalSetting = z.infer<typeof PortalSchema>;
export type WordingSetting = z.infer<typeof WordingSchema>;

export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];

/** The keys only an organisation may set. */
export const POLICY_ONLY_KEYS: readonly SettingKey[] = SETTING_KEYS.filter(
  (key) => (SettingsSchema.shape[key].unwrap().meta() as SettingMeta | undefined)?.policyOnly,
);

/** The meta of a top-level setting. */
export function settingMeta(key: SettingKey): SettingMeta {
  return SettingsSchema.shape[key].unwrap().meta() as unknown as SettingMeta;
}

// The schema's values must fit the effective configuration's (zod-free) types.
type Assignable<T, U> = [T] extends [U] ? true : never;
const checks: [
  Assignable<NonNullable<Settings['guardMode']>, EffectiveConfig['guardMode']>,
  Assignable<NonNullable<Settings['plan']>, EffectiveConfig['plan']>,
  Assignable<NonNullable<Settings['popupViews']>[number], EffectiveConfig['popupViews'][number]>,
  Assignable<NonNullable<PortalSetting['labels']>, NonNullable<PortalConfig['labels']>>,
] = [true, true, true, true];
void checks;
