// A corpus of malformed policies, as admins (and their tools) really produce them. For
// each: validation does not throw, a problem names the key path, and the valid keys
// beside the bad one still apply, through to the effective configuration.
import { describe, expect, it } from 'vitest';
import { worded } from '../../support/problem-words';
import { DEFAULT_CONFIG } from '@/lib/config/effective';
import { mergeSettings } from '@/lib/config/merge';
import { validateSettings } from '@/lib/config/validate';

const PORTAL = { matches: ['https://support.acme.example/*'], newTicketUrl: 'https://support.acme.example/new' };
const HUGE = 'P1 '.repeat(400_000); // 1.2 MB of text

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { deeper: value, list: [value] };
  return value;
}

function nestedArrayText(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

interface Case {
  name: string;
  /** The malformed part; `plan: "premium"` is added beside it unless `whole` is set. */
  bad: Record<string, unknown>;
  /** The key path the problem must name (a prefix is enough for lists of problems). */
  path: string | RegExp;
  /** What must still apply from the malformed key itself (its valid parts), if anything. */
  kept?: Record<string, unknown>;
}

const CASES: Case[] = [
  // wrong types
  { name: 'plan as a number', bad: { guardMode: 3 }, path: 'guardMode' },
  { name: 'guard mode not one of the three', bad: { guardMode: 'block' }, path: 'guardMode' },
  { name: 'guard mode in capitals', bad: { guardMode: 'DIALOG' }, path: 'guardMode' },
  { name: 'boolean as text that is not a boolean', bad: { allowUserSettings: 'yes' }, path: 'allowUserSettings' },
  { name: 'boolean as 2', bad: { allowUserSettings: 2 }, path: 'allowUserSettings' },
  { name: 'portals as an object', bad: { portals: { 0: PORTAL } }, path: 'portals' },
  { name: 'portals as a plain string', bad: { portals: 'https://support.acme.example/*' }, path: 'portals' },
  { name: 'portals as null', bad: { portals: null }, path: 'portals' },
  { name: 'wording as a list', bad: { wording: ['P1 is bad'] }, path: 'wording' },
  { name: 'a definition as a number', bad: { wording: { definitions: { 1: 42 } } }, path: 'wording.definitions.1' },
  { name: 'popup views as one string', bad: { popupViews: 'triage' }, path: 'popupViews' },
  { name: 'phone as a number', bad: { p1Phone: 5550100 }, path: 'p1Phone' },
  // unknown keys
  { name: 'an unknown top-level key', bad: { guardmode: 'off' }, path: 'guardmode' },
  { name: 'an unknown key in a portal', bad: { portals: [{ ...PORTAL, selector: '#x' }] }, path: 'portals[0].selector', kept: { portals: [PORTAL] } },
  { name: 'a level that does not exist', bad: { wording: { definitions: { 5: 'P5', 1: 'Our P1' } } }, path: 'wording.definitions.5', kept: { wording: { definitions: { 1: 'Our P1' } } } },
  { name: 'an unknown checklist statement', bad: { wording: { checklist: { outage: 'x' } } }, path: 'wording.checklist.outage' },
  // huge values
  { name: 'a 1.2 MB definition', bad: { wording: { definitions: { 1: HUGE } } }, path: 'wording.definitions.1' },
  { name: 'a huge key', bad: { ['k'.repeat(100_000)]: 1 }, path: /^\["k{40}…"\]$/ },
  { name: '500 portals', bad: { portals: Array.from({ length: 500 }, () => PORTAL) }, path: 'portals' },
  { name: '10 000 option texts', bad: { portals: [{ ...PORTAL, labels: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`L${i}`, 1])) }] }, path: 'portals[0].labels' },
  // malformed match patterns and addresses
  { name: 'a pattern without scheme', bad: { portals: [{ ...PORTAL, matches: ['support.acme.example/*'] }] }, path: 'portals[0].matches[0]' },
  { name: 'an http pattern', bad: { portals: [{ ...PORTAL, matches: ['http://support.acme.example/*'] }] }, path: 'portals[0].matches[0]' },
  { name: 'a pattern matching every site', bad: { portals: [{ ...PORTAL, matches: ['https://*/*'] }] }, path: 'portals[0].matches[0]' },
  { name: '<all_urls>', bad: { portals: [{ ...PORTAL, matches: ['<all_urls>'] }] }, path: 'portals[0].matches[0]' },
  { name: 'a pattern with a port', bad: { portals: [{ ...PORTAL, matches: ['https://support.acme.example:8443/*', 'https://support.acme.example/*'] }] }, path: 'portals[0].matches[0]', kept: { portals: [PORTAL] } },
  { name: 'a wildcard in the middle of the host', bad: { portals: [{ ...PORTAL, matches: ['https://support.*.example/*'] }] }, path: 'portals[0].matches[0]' },
  { name: 'a javascript: new-ticket address', bad: { portals: [{ ...PORTAL, newTicketUrl: 'javascript:alert(1)' }] }, path: 'portals[0].newTicketUrl' },
  { name: 'a CSS selector with a style block', bad: { portals: [{ ...PORTAL, fieldSelector: 'body { display: none }' }] }, path: 'portals[0].fieldSelector' },
  { name: 'a label mapped to level 0', bad: { portals: [{ ...PORTAL, labels: { Urgent: 0, High: 2 } }] }, path: 'portals[0].labels.Urgent', kept: { portals: [{ ...PORTAL, labels: { High: 2 } }] } },
  { name: 'a label called __proto__', bad: { portals: [{ ...PORTAL, labels: JSON.parse('{"__proto__": 1, "Sev A": 1}') }] }, path: 'portals[0].labels.__proto__', kept: { portals: [{ ...PORTAL, labels: { 'Sev A': 1 } }] } },
  // HTML and script in text fields
  { name: 'script in the P1 definition is kept as text, script in the phone is refused', bad: { wording: { definitions: { 1: '<script>alert(1)</script> Down.' } }, p1Phone: '<script>alert(1)</script>' }, path: 'p1Phone', kept: { wording: { definitions: { 1: '<script>alert(1)</script> Down.' } } } },
  { name: 'HTML in a portal name that is too long', bad: { portals: [{ ...PORTAL, name: `<img src=x onerror=alert(1)>${'x'.repeat(100)}` }] }, path: 'portals[0].name' },
  { name: 'control characters in a selector', bad: { portals: [{ ...PORTAL, fieldSelector: 'select\u0000[name=x]' }] }, path: 'portals[0].fieldSelector' },
  // deeply nested junk
  { name: 'deeply nested junk as a setting', bad: { wording: nested(200) }, path: 'wording.deeper' },
  { name: 'deeply nested junk in a list', bad: { popupViews: [nested(500)] }, path: 'popupViews[0]' },
  { name: 'a JSON text nested 100 000 levels deep', bad: { portals: nestedArrayText(100_000) }, path: /^portals(\[0\])?$/ },
  // empty things
  { name: 'an empty portal', bad: { portals: [{}] }, path: 'portals[0]' },
  { name: 'an empty list of match patterns', bad: { portals: [{ ...PORTAL, matches: [] }] }, path: 'portals[0].matches' },
  { name: 'an empty list of popup views', bad: { popupViews: [] }, path: 'popupViews' },
  { name: 'an empty definition', bad: { wording: { definitions: { 1: '   ' } } }, path: 'wording.definitions.1' },
  { name: 'an empty reassurance', bad: { wording: { reassurance: '' } }, path: 'wording.reassurance' },
  // JSON text, valid and invalid
  { name: 'portals as broken JSON text', bad: { portals: '[{"matches": ["https://support.acme.example/*"],' }, path: 'portals' },
  { name: 'wording as broken JSON text', bad: { wording: '{definitions: {1: "x"}}' }, path: 'wording' },
  { name: 'valid JSON text of the wrong kind', bad: { portals: '{"matches": []}' }, path: 'portals' },
  { name: 'valid JSON text with one bad entry', bad: { portals: JSON.stringify([PORTAL, { ...PORTAL, matches: ['nope'] }]) }, path: 'portals[1].matches[0]', kept: { portals: [PORTAL] } },
  { name: 'a repeated popup view', bad: { popupViews: ['triage', 'triage'] }, path: 'popupViews' },
  { name: 'an unknown popup view beside a known one', bad: { popupViews: ['triage', 'sideways'] }, path: 'popupViews[1]', kept: { popupViews: ['triage'] } },
  { name: 'a phone number with letters', bad: { p1Phone: 'call Bob' }, path: 'p1Phone' },
  { name: 'keywords as one text, not a list', bad: { wording: { ticketEssentialKeywords: { 'Change number': 'CHG' } } }, path: 'wording.ticketEssentialKeywords["Change number"]' },
  { name: 'an empty keyword beside a good one', bad: { wording: { ticketEssentialKeywords: { Vendor: ['netapp', ''] } } }, path: 'wording.ticketEssentialKeywords.Vendor[1]', kept: { wording: { ticketEssentialKeywords: { Vendor: ['netapp'] } } } },
  { name: 'keywords under a key objects already have', bad: { wording: { ticketEssentialKeywords: JSON.parse('{"__proto__": ["x"]}') } }, path: 'wording.ticketEssentialKeywords.__proto__' },
  { name: 'twenty-one keywords', bad: { wording: { ticketEssentialKeywords: { Vendor: Array.from({ length: 21 }, (_, i) => `k${i}`) } } }, path: 'wording.ticketEssentialKeywords.Vendor' },
  { name: 'five essentials too many', bad: { wording: { ticketEssentials: Array.from({ length: 13 }, (_, i) => `item ${i}`) } }, path: 'wording.ticketEssentials' },
];

describe('a corpus of malformed policies', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const policy = { plan: 'premium', ...c.bad };
    let result!: ReturnType<typeof validateSettings>;
    expect(() => (result = validateSettings(policy, 'policy'))).not.toThrow();
    const paths = result.problems.map((p) => p.path);
    if (typeof c.path === 'string') expect(paths).toContain(c.path);
    else expect(paths.some((p) => (c.path as RegExp).test(p))).toBe(true);
    for (const p of worded(result.problems)) {
      expect(p.source).toBe('policy');
      expect(p.message.length).toBeLessThan(600);
    }
    // The valid key beside it still applies, and so do the valid parts of the bad one.
    expect(result.settings.plan).toBe('premium');
    for (const [key, value] of Object.entries(c.kept ?? {})) {
      expect(result.settings[key as keyof typeof result.settings]).toEqual(value);
    }
    // And the effective configuration is whole.
    const { config } = mergeSettings({}, result.settings);
    expect(config.plan).toBe('premium');
    expect(config.definitions).toHaveLength(4);
    expect(config.checklist).toHaveLength(3);
    expect(config.portals.length).toBeGreaterThanOrEqual(DEFAULT_CONFIG.portals.length);
  });

  it.each([
    ['a number', 42],
    ['a list', [1, 2]],
    ['text that is not JSON', 'plan=premium'],
    ['JSON text of a list', '[1]'],
    ['true', true],
  ])('a whole policy that is %s: reported, nothing applied, nothing thrown', (_name, policy) => {
    const { settings, problems } = validateSettings(policy, 'policy');
    expect(settings).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('');
  });
});
