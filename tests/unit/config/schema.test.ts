import { describe, expect, it } from 'vitest';
import { worded } from '../../support/problem-words';
import { GUARD_MODES, POPUP_VIEWS } from '@/lib/config/effective';
import { isPhoneNumber, POLICY_ONLY_KEYS, selectorProblem, SETTING_KEYS, settingMeta, SettingsSchema, WordingSchema } from '@/lib/config/schema';
import { CHECKLIST_IDS, LEVELS } from '@/lib/rules';

describe('the settings schema', () => {
  it('has the keys the issue asks for', () => {
    expect(SETTING_KEYS).toEqual(['plan', 'guardMode', 'portals', 'wording', 'p1Phone', 'popupViews', 'allowUserSettings']);
  });

  it('documents every key: title, description and an example that is valid', () => {
    for (const key of SETTING_KEYS) {
      const meta = settingMeta(key);
      expect(meta.title, key).toBeTruthy();
      expect(meta.description.length, key).toBeGreaterThan(20);
      expect(meta.example, key).not.toBeUndefined();
      expect(SettingsSchema.shape[key].safeParse(meta.example).success, key).toBe(true);
    }
  });

  it('keeps allowUserSettings for organisations only', () => {
    expect(POLICY_ONLY_KEYS).toEqual(['allowUserSettings']);
  });

  it('offers every level and every checklist statement for rewording', () => {
    const shape = WordingSchema.shape;
    expect(Object.keys(shape.definitions.unwrap().shape)).toEqual(LEVELS.map(String));
    expect(Object.keys(shape.checklist.unwrap().shape)).toEqual([...CHECKLIST_IDS]);
  });

  it('accepts the guard modes and popup views the surfaces know', () => {
    for (const mode of GUARD_MODES) expect(SettingsSchema.safeParse({ guardMode: mode }).success).toBe(true);
    expect(SettingsSchema.safeParse({ popupViews: [...POPUP_VIEWS] }).success).toBe(true);
    expect(SettingsSchema.safeParse({ popupViews: ['definitions', 'triage'] }).success).toBe(true);
  });
});

describe('phone numbers', () => {
  it.each(['+1 555 0100', '+44 (0)20 7946 0000', '555-0100', '0800.123.456', '+1 555 0100 ext. 42', '+1 555 0100 x42'])('accepts %s', (n) => {
    expect(isPhoneNumber(n)).toBe(true);
  });
  it.each(['call Bob', '12', '+', '<b>555</b>', 'tel:+15550100', '555 0100; drop'])('refuses %s', (n) => {
    expect(isPhoneNumber(n)).toBe(false);
  });
});

describe('CSS selectors (shape only: the background may have no DOM)', () => {
  it.each(['select[name="request[priority]"]', '#request_priority', 'div.form-field > select', 'input[name=\'a]b\']', ':is(select, input)[name$="priority]"]'])(
    'accepts %s',
    (s) => expect(selectorProblem(s)).toBeNull(),
  );
  it.each(['body { display: none }', 'select[name=x', 'a)', 'input[name="x]', 'a;b', '<script>'])('refuses %s', (s) => {
    expect(selectorProblem(s)).not.toBeNull();
  });
});

describe('the limits the settings reference states', async () => {
  const { LIMITS } = await import('@/lib/config/schema');
  const { MATCH_PATTERN_RULES } = await import('@/lib/config/match-pattern');
  const { validateSettings } = await import('@/lib/config/validate');
  const { policyTemplates } = await import('../../../scripts/policy-templates/templates');
  const reference = policyTemplates()['settings-reference.md']!;

  it('are stated for every setting and for every key of a portal and of the wording', () => {
    type Described = { meta(): { limits?: string } | undefined; unwrap?: () => Described };
    const metaOf = (s: unknown) => (s as Described).meta() ?? (s as Described).unwrap?.().meta() ?? {};
    const keys = [
      ...SETTING_KEYS.map((k) => [k, settingMeta(k).limits] as const),
      ...Object.entries(SettingsSchema.shape.portals.unwrap().element.shape).map(([k, s]) => [`portals[].${k}`, metaOf(s).limits] as const),
      ...Object.entries(WordingSchema.shape).map(([k, s]) => [`wording.${k}`, metaOf(s).limits] as const),
    ];
    for (const [key, limits] of keys) {
      expect(limits, key).toBeTruthy();
      expect(reference, key).toContain(limits!.replace(/\|/g, '\\|'));
    }
  });

  it('list every rule of a match pattern next to the portals, the public suffix one included', () => {
    const portals = reference.slice(reference.indexOf('### Each entry of `portals`'), reference.indexOf('### `wording`'));
    for (const rule of MATCH_PATTERN_RULES) expect(portals).toContain(`- ${rule}`);
    expect(portals).toMatch(/No wildcard in front of a public suffix: `\*\.com`, `\*\.co\.uk`, `\*\.github\.io`/);
    expect(portals).toMatch(/At most 2048 characters/);
  });

  const portal = (extra: Record<string, unknown> = {}) => ({
    matches: ['https://support.example.com/*'],
    newTicketUrl: 'https://support.example.com/new',
    ...extra,
  });
  const text = (n: number) => 'a'.repeat(n);
  const phone = (n: number) => '1'.repeat(n);
  const cases: [string, number, (n: number) => Record<string, unknown>][] = [
    ['portal name', LIMITS.portalName, (n) => ({ portals: [portal({ name: text(n) })] })],
    ['new ticket address', LIMITS.address, (n) => ({ portals: [portal({ newTicketUrl: `https://support.example.com/${text(n - 28)}` })] })],
    ['field selector', LIMITS.selector, (n) => ({ portals: [portal({ fieldSelector: `#${text(n - 1)}` })] })],
    ['option text', LIMITS.optionText, (n) => ({ portals: [portal({ labels: { [text(n)]: 1 } })] })],
    ['phone number', LIMITS.phone, (n) => ({ p1Phone: phone(n) })],
    ['definition', LIMITS.definition, (n) => ({ wording: { definitions: { 1: text(n) } } })],
    ['checklist statement', LIMITS.statement, (n) => ({ wording: { checklist: { critical: text(n) } } })],
    ['reassurance', LIMITS.reassurance, (n) => ({ wording: { reassurance: text(n) } })],
    ['ticket essential', LIMITS.essential, (n) => ({ wording: { ticketEssentials: [text(n)] } })],
    ['portals', LIMITS.portals, (n) => ({ portals: Array.from({ length: n }, () => portal()) })],
    ['match patterns of a portal', LIMITS.patternsPerPortal, (n) => ({ portals: [portal({ matches: Array.from({ length: n }, (_, i) => `https://support.example.com/${i}/*`) })] })],
    ['option texts', LIMITS.optionTexts, (n) => ({ portals: [portal({ labels: Object.fromEntries(Array.from({ length: n }, (_, i) => [`Sev ${i}`, 1])) })] })],
    ['ticket essentials', LIMITS.essentials, (n) => ({ wording: { ticketEssentials: Array.from({ length: n }, (_, i) => `Item ${i}`) } })],
  ];
  it.each(cases)('%s: at most %i, as stated', (_what, limit, policy) => {
    expect(validateSettings(policy(limit), 'policy').problems).toEqual([]);
    const over = worded(validateSettings(policy(limit + 1), 'policy').problems);
    expect(over[0]?.message).toContain(`at most ${limit.toLocaleString('en')}`);
  });
});
