// @vitest-environment node
// PRIVACY.md and docs/store/permissions.md against the manifests wxt.config.ts builds (its
// manifest function, so this runs before any build); `npm run release` checks the same
// against the manifests inside the built zips.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { permissionDocumentProblems, type Browser, type ManifestPermissions } from '../../../scripts/release/permission-claims';

async function manifest(browser: 'chrome' | 'firefox'): Promise<ManifestPermissions> {
  const fn = config.manifest;
  if (typeof fn !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return (await fn({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' })) as ManifestPermissions;
}

const manifests = async (): Promise<Record<Browser, ManifestPermissions>> => ({ Chrome: await manifest('chrome'), Firefox: await manifest('firefox') });
const PRIVACY = readFileSync('PRIVACY.md', 'utf8');
const STORE = readFileSync('docs/store/permissions.md', 'utf8');
const check = async (documents: { privacy?: string; storePermissions?: string }, ms?: Record<Browser, ManifestPermissions>) =>
  permissionDocumentProblems(ms ?? (await manifests()), { privacy: PRIVACY, storePermissions: STORE, ...documents });

/** PRIVACY.md without the permissions-table row of `permission`. */
const withoutRow = (permission: string) => PRIVACY.split('\n').filter((line) => !line.startsWith(`| \`${permission}\` |`)).join('\n');

describe('PRIVACY.md and the store justifications match the manifests', () => {
  it('every permission, host permission and optional permission of both manifests is named and justified, and nothing else', async () => {
    const ms = await manifests();
    // The check sees what it should: both manifests' permissions, host and optional ones.
    expect(ms.Chrome.permissions).toContain('scripting');
    expect(ms.Chrome.host_permissions?.length).toBeGreaterThan(0);
    expect(ms.Firefox.optional_permissions?.length).toBeGreaterThan(0);
    expect(await check({})).toEqual([]);
  });

  it('fails when PRIVACY.md leaves a permission out', async () => {
    for (const permission of ['storage', 'scripting', 'https://portal.perforce.com/s/*', 'https://*/*']) {
      expect(await check({ privacy: withoutRow(permission) })).toContain(`PRIVACY.md does not name \`${permission}\` (${permission === 'scripting' ? 'required in Chrome' : permission === 'https://*/*' ? 'optional in Chrome, optional in Firefox' : 'required in Chrome, required in Firefox'})`);
    }
  });

  it('fails when PRIVACY.md claims a permission no manifest asks for, or gets its browsers or grant wrong', async () => {
    const extra = PRIVACY.replace('| `storage` |', '| `tabs` | Chrome | at install | To read the address of every open tab, which it never does. |\n| `storage` |');
    expect(await check({ privacy: extra })).toContain('PRIVACY.md names `tabs`, which no manifest asks for');
    const scriptingInFirefox = PRIVACY.replace('| `scripting` | Chrome |', '| `scripting` | Chrome, Firefox |');
    expect(await check({ privacy: scriptingInFirefox })).toContain(
      'PRIVACY.md says `scripting` is required in Chrome, required in Firefox; the manifests: required in Chrome',
    );
    const allAtInstall = PRIVACY.replace('| optional: never at install, asked one site at a time |', '| at install |');
    expect(await check({ privacy: allAtInstall })).toContain(
      'PRIVACY.md says `https://*/*` is required in Chrome, required in Firefox; the manifests: optional in Chrome, optional in Firefox',
    );
    const unjustified = PRIVACY.replace(/(\| `storage` \| Chrome, Firefox \| at install \|)[^\n]*/, '$1 |');
    expect(await check({ privacy: unjustified })).toContain('PRIVACY.md: `storage` has no justification');
  });

  it('fails when a manifest gains a permission the documents do not name', async () => {
    const ms = await manifests();
    const grown = { ...ms, Chrome: { ...ms.Chrome, permissions: [...(ms.Chrome.permissions ?? []), 'tabs'] } };
    const problems = await check({}, grown);
    expect(problems).toContain('PRIVACY.md does not name `tabs` (required in Chrome)');
    expect(problems).toContain('docs/store/permissions.md does not justify `tabs`');
  });

  it('fails when the store justifications leave a permission out or do not name it in their text', async () => {
    const noStorage = STORE.replace('### `storage`', '### Storage');
    expect(await check({ storePermissions: noStorage })).toContain('docs/store/permissions.md does not justify `storage`');
    const vague = STORE.replace(/(### `scripting`\n\n```text\n)[^\n]*/, '$1It needs this to work.');
    expect(await check({ storePermissions: vague })).toContain(
      'docs/store/permissions.md: the text under "### `scripting`" does not name scripting',
    );
  });

  it('fails when the Firefox manifest declares data collection, or PRIVACY.md leaves out a portal the guard reads', async () => {
    const ms = await manifests();
    const gecko = ms.Firefox.browser_specific_settings!.gecko!;
    const collecting = {
      ...ms,
      Firefox: { ...ms.Firefox, browser_specific_settings: { gecko: { ...gecko, data_collection_permissions: { required: ['websiteContent'] } } } },
    };
    expect((await check({}, collecting)).join('\n')).toMatch(/data_collection_permissions is \{"required":\["websiteContent"\]\}/);
    const noPerforce = PRIVACY.split('`https://portal.perforce.com/s/*`').join('the Perforce portal');
    expect(await check({ privacy: noPerforce })).toContain('PRIVACY.md does not name the portal `https://portal.perforce.com/s/*`');
  });
});
