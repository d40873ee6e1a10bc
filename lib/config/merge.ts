import { DEFAULT_CHECKLIST, DEFAULT_DEFINITIONS, LEVELS, type Level } from '../rules';
import { ChecklistSchema, LevelDefinitionsSchema } from '../rules/schema';
import { BUILT_IN_PORTALS, DEFAULT_CONFIG, POPUP_VIEWS, type EffectiveConfig, type PortalConfig } from './effective';
import { deepMerge, isPlainObject } from './deep-merge';
import { hostLabel } from './match-pattern';
import { SETTING_KEYS, WordingSettingSchema, type PortalSetting, type Settings } from './schema';
import { wordedConfig } from './worded-config';

/**
 * The one merge: built-in defaults ← the user's settings ← the managed policy. The
 * policy wins, and every key path it sets is locked. Objects merge key by key (so an
 * organisation can replace the P1 definition and still let users word P4 their way);
 * lists and texts are replaced whole.
 */

export interface MergeResult {
  /** The settings in force, before the defaults fill the gaps. */
  settings: Settings;
  config: EffectiveConfig;
  /** Key paths set by the policy; every setting's path when users may not change settings. */
  locked: string[];
}

/** The key paths of the values set in `settings`: objects are descended, everything else is a leaf. */
export function settingPaths(settings: Record<string, unknown>, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) paths.push(...settingPaths(value, path));
    else paths.push(path);
  }
  return paths;
}

/** Every path a person can set, for locking everything at once. */
export const ALL_SETTING_PATHS: readonly string[] = SETTING_KEYS.flatMap((key) => {
  if (key !== 'wording') return [key];
  const shape = WordingSettingSchema.shape;
  return Object.keys(shape).flatMap((sub) => {
    if (sub === 'definitions') return LEVELS.map((l) => `wording.definitions.${l}`);
    if (sub === 'checklist') return DEFAULT_CHECKLIST.map((c) => `wording.checklist.${c.id}`);
    return [`wording.${sub}`];
  });
});

function portalConfig(p: PortalSetting): PortalConfig {
  return {
    name: p.name ?? hostLabel(p.matches[0]!),
    matches: p.matches,
    newTicketUrl: p.newTicketUrl,
    ...(p.fieldSelector ? { fieldSelector: p.fieldSelector } : {}),
    ...(p.labels ? { labels: p.labels as Record<string, Level> } : {}),
    builtIn: false,
  };
}

/** The effective configuration from merged settings, the defaults filling every gap. */
export function toEffectiveConfig(settings: Settings): EffectiveConfig {
  const wording = settings.wording ?? {};
  const { definitions, checklist, ...worded } = wordedConfig(wording);
  const configured = (settings.portals ?? []).map(portalConfig);
  const config: EffectiveConfig = {
    plan: settings.plan ?? DEFAULT_CONFIG.plan,
    guardMode: settings.guardMode ?? DEFAULT_CONFIG.guardMode,
    // Belt and braces: the rules' own schemas still hold after any replacement.
    definitions: LevelDefinitionsSchema.safeParse(definitions).success ? definitions : DEFAULT_DEFINITIONS,
    checklist: ChecklistSchema.safeParse(checklist).success ? checklist : DEFAULT_CHECKLIST,
    ...worded,
    p1Phone: settings.p1Phone ? settings.p1Phone : null,
    portals: [...configured, ...BUILT_IN_PORTALS],
    newTicketUrl: configured[0]?.newTicketUrl ?? DEFAULT_CONFIG.newTicketUrl,
    popupViews: settings.popupViews ?? POPUP_VIEWS,
    allowUserSettings: settings.allowUserSettings ?? true,
    wording,
  };
  return config;
}

/** Defaults ← user ← policy, both already validated (validate.ts). */
export function mergeSettings(user: Settings, policy: Settings): MergeResult {
  const userAllowed = policy.allowUserSettings !== false;
  const settings = deepMerge(userAllowed ? user : {}, policy) as Settings;
  const locked = userAllowed ? settingPaths(policy) : [...ALL_SETTING_PATHS];
  return { settings, config: toEffectiveConfig(settings), locked };
}
