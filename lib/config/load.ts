import { browser } from 'wxt/browser';
import { DEFAULT_CONFIG, type EffectiveConfig } from './effective';
import type { ConfigProblem } from './problem';

export type { ConfigProblem } from './problem';

// No zod here either: the content script and popup read the report the background wrote
// (the options page checks its problems before wording them: problem-schema.ts).

export interface EffectiveConfigReport {
  config: EffectiveConfig;
  problems: readonly ConfigProblem[];
  /**
   * Key paths the organisation's policy sets (and so locks), e.g. `plan`,
   * `wording.definitions.1`; every setting's path when users may not change settings.
   * A path is locked when it or a parent path is listed (see isLocked).
   */
  locked: readonly string[];
  /** True when a managed policy applies at all (some value of it was used). */
  managed: boolean;
  /**
   * Host access the configured portals need and do not have yet, as origin patterns
   * (`https://support.example.com/*`). The options page offers "Allow on …" for each.
   */
  missingHostAccess: readonly string[];
}

/** Where the background keeps the merged, validated configuration for every surface. */
export const EFFECTIVE_CONFIG_KEY = 'effectiveConfig';

export const DEFAULT_REPORT: EffectiveConfigReport = {
  config: DEFAULT_CONFIG,
  problems: [],
  locked: [],
  managed: false,
  missingHostAccess: [],
};

/** Fills what an older or partial report lacks, so readers never meet undefined. */
function complete(stored: Partial<EffectiveConfigReport> | undefined): EffectiveConfigReport {
  if (!stored || typeof stored !== 'object' || !stored.config) return DEFAULT_REPORT;
  return { ...DEFAULT_REPORT, ...stored, config: { ...DEFAULT_CONFIG, ...stored.config } };
}

/**
 * The effective configuration (defaults ← user settings ← managed policy), as the
 * background last computed and validated it; the defaults until it has.
 */
export async function loadEffectiveConfig(): Promise<EffectiveConfigReport> {
  try {
    const stored = await browser.storage.local.get(EFFECTIVE_CONFIG_KEY);
    return complete(stored[EFFECTIVE_CONFIG_KEY] as Partial<EffectiveConfigReport> | undefined);
  } catch {
    return DEFAULT_REPORT;
  }
}

/** Calls back with the new report whenever the background stores one. Returns a stop function. */
export function onEffectiveConfigChanged(callback: (report: EffectiveConfigReport) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(EFFECTIVE_CONFIG_KEY in changes)) return;
    callback(complete(changes[EFFECTIVE_CONFIG_KEY]!.newValue as Partial<EffectiveConfigReport> | undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** True when the setting at `path` (e.g. `wording.definitions.1`) is set by the organisation. */
export function isLocked(report: Pick<EffectiveConfigReport, 'locked'>, path: string): boolean {
  return report.locked.some((l) => path === l || path.startsWith(`${l}.`) || path.startsWith(`${l}[`));
}

/** How many of the organisation's settings were ignored (for "2 organisation settings were ignored"). */
export function policyProblemCount(report: Pick<EffectiveConfigReport, 'problems'>): number {
  return report.problems.filter((p) => p.source === 'policy').length;
}

