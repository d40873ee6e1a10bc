import { browser } from 'wxt/browser';
import type { ConfigProblem } from './problem';
import { SETTING_KEYS, type SettingKey, type Settings } from './schema';
import { validateSettings } from './validate';

/**
 * The user's own settings (storage.sync, one item per top-level key, the same shape as the
 * policy). Written only by the options page; the background merges them under the policy.
 */

/** The user's valid settings (problems are the background's to report). */
export async function readUserSettings(): Promise<Settings> {
  try {
    return validateSettings(await browser.storage.sync.get([...SETTING_KEYS]), 'user').settings;
  } catch {
    return {};
  }
}

export type CheckResult<K extends SettingKey> =
  | { ok: true; value: Settings[K] }
  | { ok: false; problems: ConfigProblem[] };

/** Validates one setting as the background will; synchronous, so a click handler can go on to ask for permissions. */
export function checkUserSetting<K extends SettingKey>(key: K, value: unknown): CheckResult<K> {
  const { settings, problems } = validateSettings({ [key]: value }, 'user');
  if (problems.length > 0 || settings[key] === undefined) {
    return { ok: false, problems: problems.length ? problems : [{ source: 'user', path: key, issue: { code: 'invalid' }, verdict: 'ignored' }] };
  }
  return { ok: true, value: settings[key] };
}

/** Saves one setting (undefined removes it: the default or the policy applies). */
export async function saveUserSetting<K extends SettingKey>(key: K, value: Settings[K] | undefined): Promise<void> {
  if (value === undefined) await browser.storage.sync.remove(key);
  else await browser.storage.sync.set({ [key]: value });
}

/** Calls back when the user's settings change (this page or another device). Returns stop. */
export function onUserSettingsChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SETTING_KEYS.some((k) => k in changes)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
