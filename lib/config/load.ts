import { browser } from 'wxt/browser';
import { DEFAULT_CONFIG, type EffectiveConfig } from './effective';

/** A setting that was ignored, in plain words: which key, what was expected, what was given. */
export interface ConfigProblem {
  source: 'policy' | 'user';
  path: string;
  message: string;
}

export interface EffectiveConfigReport {
  config: EffectiveConfig;
  problems: readonly ConfigProblem[];
}

/** Where the background keeps the merged, validated configuration for every surface. */
export const EFFECTIVE_CONFIG_KEY = 'effectiveConfig';

const DEFAULT_REPORT: EffectiveConfigReport = { config: DEFAULT_CONFIG, problems: [] };

/**
 * The effective configuration (defaults ← user settings ← managed policy), as the
 * background last computed and validated it; the defaults until it has.
 */
export async function loadEffectiveConfig(): Promise<EffectiveConfigReport> {
  try {
    const stored = await browser.storage.local.get(EFFECTIVE_CONFIG_KEY);
    return (stored[EFFECTIVE_CONFIG_KEY] as EffectiveConfigReport | undefined) ?? DEFAULT_REPORT;
  } catch {
    return DEFAULT_REPORT;
  }
}

/** Calls back with the new report whenever the background stores one. Returns a stop function. */
export function onEffectiveConfigChanged(callback: (report: EffectiveConfigReport) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(EFFECTIVE_CONFIG_KEY in changes)) return;
    callback((changes[EFFECTIVE_CONFIG_KEY]!.newValue as EffectiveConfigReport | undefined) ?? DEFAULT_REPORT);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
