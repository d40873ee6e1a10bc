import { describe, expect, it } from 'vitest';
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
