import { describe, expect, it } from 'vitest';
import { BUILT_IN_PORTALS, DEFAULT_CONFIG } from '@/lib/config/effective';
import { isLocked } from '@/lib/config/load';
import { ALL_SETTING_PATHS, mergeSettings, settingPaths, toEffectiveConfig } from '@/lib/config/merge';
import { SETTING_KEYS } from '@/lib/config/schema';
import { DEFAULT_DEFINITIONS, DEFAULT_REASSURANCE } from '@/lib/rules';

const PORTAL = { matches: ['https://support.acme.example/*'], newTicketUrl: 'https://support.acme.example/new' };

describe('toEffectiveConfig', () => {
  it('gives exactly the defaults for no settings', () => {
    expect(toEffectiveConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it('replaces only the definitions given, and says which', () => {
    const config = toEffectiveConfig({ wording: { definitions: { 1: 'Our P1', 3: 'Our P3' } } });
    expect(config.definitions.map((d) => d.definition)).toEqual([
      'Our P1',
      DEFAULT_DEFINITIONS[1]!.definition,
      'Our P3',
      DEFAULT_DEFINITIONS[3]!.definition,
    ]);
    expect(config.replacedDefinitions).toEqual([1, 3]);
    // Everything else about the level stays (name, tag, source).
    expect(config.definitions[0]).toEqual({ ...DEFAULT_DEFINITIONS[0], definition: 'Our P1' });
  });

  it('does not count a "replacement" identical to the default', () => {
    expect(toEffectiveConfig({ wording: { definitions: { 4: DEFAULT_DEFINITIONS[3]!.definition } } }).replacedDefinitions).toEqual([]);
  });

  it('replaces checklist statements by id, in the default order', () => {
    const config = toEffectiveConfig({ wording: { checklist: { 'no-workaround': 'Nothing else helps.' } } });
    expect(config.checklist.map((c) => c.id)).toEqual(['production', 'critical', 'no-workaround']);
    expect(config.checklist[2]!.statement).toBe('Nothing else helps.');
  });

  it('lists configured portals before the built-in ones, and takes the first one\'s new-ticket address', () => {
    const config = toEffectiveConfig({ portals: [PORTAL] });
    expect(config.portals).toEqual([
      { name: 'support.acme.example', matches: PORTAL.matches, newTicketUrl: PORTAL.newTicketUrl, builtIn: false },
      ...BUILT_IN_PORTALS,
    ]);
    expect(config.newTicketUrl).toBe(PORTAL.newTicketUrl);
  });

  it('treats an empty phone number as none', () => {
    expect(toEffectiveConfig({ p1Phone: '' }).p1Phone).toBeNull();
    expect(toEffectiveConfig({ p1Phone: '+1 555 0100' }).p1Phone).toBe('+1 555 0100');
  });
});

describe('mergeSettings: defaults ← user ← policy', () => {
  it('uses the user\'s settings where there is no policy, and locks nothing', () => {
    const { config, locked } = mergeSettings({ plan: 'standard', guardMode: 'note' }, {});
    expect(config.plan).toBe('standard');
    expect(config.guardMode).toBe('note');
    expect(locked).toEqual([]);
  });

  it('lets the policy win, and locks what it sets', () => {
    const { config, locked } = mergeSettings({ plan: 'standard', guardMode: 'note' }, { plan: 'premium' });
    expect(config.plan).toBe('premium');
    expect(config.guardMode).toBe('note');
    expect(locked).toEqual(['plan']);
  });

  it('merges wording key by key: the organisation\'s P1, the user\'s P4', () => {
    const { config, locked } = mergeSettings(
      { wording: { definitions: { 1: 'User P1', 4: 'User P4' }, reassurance: 'User line' } },
      { wording: { definitions: { 1: 'Org P1' } } },
    );
    expect(config.definitions[0]!.definition).toBe('Org P1');
    expect(config.definitions[3]!.definition).toBe('User P4');
    expect(config.reassurance).toBe('User line');
    expect(locked).toEqual(['wording.definitions.1']);
    expect(isLocked({ locked }, 'wording.definitions.1')).toBe(true);
    expect(isLocked({ locked }, 'wording.definitions.4')).toBe(false);
    expect(isLocked({ locked }, 'wording.reassurance')).toBe(false);
  });

  it('replaces lists whole: a policy\'s portals replace the user\'s, and lock them', () => {
    const other = { ...PORTAL, matches: ['https://other.example.com/*'], newTicketUrl: 'https://other.example.com/new' };
    const { config, locked } = mergeSettings({ portals: [other] }, { portals: [PORTAL] });
    expect(config.portals.filter((p) => !p.builtIn).map((p) => p.matches[0])).toEqual(['https://support.acme.example/*']);
    expect(isLocked({ locked }, 'portals')).toBe(true);
  });

  it('ignores the user\'s settings and locks everything when users may not change settings', () => {
    const { config, locked } = mergeSettings({ plan: 'standard', wording: { reassurance: 'Mine' } }, { allowUserSettings: false });
    expect(config.plan).toBe('unknown');
    expect(config.reassurance).toBe(DEFAULT_REASSURANCE);
    expect(config.allowUserSettings).toBe(false);
    expect(locked).toEqual(ALL_SETTING_PATHS);
    for (const path of ['plan', 'guardMode', 'portals', 'wording.definitions.2', 'wording.checklist.critical', 'p1Phone', 'popupViews']) {
      expect(isLocked({ locked }, path)).toBe(true);
    }
  });

  it('still applies the policy\'s own values when users may not change settings', () => {
    const { config } = mergeSettings({ plan: 'standard' }, { allowUserSettings: false, plan: 'premium', guardMode: 'off' });
    expect(config).toMatchObject({ plan: 'premium', guardMode: 'off', allowUserSettings: false });
  });

  it('lets users change settings when the policy says so explicitly', () => {
    const { config } = mergeSettings({ plan: 'standard' }, { allowUserSettings: true });
    expect(config.plan).toBe('standard');
  });
});

describe('key paths', () => {
  it('descends objects, stops at lists and texts', () => {
    expect(settingPaths({ plan: 'premium', portals: [PORTAL], wording: { definitions: { 1: 'x' }, ticketEssentials: ['a'] } })).toEqual([
      'plan',
      'portals',
      'wording.definitions.1',
      'wording.ticketEssentials',
    ]);
  });

  it('knows every path a person can set', () => {
    expect(ALL_SETTING_PATHS).toEqual(expect.arrayContaining([...SETTING_KEYS.filter((k) => k !== 'wording')]));
    expect(ALL_SETTING_PATHS).toEqual(
      expect.arrayContaining(['wording.definitions.1', 'wording.definitions.4', 'wording.checklist.no-workaround', 'wording.reassurance', 'wording.ticketEssentials']),
    );
  });

  it('isLocked: a parent path locks its children, not its siblings', () => {
    const report = { locked: ['wording', 'portals'] };
    expect(isLocked(report, 'wording.definitions.1')).toBe(true);
    expect(isLocked(report, 'portals[0].matches')).toBe(true);
    expect(isLocked(report, 'plan')).toBe(false);
    expect(isLocked({ locked: ['plan'] }, 'planet')).toBe(false);
  });
});
