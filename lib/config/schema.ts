import { z } from 'zod';
import type { ChecklistId, Level } from '../rules';
import { ChecklistItemSchema, LevelDefinitionSchema, LevelSchema, PlanChoiceSchema } from '../rules/schema';
import { GUARD_MODES, POPUP_VIEWS, type EffectiveConfig, type PortalConfig, type WordingConfig } from './effective';
import { zodMessage } from './issue-message';
import { isLanguageTag } from './language-tag';
import { matchPatternProblem } from './match-pattern';
import type { SelectorReason } from './problem';

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
  /** What a value must be to be used, in plain words (the settings reference's "limits"). */
  limits?: string;
  example?: unknown;
  /** Only an organisation can set it (ignored in the user's settings). */
  policyOnly?: boolean;
}

function meta<T extends z.ZodType>(schema: T, data: SettingMeta): T {
  return schema.meta({ ...data });
}

/** The sizes the checks below allow; the settings reference states them from here too. */
export const LIMITS = {
  portals: 20,
  portalName: 80,
  patternsPerPortal: 20,
  address: 2048,
  selector: 300,
  optionTexts: 50,
  optionText: 100,
  phone: 40,
  definition: 600,
  statement: 300,
  reassurance: 400,
  essentials: 8,
  essential: 250,
  keywordsPerEssential: 20,
  keyword: 60,
  languages: 50,
} as const;

// --- leaves ------------------------------------------------------------------

export const GuardModeSchema = z.enum(GUARD_MODES, { error: zodMessage.oneOf(GUARD_MODES) });

export const PopupViewSchema = z.enum(POPUP_VIEWS, { error: zodMessage.oneOf(POPUP_VIEWS) });

const PlanSettingSchema = z.enum(PlanChoiceSchema.options, {
  error: zodMessage.oneOf(PlanChoiceSchema.options),
});

export const MatchPatternSchema = z
  .string({ error: zodMessage.expected('matchPattern') })
  .superRefine((pattern, ctx) => {
    const problem = matchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: zodMessage.matchPattern(problem) });
  });

export const HttpsUrlSchema = z
  .string({ error: zodMessage.expected('httpsAddress') })
  .max(LIMITS.address, zodMessage.atMost(LIMITS.address, 'characters'))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, zodMessage.expected('fullHttpsAddress'));

/** Checks a CSS selector without a DOM (the background may have none): shape, not meaning. */
export function selectorProblem(selector: string): SelectorReason | null {
  if (/[\u0000-\u001f\u007f{};<]/.test(selector)) return 'forbiddenCharacters';
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
    if (round < 0 || square < 0) return 'closingBracket';
  }
  if (quote || round || square) return 'unclosed';
  return null;
}

export const SelectorSchema = z
  .string({ error: zodMessage.expected('cssSelector') })
  .trim()
  .min(1, zodMessage.expected('cssSelectorNotEmpty'))
  .max(LIMITS.selector, zodMessage.atMost(LIMITS.selector, 'characters'))
  .superRefine((selector, ctx) => {
    const problem = selectorProblem(selector);
    if (problem) ctx.addIssue({ code: 'custom', message: zodMessage.cssSelector(problem) });
  });

export const LabelSchema = z
  .string({ error: zodMessage.expected('optionText') })
  .trim()
  .min(1, zodMessage.expected('optionTextNotEmpty'))
  .max(LIMITS.optionText, zodMessage.atMost(LIMITS.optionText, 'characters'))
  .refine((label) => !['__proto__', 'constructor', 'prototype'].includes(label), zodMessage.notAllowed('optionText'));

const LevelValueSchema = z.literal([...LevelSchema.values], { error: zodMessage.expected('level') });

/** A phone number as people write it: digits, spaces, + ( ) - . /, optionally "ext. 123". */
export function isPhoneNumber(value: string): boolean {
  return (
    /^\+?[0-9][0-9 ()\-./]*(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i.test(value) &&
    (value.match(/[0-9]/g) ?? []).length >= 3
  );
}

export const PhoneSchema = z
  .string({ error: zodMessage.expected('phoneText') })
  .trim()
  .max(LIMITS.phone, zodMessage.atMost(LIMITS.phone, 'characters'))
  .refine(
    (value) => value === '' || isPhoneNumber(value),
    zodMessage.expected('phoneFormat'),
  );

const atMost = (n: number) => zodMessage.atMost(n, 'characters');
const definitionText = LevelDefinitionSchema.shape.definition.max(LIMITS.definition, atMost(LIMITS.definition));
const statementText = ChecklistItemSchema.shape.statement.max(LIMITS.statement, atMost(LIMITS.statement));
const reassuranceText = z
  .string({ error: zodMessage.expected('text') })
  .trim()
  .min(1, zodMessage.notEmpty())
  .max(LIMITS.reassurance, atMost(LIMITS.reassurance));
const essentialText = z
  .string({ error: zodMessage.expected('text') })
  .trim()
  .min(1, zodMessage.notEmpty())
  .max(LIMITS.essential, atMost(LIMITS.essential));
/** An essential's text as a key: as essentialText, and never a name objects already have. */
const essentialKey = essentialText.refine(
  (text) => !['__proto__', 'constructor', 'prototype'].includes(text),
  zodMessage.notAllowed('essentialText'),
);
const keywordText = z
  .string({ error: zodMessage.expected('text') })
  .trim()
  .min(1, zodMessage.notEmpty())
  .max(LIMITS.keyword, atMost(LIMITS.keyword));

// --- containers --------------------------------------------------------------

export const PortalSchema = z.object({
  name: meta(
    z.string({ error: zodMessage.expected('text') }).trim().min(1, zodMessage.notEmpty()).max(LIMITS.portalName, atMost(LIMITS.portalName)),
    {
      title: 'Name',
      description: 'What people call the portal. Defaults to its host name.',
      limits: `Text, not empty, at most ${LIMITS.portalName} characters.`,
    },
  ).optional(),
  matches: meta(
    z
      .array(MatchPatternSchema, { error: zodMessage.expected('matchPatternList') })
      .min(1, zodMessage.atLeast(1, 'matchPatterns'))
      .max(LIMITS.patternsPerPortal, zodMessage.atMost(LIMITS.patternsPerPortal, 'matchPatterns')),
    {
      title: 'Pages',
      description:
        'Match patterns of the portal pages the guard runs on: https only, e.g. https://support.example.com/* or https://*.example.com/hc/*.',
      limits: `A list of 1 to ${LIMITS.patternsPerPortal} match patterns, each meeting every rule under "Match patterns" below. An invalid pattern is ignored on its own; a portal left with none is ignored.`,
    },
  ),
  newTicketUrl: meta(HttpsUrlSchema, {
    title: 'New ticket address',
    description: 'The https:// address of the portal\'s "new ticket" form.',
    limits: `A full https:// address whose host has a dot, without user name or password, at most ${LIMITS.address} characters.`,
  }),
  fieldSelector: meta(SelectorSchema, {
    title: 'Priority field',
    description: 'CSS selector of the priority field, for portals where the guard does not find it on its own.',
    limits: `Not empty, at most ${LIMITS.selector} characters; no { } ; < or control characters; every bracket and quote closed. Only its shape is checked.`,
  }).optional(),
  labels: meta(
    z
      .record(LabelSchema, LevelValueSchema, { error: zodMessage.expected('optionTextMap') })
      .refine((labels) => Object.keys(labels).length <= LIMITS.optionTexts, zodMessage.atMost(LIMITS.optionTexts, 'optionTexts')),
    {
      title: 'Option texts',
      description:
        'The priority field\'s option texts → level (1–4), for spellings the guard does not recognise, e.g. {"Sev A": 1, "Sev B": 2}.',
      limits: `An object of at most ${LIMITS.optionTexts} option texts (more: all are ignored). Each option text not empty, at most ${LIMITS.optionText} characters, not "__proto__", "constructor" or "prototype"; each level 1, 2, 3 or 4. An invalid pair is ignored on its own.`,
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
    limits: `Keys "1" to "4" only. Each text not empty, at most ${LIMITS.definition} characters.`,
  }).optional(),
  checklist: meta(z.object(checklistShape), {
    title: 'P1 checklist',
    description:
      'Replaces the statements a Priority 1 must meet, keyed "production", "critical", "no-workaround". Every statement must still be ticked to submit a P1.',
    limits: `Keys "production", "critical" and "no-workaround" only. Each text not empty, at most ${LIMITS.statement} characters.`,
  }).optional(),
  reassurance: meta(reassuranceText, {
    title: 'Reassurance',
    description: 'The line that reassures people a lower priority is still answered promptly.',
    limits: `Text, not empty, at most ${LIMITS.reassurance} characters.`,
  }).optional(),
  ticketEssentials: meta(
    z
      .array(essentialText, { error: zodMessage.expected('textList') })
      .min(1, zodMessage.atLeast(1, 'items'))
      .max(LIMITS.essentials, zodMessage.atMost(LIMITS.essentials, 'items')),
    {
      title: 'What to include in a P1 ticket',
      description:
        'The list of what Support needs to start on a P1 at once. The P1 dialog and the popup show, for each item, whether the ticket already holds it: the built-in items (the defaults, or an item worded exactly as one) by their own rules, any other item by its keywords (ticketEssentialKeywords), else "Can\'t tell".',
      limits: `A list of 1 to ${LIMITS.essentials} texts, each not empty, at most ${LIMITS.essential} characters. An invalid item is ignored on its own.`,
    },
  ).optional(),
  ticketEssentialKeywords: meta(
    z.record(
      essentialKey,
      z
        .array(keywordText, { error: zodMessage.expected('textList') })
        .min(1, zodMessage.atLeast(1, 'keywords'))
        .max(LIMITS.keywordsPerEssential, zodMessage.atMost(LIMITS.keywordsPerEssential, 'keywords')),
      { error: zodMessage.expected('essentialKeywordMap') },
    ),
    {
      title: 'Keywords for what to include',
      description:
        'For an item of "What to include in a P1 ticket", written exactly as there: plain words or phrases that show a ticket holds it, e.g. {"Your change request number.": ["CHG", "change request"]}. The P1 dialog and the popup then say "Found" when the ticket\'s subject, description, other fields or file names contain one as a whole word (case does not matter; keywords are plain text, never patterns), and "Missing" when none does. An item of your own without keywords shows "Can\'t tell"; a built-in item keeps its own rule, and its keywords count too.',
      limits: `An object whose keys are items of "What to include in a P1 ticket" (a key that names no item is reported and ignored) and whose values are lists of 1 to ${LIMITS.keywordsPerEssential} keywords, each not empty, at most ${LIMITS.keyword} characters. An invalid keyword is ignored on its own.`,
      example: { 'Your change request number.': ['CHG', 'change request'] },
    },
  ).optional(),
});

/** A language tag as the key of `wording.byLanguage`; "pt_BR" is answered with the tag it means. */
const LanguageTagSchema = z.string({ error: zodMessage.expected('languageTag') }).superRefine((tag, ctx) => {
  if (isLanguageTag(tag)) return;
  const hyphenated = tag.replace(/_/g, '-');
  const meant = isLanguageTag(hyphenated) ? Intl.getCanonicalLocales(hyphenated)[0] : undefined;
  ctx.addIssue({ code: 'custom', message: meant ? zodMessage.languageTag(meant) : zodMessage.expected('languageTag') });
});

/** The example of `wording.byLanguage`: German and Japanese. */
const LANGUAGE_WORDING_EXAMPLE = {
  de: {
    definitions: {
      1: 'Produktives Puppet ist für das ganze Unternehmen ausgefallen oder stark beeinträchtigt, und es gibt keine Umgehungslösung. Rufen Sie zuerst den Service Desk an.',
    },
    reassurance: 'Der Support beantwortet jede Priorität zügig: Ein P2 wird noch am selben Tag bearbeitet.',
  },
  ja: {
    definitions: {
      1: '本番環境の Puppet が全社的に停止または著しく劣化しており、回避策がありません。まずサービスデスクに電話してください。',
    },
    checklist: { 'no-workaround': '回避策はありません。' },
  },
};

/** `wording` with its wording for each language (`byLanguage`, policy only). */
export const WordingSettingSchema = WordingSchema.extend({
  byLanguage: meta(
    z
      .record(LanguageTagSchema, WordingSchema, { error: zodMessage.expected('languageWordingMap') })
      .refine((byLanguage) => Object.keys(byLanguage).length <= LIMITS.languages, zodMessage.atMost(LIMITS.languages, 'languages')),
    {
      title: 'Wording per language',
      description:
        'The organisation\'s wording in other languages, keyed by the language tag of the browser\'s UI language ("de", "pt-BR", "ja"); each value takes the keys of `wording` above. For a browser in Brazilian Portuguese, each text comes from the first that sets it of "pt-BR", "pt", the top level of `wording` and the built-in text (translated); so a "de" block that sets only the P1 definition keeps the top level\'s other definitions and checklist. Shown as the organisation\'s wording. Policy only.',
      limits: `An object of at most ${LIMITS.languages} language tags (more: all are ignored), each a well-formed BCP 47 tag with hyphens ("pt-BR", not "pt_BR"); each value an object of the keys of \`wording\` (without \`byLanguage\`), with their limits. An invalid tag or text is ignored on its own. Only from the organisation's policy: ignored (and listed) in a user's own settings.`,
      example: LANGUAGE_WORDING_EXAMPLE,
      policyOnly: true,
    },
  ).optional(),
});

export const SettingsSchema = z.object({
  plan: meta(PlanSettingSchema, {
    title: 'Support plan',
    description:
      'The organisation\'s Puppet support plan: "standard", "premium" or "unknown" (shows both plans\' response targets).',
    limits: 'One of "standard", "premium", "unknown".',
    example: 'premium',
  }).optional(),
  guardMode: meta(GuardModeSchema, {
    title: 'Guard mode',
    description:
      '"dialog" (default): a Priority 1 submission is held until the person confirms the checklist; "note": only the P1 definition is shown by the field; "off": the guard does nothing on the form.',
    limits: 'One of "dialog", "note", "off".',
    example: 'dialog',
  }).optional(),
  portals: meta(
    z.array(PortalSchema, { error: zodMessage.expected('portalList') }).max(LIMITS.portals, zodMessage.atMost(LIMITS.portals, 'portals')),
    {
      title: 'Support portals',
      description:
        'Portals to guard besides the built-in ones (support.puppet.com/hc, portal.perforce.com/s). Listed first, so an entry for a built-in portal\'s pages can give it a field selector. Portals on other hosts need host access, which each user grants once on the options page.',
      limits: `A list of at most ${LIMITS.portals} portals (more: all are ignored). Each needs "matches" and "newTicketUrl": an entry without either, or with either invalid, is ignored whole; an invalid optional key is ignored on its own. Each key's limits and the rules of a match pattern are below.`,
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
  wording: meta(WordingSettingSchema, {
    title: 'Wording',
    description: 'Replaces any level\'s definition, the P1 checklist statements, the reassurance line or the P1 ticket essentials (and the keywords that show a ticket holds one).',
    limits: 'An object of the keys below; each invalid text is ignored on its own.',
    example: {
      definitions: {
        1: 'Production Puppet is down or severely degraded for the whole company and there is no workaround. Call the service desk first.',
      },
      reassurance: 'Support answers every priority promptly: a P2 is still looked at the same day.',
      byLanguage: LANGUAGE_WORDING_EXAMPLE,
    },
  }).optional(),
  p1Phone: meta(PhoneSchema, {
    title: 'P1 phone number',
    description:
      'The organisation\'s own number to call for a Priority 1, shown on the Premium plan in the guard\'s dialog once every checklist statement is ticked. Empty: none is shown. Priority Guard never invents one.',
    limits: `At most ${LIMITS.phone} characters. Empty: no number. Otherwise a digit first (a + may come before it), then digits, spaces and + ( ) - . /, at least 3 digits, optionally ending in "ext. 123", "ext 123" or "x123" (1 to 6 digits).`,
    example: '+1 555 0100 ext. 42',
  }).optional(),
  popupViews: meta(
    z
      .array(PopupViewSchema, { error: zodMessage.expected('viewList') })
      .min(1, zodMessage.atLeast(1, 'views'))
      .max(POPUP_VIEWS.length, zodMessage.atMost(POPUP_VIEWS.length, 'views'))
      .refine((views) => new Set(views).size === views.length, zodMessage.expected('eachViewOnce')),
    {
      title: 'Popup views',
      description: 'Which popup views are shown, in order: "triage" ("Which priority?") and "definitions".',
      limits: `A list of one or more of ${POPUP_VIEWS.map((v) => `"${v}"`).join(' and ')}, none twice.`,
      example: ['triage', 'definitions'],
    },
  ).optional(),
  allowUserSettings: meta(z.boolean({ error: zodMessage.expected('trueOrFalse') }), {
    title: 'Users may change settings',
    description:
      'false: users see the settings on the options page but cannot change any; their own saved settings are ignored. Policy only.',
    limits: 'true or false. Only from the organisation\'s policy: ignored (and listed) in a user\'s own settings.',
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
const wordingFits: Assignable<NonNullable<Settings['wording']>, WordingConfig> = true;
void wordingFits;
