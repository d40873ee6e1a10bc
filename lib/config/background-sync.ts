import { browser } from 'wxt/browser';
import { EFFECTIVE_CONFIG_KEY, type ConfigProblem, type EffectiveConfigReport } from './load';
import { unusedKeywordProblems, unusedLanguageKeywordProblems } from './essential-keywords';
import { mergeSettings } from './merge';
import { createRegistrar, extraPortalPatterns, originsFor, type ScriptRegistrar } from './portal-scripts';
import { SETTING_KEYS } from './schema';
import { validateSettings } from './validate';

/**
 * The background's one job for configuration: read the managed policy and the user's
 * settings, validate both, merge them (defaults ← user ← policy), store the report where
 * every surface reads it (storage.local 'effectiveConfig'), and register the content
 * script for configured portals the user has granted access to.
 *
 * It runs at every background start, on install and browser start, and whenever
 * storage.sync or storage.managed change (Chrome fires storage.onChanged for 'managed'
 * when a policy arrives late or changes) or host permissions change: so a policy applies
 * live, without a restart. Nothing here may throw out: a bad policy costs only itself.
 */

export interface ConfigSyncDeps {
  /** The managed policy's raw values; undefined when there is none (Firefox throws then). */
  readManaged(): Promise<unknown>;
  readUser(): Promise<unknown>;
  readReport(): Promise<unknown>;
  writeReport(report: EffectiveConfigReport): Promise<void>;
  /** Whether the extension may run on `origin` (`https://host/*`). */
  hasHostAccess(origin: string): Promise<boolean>;
  registrar: ScriptRegistrar;
  warn(message: string, error?: unknown): void;
}

const fromPolicy = (problem: ConfigProblem) => problem.source === 'policy';

/** The report for these raw inputs, plus the patterns to register the content script for. */
export async function computeReport(
  managedRaw: unknown,
  userRaw: unknown,
  hasHostAccess: (origin: string) => Promise<boolean>,
): Promise<{ report: EffectiveConfigReport; registerFor: string[] }> {
  const policy = validateSettings(managedRaw, 'policy');
  const user = validateSettings(userRaw, 'user');
  const merged = mergeSettings(user.settings, policy.settings);
  const usedUser = policy.settings.allowUserSettings === false ? {} : user.settings;
  const unused = [
    ...unusedKeywordProblems(merged.config.ticketEssentials, policy.settings, usedUser),
    ...unusedLanguageKeywordProblems(merged.settings.wording),
  ];
  const patterns = extraPortalPatterns(merged.config.portals);
  const missing = new Set<string>();
  for (const origin of originsFor(patterns)) {
    let granted = false;
    try {
      granted = await hasHostAccess(origin);
    } catch {
      granted = false;
    }
    if (!granted) missing.add(origin);
  }
  const registerFor = patterns.filter((p) => {
    const origin = originsFor([p])[0];
    return origin !== undefined && !missing.has(origin);
  });
  const managed =
    typeof managedRaw === 'string' ? managedRaw.trim() !== '' : !!managedRaw && typeof managedRaw === 'object' && Object.keys(managedRaw).length > 0;
  return {
    report: {
      config: merged.config,
      // The organisation's problems first: they are the ones an admin must fix.
      problems: [...policy.problems, ...unused.filter(fromPolicy), ...user.problems, ...unused.filter((p) => !fromPolicy(p))],
      locked: merged.locked,
      managed,
      missingHostAccess: [...missing],
    },
    registerFor,
  };
}

/** JSON with object keys sorted: storage hands objects back with their keys reordered. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Recomputes on demand; overlapping requests collapse into one more run after the current one. */
export function createConfigSync(deps: ConfigSyncDeps): { refresh(): Promise<void> } {
  let last: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const once = async () => {
    const [managedRaw, userRaw] = await Promise.all([
      deps.readManaged().catch(() => undefined),
      deps.readUser().catch(() => undefined),
    ]);
    const { report, registerFor } = await computeReport(managedRaw, userRaw, (o) => deps.hasHostAccess(o));
    const json = stableJson(report);
    if (last === null) last = stableJson((await deps.readReport().catch(() => undefined)) ?? null);
    // Only a real change is written: every write wakes the content scripts and pages.
    if (json !== last) {
      await deps.writeReport(report);
      last = json;
    }
    try {
      await deps.registrar.sync(registerFor);
    } catch (error) {
      deps.warn('could not register the guard for the configured portals', error);
    }
  };

  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await once();
        } catch (error) {
          deps.warn('could not compute the effective configuration', error);
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  return { refresh };
}

function browserDeps(): ConfigSyncDeps {
  return {
    readManaged: async () => {
      try {
        return await browser.storage.managed.get();
      } catch {
        return undefined; // Firefox without a policy for us: "no policy"
      }
    },
    readUser: () => browser.storage.sync.get([...SETTING_KEYS]),
    readReport: async () => (await browser.storage.local.get(EFFECTIVE_CONFIG_KEY))[EFFECTIVE_CONFIG_KEY],
    writeReport: (report) => browser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: report }),
    hasHostAccess: (origin) => browser.permissions.contains({ origins: [origin] }),
    registrar: createRegistrar(),
    warn: (message, error) => console.warn(`[Priority Guard] ${message}`, error),
  };
}

/** Wires the background: call once, synchronously, from the background's main(). */
export function startConfigSync(deps: ConfigSyncDeps = browserDeps()): { refresh(): Promise<void> } {
  const sync = createConfigSync(deps);
  const refresh = () => void sync.refresh();
  // Listeners first and synchronously, so an MV3 service worker woken by one of these events gets it.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync' || area === 'managed') refresh();
  });
  browser.runtime.onInstalled.addListener(refresh);
  browser.runtime.onStartup.addListener(refresh);
  try {
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
  } catch (error) {
    deps.warn('host permission changes will apply at the next start only', error);
  }
  refresh();
  return sync;
}
