// Settings problems are data (lib/config/problem.ts) worded by components/problem-text.ts:
// every code, reason and unit the lib can produce has its message in every language, every
// `problem.*` message is used, and the words come out in the UI language (German here).
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issueText, problemText } from '@/components/problem-text';
import {
  COUNTED_UNITS,
  EXPECTED_THINGS,
  ISSUE_CODES,
  type ConfigProblem,
  type Given,
  type Issue,
  type IssueCode,
  type MatchPatternReason,
  type SelectorReason,
  type Verdict,
} from '@/lib/config/problem';
import { readProblems } from '@/lib/config/problem-schema';
import { validateSettings } from '@/lib/config/validate';
import { catalogueGetMessage } from '../../support/i18n-catalogue';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

async function speak(lang: string, record?: Set<string>) {
  const getMessage = await catalogueGetMessage(lang);
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    record?.add(name);
    return getMessage(name, subs);
  }) as typeof fakeBrowser.i18n.getMessage;
}

// Each record below is checked complete by the compiler: a new reason or code must be added here.
const MATCH_PATTERN_REASONS = {
  tooLong: { reason: 'tooLong', max: 2048 },
  spaces: { reason: 'spaces' },
  allUrls: { reason: 'allUrls' },
  noScheme: { reason: 'noScheme' },
  notHttps: { reason: 'notHttps', scheme: 'http' },
  noPath: { reason: 'noPath' },
  noHost: { reason: 'noHost' },
  userName: { reason: 'userName' },
  port: { reason: 'port' },
  hash: { reason: 'hash' },
  starAlone: { reason: 'starAlone' },
  wildcardPlace: { reason: 'wildcardPlace' },
  ipWildcard: { reason: 'ipWildcard' },
  hostLetters: { reason: 'hostLetters' },
  notFullDomain: { reason: 'notFullDomain' },
  publicSuffix: { reason: 'publicSuffix', suffix: 'co.uk' },
} satisfies Record<MatchPatternReason['reason'], MatchPatternReason>;

const SELECTOR_REASONS = { forbiddenCharacters: true, closingBracket: true, unclosed: true } satisfies Record<SelectorReason, true>;

const ISSUES: { [C in IssueCode]: Extract<Issue, { code: C }>[] } = {
  expected: EXPECTED_THINGS.map((thing) => ({ code: 'expected', thing })),
  expectedOneOf: [{ code: 'expectedOneOf', values: ['dialog', 'note', 'off'] }, { code: 'expectedOneOf', values: [1, true] }],
  atLeast: COUNTED_UNITS.flatMap((unit) => [1, 3].map((count) => ({ code: 'atLeast' as const, count, unit }))),
  atMost: COUNTED_UNITS.flatMap((unit) => [1, 2048].map((count) => ({ code: 'atMost' as const, count, unit }))),
  notEmpty: [{ code: 'notEmpty' }],
  notAllowed: [{ code: 'notAllowed', as: 'optionText' }, { code: 'notAllowed', as: 'essentialText' }],
  matchPattern: [
    ...Object.values(MATCH_PATTERN_REASONS).map((why) => ({ code: 'matchPattern' as const, why })),
    { code: 'matchPattern', why: { reason: 'tooLong', max: 1 } },
  ],
  cssSelector: (Object.keys(SELECTOR_REASONS) as SelectorReason[]).map((why) => ({ code: 'cssSelector', why })),
  invalidJson: [{ code: 'invalidJson', want: 'object' }, { code: 'invalidJson', want: 'list' }],
  policyOnly: [{ code: 'policyOnly' }],
  languageTag: [{ code: 'languageTag', meant: 'pt-BR' }],
  unknownKey: [
    { code: 'unknownKey', like: 'allowUserSettings', known: ['plan', 'allowUserSettings'] },
    { code: 'unknownKey', like: null, known: ['1', '2', '3', '4'] },
  ],
  entryNeeds: [
    { code: 'entryNeeds', missing: ['matches'], invalid: ['newTicketUrl'] },
    { code: 'entryNeeds', missing: ['matches', 'newTicketUrl'], invalid: [] },
    { code: 'entryNeeds', missing: [], invalid: ['matches', 'newTicketUrl'] },
  ],
  unusedKeywords: [
    { code: 'unusedKeywords', like: 'Change request number.', items: ['Change request number.'] },
    { code: 'unusedKeywords', like: null, items: ['A.', 'B.'] },
  ],
  unreadable: [{ code: 'unreadable', error: 'TypeError' }],
  moreProblems: [{ code: 'moreProblems', count: 1 }, { code: 'moreProblems', count: 150 }],
  invalid: [{ code: 'invalid' }],
};

const GIVENS: { [K in Given['kind']]: Extract<Given, { kind: K }>[] } = {
  nothing: [{ kind: 'nothing' }],
  null: [{ kind: 'null' }],
  text: [{ kind: 'text', text: 'gold', length: 4 }, { kind: 'text', text: '', length: 1 }, { kind: 'text', text: 'xxxx', length: 10_000 }],
  scalar: [{ kind: 'scalar', text: '5' }],
  list: [0, 1, 2].map((count) => ({ kind: 'list' as const, count })),
  object: [
    { kind: 'object', keys: [], count: 0 },
    { kind: 'object', keys: ['a'], count: 1 },
    { kind: 'object', keys: ['a', 'b', 'c', 'd'], count: 5 },
    { kind: 'object', keys: ['a', 'b', 'c', 'd'], count: 9 },
  ],
  other: [{ kind: 'other', type: 'bigint' }],
};

const VERDICTS = { ignored: true, entryIgnored: true, allIgnored: true, keywordsUnused: true } satisfies Record<Verdict, true>;

/** Every problem the samples make: each issue bare, with each given, and with each verdict. */
function samples(): ConfigProblem[] {
  const issues = Object.values(ISSUES).flat();
  const givens = Object.values(GIVENS).flat();
  const verdicts = Object.keys(VERDICTS) as Verdict[];
  return [
    ...issues.map((issue) => ({ source: 'policy' as const, path: 'plan', issue })),
    ...issues.flatMap((issue) => verdicts.map((verdict) => ({ source: 'user' as const, path: 'plan', issue, verdict }))),
    ...givens.map((given) => ({ source: 'policy' as const, path: 'plan', issue: { code: 'notEmpty' as const }, given, verdict: 'ignored' as const })),
  ];
}

const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'pt_BR'];

describe('every problem the lib can produce has its words', () => {
  it('lists every issue code once', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    expect(Object.keys(ISSUES).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it.each(LANGUAGES)('%s: each sample reads as a whole message, no placeholder left', async (lang) => {
    await speak(lang);
    for (const problem of samples()) {
      const text = problemText(problem);
      expect(text.trim(), JSON.stringify(problem)).not.toBe('');
      expect(text, JSON.stringify(problem)).not.toMatch(/\{[A-Za-z0-9_]+\}|undefined|\[object/);
    }
  });

  it('uses every problem.* message of the catalogue, and only those there', async () => {
    const used = new Set<string>();
    await speak('en', used);
    for (const problem of samples()) problemText(problem);
    const catalogue = (await parseMessagesFile(resolve(__dirname, '../../../locales/en.yml')))
      .map((m) => m.key.join('_'))
      .filter((key) => key.startsWith('problem_'));
    const asked = [...used].filter((key) => key.startsWith('problem_'));
    expect(asked.filter((key) => !catalogue.includes(key)), 'asked for, not in the catalogue').toEqual([]);
    expect(catalogue.filter((key) => !used.has(key)), 'in the catalogue, never asked for').toEqual([]);
  });
});

describe('stored problems, read back at the options page', () => {
  it('every problem validation produces passes the stored shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { problems } = validateSettings(value, 'policy');
        expect(readProblems(JSON.parse(JSON.stringify(problems)))).toEqual(problems);
      }),
      { numRuns: 200 },
    );
    expect(readProblems(samples())).toEqual(samples());
  });

  it('words a problem of an older shape as "not valid" for its key, and leaves out what names no key', () => {
    const stored = [{ source: 'policy', path: 'plan', message: 'Expected text.' }, { source: 'policy' }, 'junk', null];
    expect(readProblems(stored)).toEqual([{ source: 'policy', path: 'plan', issue: { code: 'invalid' }, verdict: 'ignored' }]);
    expect(readProblems('junk')).toEqual([]);
  });
});

describe('German', () => {
  it('what was expected, what was given, and the verdict, in German; key names and values as written', async () => {
    await speak('de');
    const [plan] = validateSettings({ plan: 'gold' }, 'policy').problems;
    expect(problemText(plan!)).toBe('Erwartet wird "standard", "premium" oder "unknown". Angegeben: "gold". Ignoriert.');
    const [misspelt] = validateSettings({ allowUsersettings: false }, 'policy').problems;
    expect(problemText(misspelt!)).toBe('Keine Einstellung, die Priority Guard kennt: Meinten Sie "allowUserSettings"? Angegeben: false. Ignoriert.');
  });

  it('plurals and numbers through Intl', async () => {
    await speak('de');
    const [long] = validateSettings({ guardMode: 'x'.repeat(10_000) }, 'policy').problems;
    expect(problemText(long!)).toMatch(/ \(10\.000 Zeichen\)\. Ignoriert\.$/);
    const [list] = validateSettings({ plan: ['a', 'b'] }, 'policy').problems;
    expect(problemText(list!)).toContain('Angegeben: eine Liste mit 2 Einträgen.');
    expect(issueText({ code: 'atMost', count: 1, unit: 'keywords' })).toBe('Erlaubt ist höchstens 1 Stichwort.');
    expect(issueText({ code: 'atMost', count: 2048, unit: 'characters' })).toBe('Erlaubt sind höchstens 2.048 Zeichen.');
    const [portal] = validateSettings({ portals: [{ name: 'x' }] }, 'policy').problems;
    expect(problemText(portal!)).toBe(
      'Dieser Eintrag braucht "matches" und "newTicketUrl", aber "matches" und "newTicketUrl" fehlen. Der ganze Eintrag wurde ignoriert.',
    );
  });
});
