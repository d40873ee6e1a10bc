import { browser } from 'wxt/browser';
import { DEFAULT_PORTAL_MATCHES, GUARD_SCRIPT } from '../portal/default-portals';
import type { PortalConfig } from './effective';
import { isCoveredBy, originOf } from './match-pattern';

/**
 * The guard on portals outside the manifest's defaults: the content script is registered
 * at run time for the configured portals' pages the user has granted access to.
 * Chrome (MV3): scripting.registerContentScripts, kept across restarts by Chrome.
 * Firefox (MV2): contentScripts.register, which lasts as long as the background page.
 * The manifest's own patterns are excluded, so no page ever gets the guard twice.
 */

export const REGISTERED_SCRIPT_ID = 'priority-guard-portals';

/** The configured portals' patterns the manifest does not already cover, without repeats. */
export function extraPortalPatterns(portals: readonly PortalConfig[]): string[] {
  const patterns = portals.filter((p) => !p.builtIn).flatMap((p) => p.matches);
  return [...new Set(patterns)].filter((p) => !DEFAULT_PORTAL_MATCHES.some((d) => isCoveredBy(p, d)));
}

/** Origins (`https://host/*`) those patterns need host access for, without repeats. */
export function originsFor(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map(originOf).filter((o): o is string => o !== null))];
}

export interface ScriptRegistrar {
  /** Makes the registered content script cover exactly `matches` (none: unregistered). */
  sync(matches: readonly string[]): Promise<void>;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && b.every((x) => a.includes(x));
}

/** Chrome keeps a registration across updates: one from a version whose script had another path is replaced. */
function isCurrent(existing: { matches?: string[]; js?: string[] }, matches: readonly string[]): boolean {
  return sameSet(existing.matches, matches) && sameSet(existing.js, [GUARD_SCRIPT]);
}

function mv3Registrar(): ScriptRegistrar {
  return {
    async sync(matches) {
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [REGISTERED_SCRIPT_ID] });
      if (matches.length === 0) {
        if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [REGISTERED_SCRIPT_ID] });
        return;
      }
      const script = {
        id: REGISTERED_SCRIPT_ID,
        matches: [...matches],
        excludeMatches: [...DEFAULT_PORTAL_MATCHES],
        js: [GUARD_SCRIPT],
        runAt: 'document_start' as const,
        allFrames: false,
        persistAcrossSessions: true,
      };
      if (existing.length === 0) await browser.scripting.registerContentScripts([script]);
      else if (!isCurrent(existing[0]!, matches)) await browser.scripting.updateContentScripts([script]);
    },
  };
}

/** Firefox's own API (not in the Chrome types WXT's `browser` carries). */
interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    excludeMatches?: string[];
    js: { file: string }[];
    runAt?: 'document_start' | 'document_end' | 'document_idle';
    allFrames?: boolean;
  }): Promise<{ unregister(): Promise<void> }>;
}

function mv2Registrar(): ScriptRegistrar {
  let current: { matches: readonly string[]; handle: { unregister(): Promise<void> } } | null = null;
  return {
    async sync(matches) {
      if (current && sameSet(current.matches, matches)) return;
      const old = current;
      current = null;
      await old?.handle.unregister();
      if (matches.length === 0) return;
      const api = (browser as unknown as { contentScripts: FirefoxContentScripts }).contentScripts;
      const handle = await api.register({
        matches: [...matches],
        excludeMatches: [...DEFAULT_PORTAL_MATCHES],
        js: [{ file: `/${GUARD_SCRIPT}` }],
        runAt: 'document_start',
        allFrames: false,
      });
      current = { matches: [...matches], handle };
    },
  };
}

/** The registrar for this browser: MV3's scripting API, or Firefox MV2's contentScripts. */
export function createRegistrar(): ScriptRegistrar {
  return browser.runtime.getManifest().manifest_version === 3 ? mv3Registrar() : mv2Registrar();
}
