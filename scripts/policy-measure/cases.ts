// The policies the measurement delivers (scripts/policy-measure/run.ts), one browser start
// each. Every case sets `guardMode: "note"` beside the value under test: a control that
// shows whether the rest of the policy still arrives.

export interface MeasureCase {
  id: string;
  /** What the case shows, for the table. */
  what: string;
  policy: Record<string, unknown>;
}

const PORTAL = { matches: ['https://support.acme.example/hc/*'], newTicketUrl: 'https://support.acme.example/hc/new' };
const CONTROL = { guardMode: 'note' };

export const CASES: MeasureCase[] = [
  { id: 'wrong-type', what: 'a wrong-typed value: `"plan": 5`', policy: { plan: 5, ...CONTROL } },
  {
    id: 'json-text',
    what: 'JSON text where the schema says object: `"wording": "{\\"definitions\\":{\\"1\\":\\"x\\"}}"`',
    policy: { wording: '{"definitions":{"1":"x"}}', ...CONTROL },
  },
  { id: 'unknown-top', what: 'an unknown top-level key: `"allowUsersettings": false`', policy: { allowUsersettings: false, ...CONTROL } },
  {
    id: 'unknown-in-object',
    what: 'an unknown key in an object: `"wording": {"footer": "x", "reassurance": "Fine."}`',
    policy: { wording: { footer: 'x', reassurance: 'Fine.' }, ...CONTROL },
  },
  {
    id: 'unknown-in-item',
    what: 'an unknown key in a list item: `portals[0].colour: "red"`',
    policy: { portals: [{ ...PORTAL, colour: 'red' }], ...CONTROL },
  },
  {
    id: 'unknown-object-in-object',
    what: 'an unknown key whose value is not text: `"wording": {"checklists": {"production": "x"}, "reassurance": "Fine."}`',
    policy: { wording: { checklists: { production: 'x' }, reassurance: 'Fine.' }, ...CONTROL },
  },
  {
    id: 'unknown-object-in-item',
    what: 'an unknown key whose value is not text, in a list item: `portals[0].label: {"Sev A": 1}`',
    policy: { portals: [{ ...PORTAL, label: { 'Sev A': 1 } }], ...CONTROL },
  },
  {
    id: 'unknown-level',
    what: 'an unknown key in `wording.definitions`: `{"1": "Our P1", "5": "P5"}`',
    policy: { wording: { definitions: { 1: 'Our P1', 5: 'P5' } }, ...CONTROL },
  },
  {
    id: 'nested-wrong-type',
    what: 'a wrong type deep inside: `"wording": {"definitions": {"1": 5}, "reassurance": "Fine."}`',
    policy: { wording: { definitions: { 1: 5 }, reassurance: 'Fine.' }, ...CONTROL },
  },
  {
    id: 'wrong-type-item',
    what: 'a wrong-typed list item: `"popupViews": ["triage", 5]`',
    policy: { popupViews: ['triage', 5], ...CONTROL },
  },
];

/** Policies around the extension's own: how the level and Chrome's extension policies act on it (Chromium only). */
export interface ChromiumSetupCase {
  id: string;
  what: string;
  policy: Record<string, unknown>;
  extra?: Record<string, unknown>;
  level?: 'mandatory' | 'recommended';
}

const ID = 'hfhpnmcfbmnkleljegpbajcphgcanpho';

export const CHROMIUM_SETUPS: ChromiumSetupCase[] = [
  {
    id: 'recommended',
    what: 'the settings at the recommended level (`/etc/chromium/policies/recommended/`): `{"plan": "premium", "guardMode": "note"}`',
    policy: { plan: 'premium', ...CONTROL },
    level: 'recommended',
  },
  {
    id: 'blocked-scripting',
    what: '`ExtensionSettings` → `blocked_permissions: ["scripting"]` for the extension, loaded unpacked',
    policy: { ...CONTROL },
    extra: { ExtensionSettings: { [ID]: { blocked_permissions: ['scripting'] } } },
  },
  {
    id: 'force-installed',
    what: "chrome-linux.json's force-install entry (`installation_mode: \"force_installed\"` from the Chrome Web Store), with an unpacked copy of the same id loaded",
    policy: { ...CONTROL },
    extra: { ExtensionSettings: { [ID]: { installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx' } } },
  },
];
