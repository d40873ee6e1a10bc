// The admin's sample files, generated from the settings schema (lib/config/schema.ts) with
// the extension's real ids. `npm run policy-templates` writes them to docs/policy-templates/
// (and lib/config/managed_schema.json); tests/unit/config/generated.test.ts fails when a
// committed file is stale.
import { createHash } from 'node:crypto';
import { managedSchemaJson } from '../../lib/config/managed-schema';
import { MATCH_PATTERN_RULES } from '../../lib/config/match-pattern';
import { SETTING_KEYS, settingMeta, SettingsSchema, type SettingKey, type SettingMeta } from '../../lib/config/schema';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../lib/extension-ids';

/** The Chrome Web Store's update URL: for Chrome, and for Edge installing from the Chrome Web Store. */
export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
/** A placeholder: Firefox installs from an .xpi signed by Mozilla, hosted by the admin or on addons.mozilla.org. */
export const FIREFOX_XPI_PLACEHOLDER = 'https://intranet.example.com/browser-extensions/priority-guard.xpi';

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** Every setting with its documented example: the policy the samples carry. */
export function examplePolicy(): Record<string, Json> {
  const policy: Record<string, Json> = {};
  for (const key of SETTING_KEYS) {
    const example = settingMeta(key).example;
    if (example !== undefined) policy[key] = example as Json;
  }
  return policy;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

// --- Windows registry --------------------------------------------------------

function regString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** JSON text in ASCII: other characters as \\u escapes, which JSON readers turn back ("ü", "本"). */
function asciiJson(value: Json): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One registry value: strings as REG_SZ, booleans and integers as DWORD, objects and lists as JSON text. */
function regValue(name: string, value: Json): string {
  if (typeof value === 'boolean') return `${regString(name)}=dword:${value ? '00000001' : '00000000'}`;
  if (typeof value === 'number') return `${regString(name)}=dword:${value.toString(16).padStart(8, '0')}`;
  if (typeof value === 'string') return `${regString(name)}=${regString(value)}`;
  return `${regString(name)}=${regString(asciiJson(value))}`;
}

function regFile(comment: string[], keys: { path: string; values: [string, Json][] }[]): string {
  const lines = ['Windows Registry Editor Version 5.00', '', ...comment.map((c) => `; ${c}`)];
  for (const key of keys) {
    lines.push('', `[${key.path}]`, ...key.values.map(([n, v]) => regValue(n, v)));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  if (/[^\x20-\x7e\r\n]/.test(text)) throw new Error('Keep .reg samples ASCII: regedit reads non-UTF-16 files as ANSI');
  return text;
}

const GENERATED = 'Generated from lib/config/schema.ts by `npm run policy-templates`; see docs/enterprise.md.';

function chromiumInstallReg(browser: 'Chrome' | 'Edge'): string {
  const root = browser === 'Chrome' ? 'Google\\Chrome' : 'Microsoft\\Edge';
  return regFile(
    [
      `Force-installs Priority Guard in ${browser === 'Chrome' ? 'Google Chrome' : 'Microsoft Edge'} from the Chrome Web Store.`,
      'If you already force-install extensions, change "1" to the next free number: this overwrites entry 1.',
      GENERATED,
    ],
    [
      {
        path: `HKEY_LOCAL_MACHINE\\Software\\Policies\\${root}\\ExtensionInstallForcelist`,
        values: [['1', `${CHROME_EXTENSION_ID};${CHROME_WEB_STORE_UPDATE_URL}`]],
      },
    ],
  );
}

function chromiumPolicyReg(browser: 'Chrome' | 'Edge', policy: Record<string, Json>): string {
  const root = browser === 'Chrome' ? 'Google\\Chrome' : 'Microsoft\\Edge';
  return regFile(
    [
      `Priority Guard's settings for ${browser === 'Chrome' ? 'Google Chrome' : 'Microsoft Edge'} (managed storage).`,
      'Lists and objects are JSON text: the browser turns them into the types of the managed schema.',
      GENERATED,
    ],
    [
      {
        path: `HKEY_LOCAL_MACHINE\\Software\\Policies\\${root}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`,
        values: Object.entries(policy),
      },
    ],
  );
}

function firefoxReg(policy: Record<string, Json>): string {
  return regFile(
    [
      'Force-installs Priority Guard in Firefox and sets its settings (Windows registry, as Group Policy writes them).',
      `Replace the install_url: it must be an .xpi signed by Mozilla that you host, or its addons.mozilla.org address.`,
      'ExtensionSettings replaces any ExtensionSettings value you already have: merge them by hand.',
      'Lists and objects are JSON text; Priority Guard reads JSON text and 0/1 for false/true.',
      GENERATED,
    ],
    [
      {
        path: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Mozilla\\Firefox',
        values: [['ExtensionSettings', { [GECKO_ID]: firefoxInstall() }]],
      },
      {
        path: `HKEY_LOCAL_MACHINE\\Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${GECKO_ID}`,
        values: Object.entries(policy),
      },
    ],
  );
}

// --- macOS configuration profiles --------------------------------------------

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plist(value: Json, indent: string): string {
  const inner = `${indent}  `;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`;
  if (typeof value === 'string') return `${indent}<string>${xmlEscape(value)}</string>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((v) => plist(v, inner)), `${indent}</array>`].join('\n');
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([k, v]) => [`${inner}<key>${xmlEscape(k)}</key>`, plist(v, inner)]),
    `${indent}</dict>`,
  ].join('\n');
}

/** A stable UUID from a name (so regenerating does not change the profiles). */
function uuid(name: string): string {
  const h = createHash('sha1').update(`priority-guard:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

function payload(domain: string, name: string, content: Record<string, Json>): Record<string, Json> {
  return {
    PayloadType: domain,
    PayloadIdentifier: `com.example.priority-guard.${name}`,
    PayloadUUID: uuid(`${name}:${domain}`),
    PayloadVersion: 1,
    PayloadDisplayName: `Priority Guard: ${name}`,
    ...content,
  };
}

function mobileconfig(name: string, description: string, payloads: Record<string, Json>[]): string {
  const profile: Record<string, Json> = {
    PayloadContent: payloads,
    PayloadDescription: description,
    PayloadDisplayName: `Priority Guard (${name})`,
    PayloadIdentifier: `com.example.priority-guard.${name}`,
    PayloadOrganization: 'Your organisation',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: uuid(`profile:${name}`),
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    `<!-- ${GENERATED} -->`,
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

function chromiumMobileconfig(browser: 'Chrome' | 'Edge', policy: Record<string, Json>): string {
  const domain = browser === 'Chrome' ? 'com.google.Chrome' : 'com.microsoft.Edge';
  const name = browser.toLowerCase();
  return mobileconfig(
    name,
    `Force-installs Priority Guard in ${browser === 'Chrome' ? 'Google Chrome' : 'Microsoft Edge'} and sets its settings.`,
    [
      payload(domain, `${name}-install`, {
        ExtensionInstallForcelist: [`${CHROME_EXTENSION_ID};${CHROME_WEB_STORE_UPDATE_URL}`],
      }),
      payload(`${domain}.extensions.${CHROME_EXTENSION_ID}`, `${name}-settings`, policy),
    ],
  );
}

function firefoxMobileconfig(policy: Record<string, Json>): string {
  return mobileconfig('firefox', 'Force-installs Priority Guard in Firefox and sets its settings.', [
    payload('org.mozilla.firefox', 'firefox', {
      EnterprisePoliciesEnabled: true,
      ExtensionSettings: { [GECKO_ID]: firefoxInstall() },
      '3rdparty': { Extensions: { [GECKO_ID]: policy } },
    }),
  ]);
}

// --- JSON --------------------------------------------------------------------

function firefoxInstall(): Record<string, Json> {
  return { installation_mode: 'force_installed', install_url: FIREFOX_XPI_PLACEHOLDER };
}

function chromeLinux(policy: Record<string, Json>): Record<string, Json> {
  return {
    ExtensionSettings: {
      [CHROME_EXTENSION_ID]: { installation_mode: 'force_installed', update_url: CHROME_WEB_STORE_UPDATE_URL },
    },
    '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } },
  };
}

// --- settings reference ------------------------------------------------------

function typeWords(key: SettingKey): string {
  const node = JSON.parse(managedSchemaJson()).properties[key] as { type: string; items?: { type: string } };
  if (node.type === 'array') return node.items?.type === 'object' ? 'list of objects' : `list of ${node.items?.type}s`;
  return node.type;
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|');

/** `wording.byLanguage` explained, with its example (German and Japanese). */
function languageWordingSection(): string[] {
  const byLanguage = SettingsSchema.shape.wording.unwrap().shape.byLanguage.unwrap();
  const example = (byLanguage.meta() as Partial<SettingMeta> | undefined)?.example;
  return [
    '### The wording per language (`wording.byLanguage`)',
    '',
    'Policy only. Each key is the language tag of a browser UI language ("de", "pt-BR", "ja"; case does not matter); each value takes the keys of `wording` above. In a browser whose UI language is Brazilian Portuguese, each text comes from the first that sets it of `byLanguage["pt-BR"]`, `byLanguage["pt"]`, the top level of `wording`, and the built-in text in that language. Definitions and checklist statements are chosen one by one (a block that sets only the P1 definition keeps the other definitions from the top level), the reassurance line and the list of what to include whole, keywords item by item. In Austrian German ("de-AT"), "de" applies; in European Portuguese ("pt-PT"), "pt" does, else the top level. A text chosen this way is shown as the organisation\'s wording; where none is given for the UI language, the built-in texts show, translated.',
    '',
    'The options page shows the texts in force in its own UI language (the browser\'s), locked where the organisation set them for that language; it does not edit wording per language. An invalid language tag (such as "pt_BR": write "pt-BR") is listed on the options page and ignored with its wording; the other languages still apply.',
    '',
    '```json',
    JSON.stringify({ wording: { byLanguage: example } }, null, 2),
    '```',
    '',
  ];
}

function settingsReference(): string {
  const rows = SETTING_KEYS.map((key) => {
    const meta = settingMeta(key);
    const example = meta.example === undefined ? '' : `\`${JSON.stringify(meta.example)}\``;
    return `| \`${key}\` | ${meta.title} | ${typeWords(key)} | ${cell(meta.description)} | ${cell(meta.limits)} | ${example.length > 120 ? 'see example-policy.json' : example} |`;
  });
  const nested = (title: string, shape: Record<string, unknown>) => {
    const lines = Object.entries(shape).map(([k, s]) => {
      const meta = (s as { unwrap?: () => { meta(): unknown }; meta(): unknown }).unwrap?.().meta() ?? (s as { meta(): unknown }).meta();
      const m = meta as Partial<SettingMeta> | undefined;
      return `| \`${k}\` | ${m?.title ?? ''} | ${cell(m?.description)} | ${cell(m?.limits)} |`;
    });
    return [`### ${title}`, '', '| key | name | what it does | limits |', '|---|---|---|---|', ...lines, ''];
  };
  const portal = SettingsSchema.shape.portals.unwrap().element.shape;
  const wording = SettingsSchema.shape.wording.unwrap().shape;
  return [
    '# Priority Guard settings reference',
    '',
    `<!-- ${GENERATED} -->`,
    '',
    'Every key is optional. A key the policy sets is locked for users; what it does not set, users may set on the options page (unless `allowUserSettings` is false). Only the mandatory policy level counts: Chrome never passes a recommended-level value to the extension (measured in Chromium; Edge is built on the same code).',
    '',
    'The limits column says what a value must be to be used. Where it says "not empty", spaces at both ends do not count (they are trimmed). Each value Priority Guard receives that breaks its limits is ignored on its own and listed on the options page (the popup counts them); so is a key it does not know, named with the key it looks like when it looks misspelt.',
    '',
    '**What reaches Priority Guard depends on the browser** (measured: docs/enterprise.md, "What Chrome checks, and what Priority Guard checks"):',
    '',
    '- **Chrome and Edge** check each value against the type column first, and drop what does not fit before Priority Guard sees it, with no error in chrome://policy: a value of another type (one wrong item drops the whole list, one wrong text inside `wording` drops all of `wording`), JSON text where a list or object is expected, a key not in this reference at the top level, and a key not in this reference inside `wording` or a portal (removed, the rest applies). Inside `wording.definitions` and `wording.checklist` an unknown key with a text value does reach Priority Guard, and is listed. On Windows, Chrome first converts registry values (JSON text, DWORDs) to these types.',
    '- **Firefox** hands every value over as written, so Priority Guard also reads a list or object given as JSON text of one (as Windows registry values deliver them), true and false as 1 and 0 (registry DWORDs) or as text, and a level as text ("1"); and it lists every other mistake.',
    '',
    '| key | name | type | what it does | limits | example |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...nested('Each entry of `portals`', portal),
    '### Match patterns (`portals[].matches`)',
    '',
    'Each pattern must meet every one of these rules; one that does not is ignored, and the options page says which rule it broke.',
    '',
    ...MATCH_PATTERN_RULES.map((rule) => `- ${rule}`),
    '',
    'Examples: `https://support.example.com/*` (one site, every page), `https://*.example.com/hc/*` (example.com and its subdomains, pages under /hc/), `https://support.example.com/*/requests/new*`.',
    '',
    ...nested('`wording`', wording),
    ...languageWordingSection(),
  ].join('\n');
}

// --- all files ---------------------------------------------------------------

/** docs/policy-templates/<name> → content. */
export function policyTemplates(): Record<string, string> {
  const policy = examplePolicy();
  return {
    'example-policy.json': json(policy),
    'chrome-linux.json': json(chromeLinux(policy)),
    'chrome-windows-install.reg': chromiumInstallReg('Chrome'),
    'chrome-windows-policy.reg': chromiumPolicyReg('Chrome', policy),
    'edge-windows-install.reg': chromiumInstallReg('Edge'),
    'edge-windows-policy.reg': chromiumPolicyReg('Edge', policy),
    'chrome.mobileconfig': chromiumMobileconfig('Chrome', policy),
    'edge.mobileconfig': chromiumMobileconfig('Edge', policy),
    'chrome-admin-console.json': json(Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, { Value: v }]))),
    'firefox-policies.json': json({
      policies: {
        ExtensionSettings: { [GECKO_ID]: firefoxInstall() },
        '3rdparty': { Extensions: { [GECKO_ID]: policy } },
      },
    }),
    'firefox.mobileconfig': firefoxMobileconfig(policy),
    'firefox-windows.reg': firefoxReg(policy),
    'settings-reference.md': settingsReference(),
  };
}

/** lib/config/managed_schema.json, referenced by the Chromium manifest. */
export { managedSchemaJson };
