import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '@/lib/config/schema';
import { givenText } from '@/components/problem-text';
import { describeGiven } from '@/lib/config/given';
import { closestKey, formatPath, MAX_PROBLEMS, validateSettings } from '@/lib/config/validate';
import { examplePolicy } from '../../../scripts/policy-templates/templates';
import { worded } from '../../support/problem-words';

/** The problems of these settings, worded as the options page shows them (English). */
const wordedProblems = (input: unknown, source: 'policy' | 'user' = 'policy') => worded(validateSettings(input, source).problems);

const PORTAL = {
  name: 'ACME Support',
  matches: ['https://support.acme.example/hc/*'],
  newTicketUrl: 'https://support.acme.example/hc/en-us/requests/new',
  fieldSelector: 'select[name="request[priority]"]',
  labels: { 'Sev A': 1, 'Sev B': 2 },
};

describe('validateSettings: valid input', () => {
  it('accepts the documented example policy without a problem', () => {
    const { settings, problems } = validateSettings(examplePolicy(), 'policy');
    expect(problems).toEqual([]);
    expect(settings).toEqual(SettingsSchema.parse(examplePolicy()));
  });

  it('accepts nothing at all as no settings', () => {
    for (const input of [undefined, null, {}]) expect(validateSettings(input, 'policy')).toEqual({ settings: {}, problems: [] });
  });

  it('accepts JSON text where an object or a list is expected (Windows GPO)', () => {
    const { settings, problems } = validateSettings(
      {
        portals: JSON.stringify([PORTAL]),
        wording: ' {"definitions": {"1": "Our own P1"}} ',
        popupViews: '["definitions"]',
      },
      'policy',
    );
    expect(problems).toEqual([]);
    expect(settings.portals).toEqual([PORTAL]);
    expect(settings.wording).toEqual({ definitions: { 1: 'Our own P1' } });
    expect(settings.popupViews).toEqual(['definitions']);
  });

  it('accepts JSON text nested inside (a whole portal, a label map)', () => {
    const { settings, problems } = validateSettings(
      { portals: [JSON.stringify({ ...PORTAL, labels: undefined }), { ...PORTAL, labels: '{"Sev A": 1}' }] },
      'policy',
    );
    expect(problems).toEqual([]);
    expect(settings.portals).toHaveLength(2);
    expect(settings.portals![1]!.labels).toEqual({ 'Sev A': 1 });
  });

  it('accepts a whole policy as JSON text', () => {
    expect(validateSettings('{"plan": "premium"}', 'policy')).toEqual({ settings: { plan: 'premium' }, problems: [] });
  });

  it('reads registry-style values: 0/1 for false/true, "2" for 2', () => {
    const { settings, problems } = validateSettings(
      { allowUserSettings: 0, portals: [{ ...PORTAL, labels: { 'Sev A': '1', 'Sev B': 2 } }] },
      'policy',
    );
    expect(problems).toEqual([]);
    expect(settings.allowUserSettings).toBe(false);
    expect(settings.portals![0]!.labels).toEqual({ 'Sev A': 1, 'Sev B': 2 });
    expect(validateSettings({ allowUserSettings: 1 }, 'policy').settings.allowUserSettings).toBe(true);
    expect(validateSettings({ allowUserSettings: 'true' }, 'policy').settings.allowUserSettings).toBe(true);
  });

  it('trims text and accepts an empty phone number as "none"', () => {
    const { settings, problems } = validateSettings({ p1Phone: '', wording: { reassurance: '  Fine.  ' } }, 'policy');
    expect(problems).toEqual([]);
    expect(settings).toEqual({ p1Phone: '', wording: { reassurance: 'Fine.' } });
  });

  it("refuses policy-only keys in the user's settings, keeping the rest", () => {
    const { settings, problems } = validateSettings({ allowUserSettings: false, plan: 'standard' }, 'user');
    expect(settings).toEqual({ plan: 'standard' });
    expect(problems).toEqual([expect.objectContaining({ source: 'user', path: 'allowUserSettings' })]);
  });
});

describe('validateSettings: problems in plain words', () => {
  it('names the key path, what was expected and what was given', () => {
    const [problem] = validateSettings({ plan: 'gold' }, 'policy').problems;
    expect(problem).toEqual({
      source: 'policy',
      path: 'plan',
      issue: { code: 'expectedOneOf', values: ['standard', 'premium', 'unknown'] },
      given: { kind: 'text', text: 'gold', length: 4 },
      verdict: 'ignored',
    });
    expect(worded([problem!])[0]!.message).toBe('Expected "standard", "premium", or "unknown". Given: "gold". Ignored.');
  });

  it('drops only the bad entry of a list, and says which', () => {
    const { settings, problems } = validateSettings(
      { portals: [PORTAL, { ...PORTAL, matches: ['https://ok.example.com/*', 'nope'] }, { name: 'x' }] },
      'policy',
    );
    expect(settings.portals).toEqual([PORTAL, { ...PORTAL, matches: ['https://ok.example.com/*'] }]);
    expect(problems.map((p) => p.path)).toEqual(['portals[1].matches[1]', 'portals[2]']);
    expect(worded(problems)[1]!.message).toBe(
      'This entry needs "matches" and "newTicketUrl", but "matches" and "newTicketUrl" are missing. The whole entry was ignored.',
    );
  });

  it('cuts long given values short and says how long they were', () => {
    const [problem] = wordedProblems({ guardMode: 'x'.repeat(10_000) });
    expect(problem!.message).toContain('(10,000 characters)');
    expect(problem!.message.length).toBeLessThan(300);
  });

  it('describes given values briefly', () => {
    const words = (value: unknown) => givenText(describeGiven(value));
    expect(words(undefined)).toBe('nothing');
    expect(words([1, 2])).toBe('a list of 2 items');
    expect(words([1])).toBe('a list of 1 item');
    expect(words([])).toBe('an empty list');
    expect(words({})).toBe('an empty object');
    expect(words({ a: 1 })).toBe('an object with key "a"');
    expect(words({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe('an object with keys "a", "b", "c", "d", and 1 more');
    expect(describeGiven({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toEqual({ kind: 'object', keys: ['a', 'b', 'c', 'd'], count: 5 });
    expect(words('a\nb')).toBe('"a\\nb"');
    expect(words(5)).toBe('5');
  });

  it('formats key paths', () => {
    expect(formatPath(['portals', 0, 'matches', 1])).toBe('portals[0].matches[1]');
    expect(formatPath(['wording', 'definitions', '1'])).toBe('wording.definitions.1');
    expect(formatPath(['portals', 0, 'labels', 'Sev A'])).toBe('portals[0].labels["Sev A"]');
    expect(formatPath(['wording', 'checklist', 'no-workaround'])).toBe('wording.checklist.no-workaround');
  });

  it('lists at most MAX_PROBLEMS problems, then says how many more', () => {
    const junk = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`junk${i}`, i]));
    const { problems } = validateSettings({ ...junk, plan: 'premium' }, 'policy');
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(worded(problems).at(-1)!.message).toBe('And 150 more problems, not listed.');
  });
});

describe('validateSettings: keys it does not know', () => {
  it('names each one, says it is not a setting, and suggests the key it looks like', () => {
    const { settings, problems } = validateSettings(
      {
        allowUsersettings: false,
        plan: 'premium',
        wording: { definition: { 1: 'x' }, checklist: { no_workaround: 'y', critical: 'Our critical.' }, footer: 'z' },
        portals: [{ ...PORTAL, fieldselector: '#p', colour: 'red' }],
      },
      'policy',
    );
    // The rest applies.
    expect(settings).toEqual({ plan: 'premium', wording: { checklist: { critical: 'Our critical.' } }, portals: [PORTAL] });
    expect(worded(problems)).toEqual([
      { source: 'policy', path: 'allowUsersettings', message: 'Not a setting Priority Guard knows: did you mean "allowUserSettings"? Given: false. Ignored.' },
      {
        source: 'policy',
        path: 'portals[0].fieldselector',
        message: 'Not a setting Priority Guard knows: did you mean "fieldSelector"? Given: "#p". Ignored.',
      },
      {
        source: 'policy',
        path: 'portals[0].colour',
        message:
          'Not a setting Priority Guard knows (here it knows "name", "matches", "newTicketUrl", "fieldSelector", and "labels"). Given: "red". Ignored.',
      },
      {
        source: 'policy',
        path: 'wording.definition',
        message: 'Not a setting Priority Guard knows: did you mean "definitions"? Given: an object with key "1". Ignored.',
      },
      { source: 'policy', path: 'wording.footer', message: expect.stringMatching(/^Not a setting Priority Guard knows \(here it knows "definitions", /) },
      {
        source: 'policy',
        path: 'wording.checklist.no_workaround',
        message: 'Not a setting Priority Guard knows: did you mean "no-workaround"? Given: "y". Ignored.',
      },
    ]);
  });

  it('guesses only at keys that really look alike', () => {
    const top = ['plan', 'guardMode', 'portals', 'wording', 'p1Phone', 'popupViews', 'allowUserSettings'];
    expect(closestKey('GuardMode', top)).toBe('guardMode');
    expect(closestKey('guard_mode', top)).toBe('guardMode');
    expect(closestKey('popupView', top)).toBe('popupViews');
    expect(closestKey('portal', top)).toBe('portals');
    expect(closestKey('wordnig', top)).toBe('wording'); // two letters swapped
    expect(closestKey('colour', top)).toBeNull();
    expect(closestKey('footer', top)).toBeNull();
    expect(closestKey('mode', top)).toBeNull();
    // Levels are not misspelt: "5" is not a "4".
    expect(closestKey('5', ['1', '2', '3', '4'])).toBeNull();
    expect(wordedProblems({ wording: { definitions: { 5: 'P5' } } })[0]!.message).toBe(
      'Not a setting Priority Guard knows (here it knows "1", "2", "3", and "4"). Given: "P5". Ignored.',
    );
    // Two keys equally close: no guess.
    expect(closestKey('ab', ['abc', 'abd'])).toBeNull();
    expect(closestKey('abce', ['abcd', 'abcf'])).toBeNull();
  });
});

describe('validateSettings never throws, and what it keeps is valid', () => {
  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { settings, problems } = validateSettings(value, 'policy');
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        for (const text of worded(problems).map((p) => p.message)) expect(text).toMatch(/^[A-Z].*[.?]$/s);
      }),
      { numRuns: 300 },
    );
  });

  it('for any object with the real keys and arbitrary values', () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.string().map((s) => `{${s}`), fc.string().map((s) => `[${s}`));
    const settings = fc.record(
      {
        plan: anyValue,
        guardMode: anyValue,
        portals: fc.oneof(anyValue, fc.array(fc.dictionary(fc.constantFrom('matches', 'newTicketUrl', 'labels', 'name', 'x'), anyValue), { maxLength: 4 })),
        wording: fc.oneof(anyValue, fc.record({ definitions: fc.dictionary(fc.constantFrom('1', '2', '5'), anyValue) })),
        p1Phone: anyValue,
        popupViews: anyValue,
        allowUserSettings: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(settings, (value) => {
        const result = validateSettings(value, 'policy');
        expect(SettingsSchema.safeParse(result.settings).success).toBe(true);
        // Every key that was given and dropped has a problem naming it (unless the list was cut short).
        if (result.problems.length > MAX_PROBLEMS) return;
        for (const key of Object.keys(value)) {
          if (!(key in result.settings)) {
            expect(result.problems.some((p) => p.path === key || p.path.startsWith(`${key}[`) || p.path.startsWith(`${key}.`))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
