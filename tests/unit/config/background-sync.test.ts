import { beforeEach, describe, expect, it, vi } from 'vitest';
import { worded } from '../../support/problem-words';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { computeReport, createConfigSync, stableJson, startConfigSync, type ConfigSyncDeps } from '@/lib/config/background-sync';
import { EFFECTIVE_CONFIG_KEY, loadEffectiveConfig, type EffectiveConfigReport } from '@/lib/config/load';
import { extraPortalPatterns, originsFor } from '@/lib/config/portal-scripts';
import { BUILT_IN_PORTALS } from '@/lib/config/effective';

const PORTAL = { matches: ['https://support.acme.example/hc/*'], newTicketUrl: 'https://support.acme.example/hc/new' };

function deps(overrides: Partial<ConfigSyncDeps> = {}) {
  const written: EffectiveConfigReport[] = [];
  const registered: string[][] = [];
  const d: ConfigSyncDeps = {
    readManaged: async () => ({}),
    readUser: async () => ({}),
    readReport: async () => undefined,
    writeReport: async (r) => void written.push(r),
    hasHostAccess: async () => true,
    registrar: { sync: async (m) => void registered.push([...m]) },
    warn: vi.fn(),
    ...overrides,
  };
  return { d, written, registered };
}

describe('computeReport', () => {
  it('merges policy over user, and reports both sources\' problems, the organisation\'s first', async () => {
    const { report } = await computeReport({ plan: 'premium', guardMode: 'sideways' }, { plan: 'standard', p1Phone: 'call me' }, async () => true);
    expect(report.config.plan).toBe('premium');
    expect(report.locked).toEqual(['plan']);
    expect(report.managed).toBe(true);
    expect(report.problems.map((p) => [p.source, p.path])).toEqual([
      ['policy', 'guardMode'],
      ['user', 'p1Phone'],
    ]);
  });

  it('reports keywords for an essential that is not in the list, with the item they look like, for the source that set them', async () => {
    const policy = {
      wording: { ticketEssentials: ['Change request number.', 'Your Puppet Enterprise version.'], ticketEssentialKeywords: { 'Change request numbr': ['CHG'] } },
    };
    const user = { wording: { ticketEssentialKeywords: { 'change request number': ['change'], 'Vendor name': ['netapp'] } } };
    const { report } = await computeReport(policy, user, async () => true);
    expect(worded(report.problems)).toEqual([
      {
        source: 'policy',
        path: 'wording.ticketEssentialKeywords["Change request numbr"]',
        message: 'No item of "What to include in a P1 ticket" has this text: did you mean "Change request number."? These keywords are not used.',
      },
      expect.objectContaining({ source: 'user', path: 'wording.ticketEssentialKeywords["Vendor name"]' }),
    ]);
    // Keys compare as labels do (case, spacing, final stop): the user's keywords for the first item apply.
    expect(report.config.ticketEssentialKeywords['change request number']).toEqual(['change']);
  });

  it("says nothing of a user's keywords when the organisation does not let users change settings", async () => {
    const { report } = await computeReport({ allowUserSettings: false }, { wording: { ticketEssentialKeywords: { Nope: ['x'] } } }, async () => true);
    expect(report.problems).toEqual([]);
  });

  it('says "not managed" when there is no policy', async () => {
    for (const managed of [undefined, {}, '']) {
      expect((await computeReport(managed, {}, async () => true)).report.managed).toBe(false);
    }
  });

  it('registers the guard only where access was granted, and lists the origins still missing', async () => {
    const other = { matches: ['https://other.example.com/*'], newTicketUrl: 'https://other.example.com/new' };
    const { report, registerFor } = await computeReport({ portals: [PORTAL, other] }, {}, async (o) => o.includes('acme'));
    expect(registerFor).toEqual(['https://support.acme.example/hc/*']);
    expect(report.missingHostAccess).toEqual(['https://other.example.com/*']);
  });

  it('treats a failing permission check as "no access"', async () => {
    const { report, registerFor } = await computeReport({ portals: [PORTAL] }, {}, async () => {
      throw new Error('no permissions API');
    });
    expect(registerFor).toEqual([]);
    expect(report.missingHostAccess).toEqual(['https://support.acme.example/*']);
  });

  it('never registers pages the manifest already covers', async () => {
    const puppet = { matches: ['https://support.puppet.com/hc/en-us/*'], newTicketUrl: 'https://support.puppet.com/hc/en-us/requests/new', fieldSelector: '#x' };
    const { registerFor, report } = await computeReport({ portals: [puppet] }, {}, async () => false);
    expect(registerFor).toEqual([]);
    expect(report.missingHostAccess).toEqual([]);
    expect(report.config.portals[0]).toMatchObject({ fieldSelector: '#x', builtIn: false });
  });
});

describe('portal patterns', () => {
  it('leaves out built-in portals and repeats', () => {
    const configured = { name: 'x', matches: ['https://a.example.com/*', 'https://a.example.com/*'], newTicketUrl: 'https://a.example.com/', builtIn: false };
    expect(extraPortalPatterns([configured, ...BUILT_IN_PORTALS])).toEqual(['https://a.example.com/*']);
    expect(originsFor(['https://a.example.com/x/*', 'https://a.example.com/y/*'])).toEqual(['https://a.example.com/*']);
  });
});

describe('createConfigSync', () => {
  it('writes the report, then only when it changes', async () => {
    let policy: unknown = { plan: 'premium' };
    const { d, written } = deps({ readManaged: async () => policy });
    const sync = createConfigSync(d);
    await sync.refresh();
    await sync.refresh();
    expect(written).toHaveLength(1);
    policy = { plan: 'standard' };
    await sync.refresh();
    expect(written.map((r) => r.config.plan)).toEqual(['premium', 'standard']);
  });

  it('does not rewrite a stored report that only differs in key order', async () => {
    const { d: first, written } = deps({ readManaged: async () => ({ plan: 'premium' }) });
    await createConfigSync(first).refresh();
    const stored = JSON.parse(stableJson(written[0])) as unknown; // keys sorted, as Chrome returns them
    const { d, written: again } = deps({ readManaged: async () => ({ plan: 'premium' }), readReport: async () => stored });
    await createConfigSync(d).refresh();
    expect(again).toHaveLength(0);
  });

  it('collapses requests made while it runs into one more run', async () => {
    let reads = 0;
    const { d } = deps({
      readManaged: async () => {
        reads++;
        await new Promise((r) => setTimeout(r, 5));
        return {};
      },
    });
    const sync = createConfigSync(d);
    await Promise.all([sync.refresh(), sync.refresh(), sync.refresh(), sync.refresh()]);
    expect(reads).toBe(2);
  });

  it('survives storage that throws: no policy, the defaults, a warning at most', async () => {
    const { d, written } = deps({
      readManaged: async () => {
        throw new Error('Managed storage manifest not found');
      },
      readUser: async () => {
        throw new Error('sync is off');
      },
    });
    await expect(createConfigSync(d).refresh()).resolves.toBeUndefined();
    expect(written[0]!.config.plan).toBe('unknown');
    expect(written[0]!.managed).toBe(false);
  });

  it('survives a registrar that throws, and says so once', async () => {
    const { d, written } = deps({
      readManaged: async () => ({ portals: [PORTAL] }),
      registrar: {
        sync: async () => {
          throw new Error('scripting is unavailable');
        },
      },
    });
    await createConfigSync(d).refresh();
    expect(written).toHaveLength(1);
    expect(d.warn).toHaveBeenCalledTimes(1);
  });
});

describe('startConfigSync (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  function browserDeps(): ConfigSyncDeps {
    return {
      readManaged: () => fakeBrowser.storage.managed.get(),
      readUser: () => fakeBrowser.storage.sync.get(),
      readReport: async () => (await fakeBrowser.storage.local.get(EFFECTIVE_CONFIG_KEY))[EFFECTIVE_CONFIG_KEY],
      writeReport: (report) => fakeBrowser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: report }),
      hasHostAccess: async () => false,
      registrar: { sync: async () => undefined },
      warn: () => undefined,
    };
  }

  it('applies the user\'s settings, then a policy that arrives late, live', async () => {
    await fakeBrowser.storage.sync.set({ plan: 'standard', guardMode: 'note' });
    const sync = startConfigSync(browserDeps());
    await sync.refresh();
    expect((await loadEffectiveConfig()).config).toMatchObject({ plan: 'standard', guardMode: 'note' });

    // Chrome fires storage.onChanged for 'managed' when the policy arrives or changes:
    // the listener alone applies it (no explicit refresh here).
    await fakeBrowser.storage.managed.set({ plan: 'premium' });
    await vi.waitFor(async () => {
      const report = await loadEffectiveConfig();
      expect(report.config).toMatchObject({ plan: 'premium', guardMode: 'note' });
      expect(report.locked).toEqual(['plan']);
    });

    await fakeBrowser.storage.managed.remove('plan');
    await vi.waitFor(async () => expect((await loadEffectiveConfig()).config.plan).toBe('standard'));

    // And the user's own changes, the same way.
    await fakeBrowser.storage.sync.set({ guardMode: 'off' });
    await vi.waitFor(async () => expect((await loadEffectiveConfig()).config.guardMode).toBe('off'));
  });

  it('gives the defaults to readers before the background has run', async () => {
    const report = await loadEffectiveConfig();
    expect(report.config.guardMode).toBe('dialog');
    expect(report.locked).toEqual([]);
    expect(report.missingHostAccess).toEqual([]);
  });
});
