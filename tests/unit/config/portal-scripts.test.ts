import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRegistrar, REGISTERED_SCRIPT_ID } from '@/lib/config/portal-scripts';
import { DEFAULT_PORTAL_MATCHES, GUARD_SCRIPT } from '@/lib/portal/default-portals';

type Registered = { id: string; matches: string[]; js?: string[] };

function stubManifest(version: 2 | 3) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: version, name: 'x', version: '1' });
}

describe('Chrome (MV3): scripting.registerContentScripts', () => {
  let registered: Registered[];
  const api = () => fakeBrowser.scripting as unknown as Record<string, ReturnType<typeof vi.fn>>;

  beforeEach(() => {
    fakeBrowser.reset();
    stubManifest(3);
    registered = [];
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
      registerContentScripts: vi.fn(async (scripts: Registered[]) => void registered.push(...scripts)),
      updateContentScripts: vi.fn(async (scripts: Registered[]) => {
        registered = registered.map((r) => scripts.find((s) => s.id === r.id) ?? r);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((s) => !ids.includes(s.id));
      }),
    });
  });

  it('registers the built guard script for the patterns, excluding the manifest\'s own, kept across restarts', async () => {
    await createRegistrar().sync(['https://support.acme.example/*']);
    expect(api().registerContentScripts).toHaveBeenCalledWith([
      {
        id: REGISTERED_SCRIPT_ID,
        matches: ['https://support.acme.example/*'],
        excludeMatches: [...DEFAULT_PORTAL_MATCHES],
        js: [GUARD_SCRIPT],
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('updates only when the patterns change, and unregisters when none are left', async () => {
    const registrar = createRegistrar();
    await registrar.sync(['https://a.example.com/*']);
    await registrar.sync(['https://a.example.com/*']);
    expect(api().registerContentScripts).toHaveBeenCalledTimes(1);
    expect(api().updateContentScripts).not.toHaveBeenCalled();
    await registrar.sync(['https://a.example.com/*', 'https://b.example.com/*']);
    expect(api().updateContentScripts).toHaveBeenCalledTimes(1);
    expect(registered[0]!.matches).toEqual(['https://a.example.com/*', 'https://b.example.com/*']);
    await registrar.sync([]);
    expect(registered).toEqual([]);
    await registrar.sync([]);
    expect(api().unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('replaces a registration, kept by Chrome across an update, that names an older version\'s script path', async () => {
    registered = [{ id: REGISTERED_SCRIPT_ID, matches: ['https://a.example.com/*'], js: ['content-scripts/guard.js'] }];
    await createRegistrar().sync(['https://a.example.com/*']);
    expect(api().updateContentScripts).toHaveBeenCalledTimes(1);
    expect(registered[0]!.js).toEqual([GUARD_SCRIPT]);
  });
});

describe('Firefox (MV2): contentScripts.register', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubManifest(2);
  });

  it('registers, replaces on change, and unregisters', async () => {
    const unregister = vi.fn(async () => undefined);
    const register = vi.fn(async () => ({ unregister }));
    (fakeBrowser as unknown as { contentScripts: unknown }).contentScripts = { register };
    const registrar = createRegistrar();
    await registrar.sync(['https://a.example.com/*']);
    expect(register).toHaveBeenCalledWith({
      matches: ['https://a.example.com/*'],
      excludeMatches: [...DEFAULT_PORTAL_MATCHES],
      js: [{ file: `/${GUARD_SCRIPT}` }],
      runAt: 'document_start',
      allFrames: false,
    });
    await registrar.sync(['https://a.example.com/*']);
    expect(register).toHaveBeenCalledTimes(1);
    await registrar.sync(['https://b.example.com/*']);
    expect(unregister).toHaveBeenCalledTimes(1);
    expect(register).toHaveBeenCalledTimes(2);
    await registrar.sync([]);
    expect(unregister).toHaveBeenCalledTimes(2);
    expect(register).toHaveBeenCalledTimes(2);
  });
});
