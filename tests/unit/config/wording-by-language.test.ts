// wording.byLanguage across the settings: validation, the merge, the configuration each UI
// language gets, Chrome's managed schema and the admin templates.
import { describe, expect, it } from 'vitest';
import { computeReport } from '@/lib/config/background-sync';
import { configForLocale, localizedConfig } from '@/lib/config/config-for-locale';
import { DEFAULT_CONFIG } from '@/lib/config/effective';
import { languageWordingPaths } from '@/lib/config/language-wording-paths';
import { isLocked } from '@/lib/config/load';
import { managedSchema } from '@/lib/config/managed-schema';
import { ALL_SETTING_PATHS, mergeSettings } from '@/lib/config/merge';
import { LIMITS, SettingsSchema, WordingSchema } from '@/lib/config/schema';
import { validateSettings } from '@/lib/config/validate';
import { DEFAULT_CHECKLIST, DEFAULT_DEFINITIONS, DEFAULT_REASSURANCE } from '@/lib/rules';
import { examplePolicy, policyTemplates } from '../../../scripts/policy-templates/templates';
import { worded } from '../../support/problem-words';

const byLanguage = (value: unknown) => ({ wording: { byLanguage: value } });

describe('validating wording.byLanguage', () => {
  it('keeps well-formed tags and their wording', () => {
    const input = byLanguage({ de: { definitions: { 1: 'DE P1' } }, 'pt-BR': { reassurance: 'Olá' }, ja: { ticketEssentials: ['バージョン'] } });
    expect(validateSettings(input, 'policy')).toEqual({ settings: input, problems: [] });
  });

  it('names a bad tag by its key, says what a tag is, and keeps the other languages', () => {
    const { settings, problems } = validateSettings(
      byLanguage({ pt_BR: { reassurance: 'A' }, 'german!': { reassurance: 'B' }, de: { reassurance: 'C' } }),
      'policy',
    );
    expect(settings).toEqual(byLanguage({ de: { reassurance: 'C' } }));
    expect(worded(problems)).toEqual([
      { source: 'policy', path: 'wording.byLanguage.pt_BR', message: 'Not a language tag: did you mean "pt-BR"? Given: "pt_BR". Ignored.' },
      {
        source: 'policy',
        path: 'wording.byLanguage["german!"]',
        message: 'Expected a language tag (BCP 47) such as "de", "pt-BR" or "ja". Given: "german!". Ignored.',
      },
    ]);
  });

  it('names a bad text by its whole key path, and keeps the rest of that language', () => {
    const { settings, problems } = validateSettings(
      byLanguage({ de: { definitions: { 1: 42, 4: 'DE P4' }, checklist: { critical: '' }, reassurance: 'DE' } }),
      'policy',
    );
    expect(settings).toEqual(byLanguage({ de: { definitions: { 4: 'DE P4' }, checklist: {}, reassurance: 'DE' } }));
    expect(worded(problems).map((p) => [p.path, p.message])).toEqual([
      ['wording.byLanguage.de.definitions.1', 'Expected text. Given: 42. Ignored.'],
      ['wording.byLanguage.de.checklist.critical', 'Must not be empty. Given: "". Ignored.'],
    ]);
  });

  it('names a misspelt key inside a language', () => {
    const { problems } = validateSettings(byLanguage({ de: { definition: { 1: 'x' } } }), 'policy');
    expect(worded(problems)).toEqual([
      {
        source: 'policy',
        path: 'wording.byLanguage.de.definition',
        message: 'Not a setting Priority Guard knows: did you mean "definitions"? Given: an object with key "1". Ignored.',
      },
    ]);
  });

  it('reads JSON text (Firefox registry policies) and refuses what is no object', () => {
    expect(validateSettings(byLanguage('{"de": {"reassurance": "DE"}}'), 'policy').settings).toEqual(byLanguage({ de: { reassurance: 'DE' } }));
    expect(validateSettings(byLanguage(['de']), 'policy').problems.map((p) => p.path)).toEqual(['wording.byLanguage']);
    expect(validateSettings(byLanguage({ de: 'DE' }), 'policy').problems.map((p) => p.path)).toEqual(['wording.byLanguage.de']);
  });

  it('ignores them all past the limit of languages', () => {
    const tags = Array.from({ length: LIMITS.languages + 1 }, (_, i) => `q${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`);
    const { settings, problems } = validateSettings(byLanguage(Object.fromEntries(tags.map((t) => [t, { reassurance: t }]))), 'policy');
    expect(settings).toEqual({ wording: {} });
    expect(worded(problems)).toEqual([expect.objectContaining({ path: 'wording.byLanguage', message: expect.stringContaining(`at most ${LIMITS.languages} languages`) })]);
  });

  it("is the organisation's only: ignored (and listed) in a user's settings, the user's other wording kept", () => {
    const { settings, problems } = validateSettings({ wording: { reassurance: 'Mine', byLanguage: { de: { reassurance: 'Meins' } } } }, 'user');
    expect(settings).toEqual({ wording: { reassurance: 'Mine' } });
    expect(worded(problems)).toEqual([
      { source: 'user', path: 'wording.byLanguage', message: 'Only an organisation can set this. Given: an object with key "de". Ignored.' },
    ]);
  });

  it('accepts the documented example', () => {
    const example = examplePolicy().wording as { byLanguage: unknown };
    expect(example.byLanguage).toHaveProperty('de');
    expect(example.byLanguage).toHaveProperty('ja');
    expect(validateSettings(examplePolicy(), 'policy').problems).toEqual([]);
  });
});

describe('merging wording.byLanguage', () => {
  const policy = { wording: { definitions: { 4: 'Org P4' }, byLanguage: { de: { definitions: { 1: 'DE P1' } } } } };

  it('keeps it in the configuration, the top level in the texts, and locks each text it sets', () => {
    const { config, locked } = mergeSettings({ wording: { definitions: { 2: 'My P2' } } }, policy);
    expect(config.wording).toEqual({ definitions: { 2: 'My P2', 4: 'Org P4' }, byLanguage: policy.wording.byLanguage });
    // The texts in the configuration are the top level's: a surface picks its language's (below).
    expect(config.definitions.map((d) => d.definition)).toEqual([
      DEFAULT_DEFINITIONS[0]!.definition,
      'My P2',
      DEFAULT_DEFINITIONS[2]!.definition,
      'Org P4',
    ]);
    expect(locked).toEqual(['wording.definitions.4', 'wording.byLanguage.de.definitions.1']);
  });

  it('is locked whole when users may not change settings', () => {
    expect(ALL_SETTING_PATHS).toContain('wording.byLanguage');
    const { locked } = mergeSettings({}, { allowUserSettings: false });
    expect(isLocked({ locked }, 'wording.byLanguage.de.definitions.1')).toBe(true);
  });
});

describe('the configuration a UI language gets', () => {
  const { config } = mergeSettings(
    { wording: { reassurance: 'My reassurance' } },
    {
      wording: {
        checklist: { production: 'Org production' },
        byLanguage: {
          de: { definitions: { 1: 'DE P1' }, checklist: { critical: 'DE critical' }, ticketEssentials: ['DE item'] },
          en: { reassurance: 'EN reassurance' },
        },
      },
    },
  );

  it('takes the language block over the top level and the defaults, and marks replaced definitions', () => {
    const de = configForLocale(config, 'de-AT');
    expect(de.definitions[0]!.definition).toBe('DE P1');
    expect(de.replacedDefinitions).toEqual([1]);
    expect(de.checklist.map((c) => c.statement)).toEqual(['Org production', 'DE critical', DEFAULT_CHECKLIST[2]!.statement]);
    expect(de.ticketEssentials).toEqual(['DE item']);
    expect(de.reassurance).toBe('My reassurance');
  });

  it('gives a language nobody worded the top level, and the defaults below it (translated by the UI)', () => {
    const fr = configForLocale(config, 'fr');
    expect(fr.definitions).toEqual(DEFAULT_DEFINITIONS);
    expect(fr.replacedDefinitions).toEqual([]);
    expect(fr.checklist[0]!.statement).toBe('Org production');
    expect(fr.reassurance).toBe('My reassurance');
    expect(configForLocale(config, 'en-GB').reassurance).toBe('EN reassurance');
  });

  it('is the configuration itself when no language is worded', () => {
    expect(configForLocale(DEFAULT_CONFIG, 'de')).toBe(DEFAULT_CONFIG);
    expect(configForLocale(DEFAULT_CONFIG, 'de').reassurance).toBe(DEFAULT_REASSURANCE);
  });

  it('is worked out once per configuration, asking for the locale only when some language is worded', () => {
    let current = DEFAULT_CONFIG;
    let asked = 0;
    const read = localizedConfig(() => current, () => (asked++, 'de'));
    expect(read()).toBe(DEFAULT_CONFIG);
    expect(asked).toBe(0);
    current = config;
    const first = read();
    expect(read()).toBe(first);
    expect(first.definitions[0]!.definition).toBe('DE P1');
    expect(asked).toBe(1);
  });

  it('names the texts the language block sets, for the options page to lock', () => {
    expect(languageWordingPaths(config.wording, 'de')).toEqual([
      'wording.definitions.1',
      'wording.checklist.critical',
      'wording.ticketEssentials',
    ]);
    expect(languageWordingPaths(config.wording, 'fr')).toEqual([]);
    expect(languageWordingPaths({}, 'de')).toEqual([]);
  });
});

describe('keywords per language', () => {
  it("reports a key that names no item of that language's essentials, with the key path", async () => {
    const { report } = await computeReport(
      {
        wording: {
          byLanguage: {
            de: { ticketEssentials: ['Ihre Change-Nummer.'], ticketEssentialKeywords: { 'Ihre Change-Nummer.': ['CHG'], 'Ihre Changenummer': ['x'] } },
          },
        },
      },
      {},
      async () => true,
    );
    expect(worded(report.problems)).toEqual([
      {
        source: 'policy',
        path: 'wording.byLanguage.de.ticketEssentialKeywords["Ihre Changenummer"]',
        message: 'No item of "What to include in a P1 ticket" has this text: did you mean "Ihre Change-Nummer."? These keywords are not used.',
      },
    ]);
  });
});

describe("Chrome's managed schema for wording.byLanguage", () => {
  const node = managedSchema().properties!.wording!.properties!.byLanguage!;

  it('is an object of languages, each typed as `wording` without byLanguage, one type per node', () => {
    expect(node.type).toBe('object');
    expect(node.properties).toBeUndefined();
    const language = node.additionalProperties!;
    expect(language.type).toBe('object');
    expect(Object.keys(language.properties!)).toEqual(Object.keys(WordingSchema.shape));
    expect(language.properties).toEqual(
      Object.fromEntries(Object.entries(managedSchema().properties!.wording!.properties!).filter(([k]) => k !== 'byLanguage')),
    );
    // Like `wording` itself: an unknown list or object must not take every language with it.
    expect(language).not.toHaveProperty('additionalProperties');
  });

  it('agrees with the zod schema on what a language holds', () => {
    const shape = SettingsSchema.shape.wording.unwrap().shape.byLanguage.unwrap();
    expect(Object.keys(shape.valueType.shape)).toEqual(Object.keys(node.additionalProperties!.properties!));
  });
});

describe('the templates carry German and Japanese wording', () => {
  const files = policyTemplates();

  it('in every sample policy', () => {
    const wording = (examplePolicy().wording as { byLanguage: Record<string, unknown> }).byLanguage;
    expect(JSON.parse(files['example-policy.json']!).wording.byLanguage).toEqual(wording);
    expect(JSON.parse(files['firefox-policies.json']!).policies['3rdparty'].Extensions).toSatisfy((e: object) =>
      Object.values(e).some((p) => JSON.stringify(p.wording?.byLanguage) === JSON.stringify(wording)),
    );
  });

  it('as ASCII JSON text in the .reg files, which reads back to the same wording', () => {
    const reg = files['chrome-windows-policy.reg']!;
    const line = reg.split('\r\n').find((l) => l.startsWith('"wording"='))!;
    const text = line.slice('"wording"="'.length, -1).replace(/\\(.)/g, '$1');
    expect(JSON.parse(text)).toEqual(examplePolicy().wording);
  });

  it('and the settings reference shows the example and the fallback', () => {
    const reference = files['settings-reference.md']!;
    expect(reference).toContain('### The wording per language (`wording.byLanguage`)');
    expect(reference).toContain('本番環境の Puppet');
    expect(reference).toContain('Policy only.');
  });
});
