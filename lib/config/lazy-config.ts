import { DEFAULT_CONFIG, type EffectiveConfig } from './effective';
import type { EffectiveConfigReport } from './load';

/** Where the content script gets the report the background stored (lib/config/load.ts). */
export interface StoredConfig {
  /** The stored report (the defaults' report when there is none or it cannot be read). */
  read(): Promise<EffectiveConfigReport>;
  /** Calls back with every new report; returns a stop function. */
  watch(callback: (report: EffectiveConfigReport) => void): () => void;
}

/**
 * The content script's configuration, read the first time something asks for it (a page
 * element that could be the priority field). Most portal pages have no form, and reaching
 * the extension's storage would be the costliest thing the guard does on them
 * (docs/performance.md, row 3). Until the read answers, the defaults; `changed` is called
 * when it answers with something else, and on every later change, until `signal` aborts.
 */
export function lazyConfig(stored: StoredConfig, changed: () => void, signal: AbortSignal): () => EffectiveConfig {
  let config = DEFAULT_CONFIG;
  let started = false;
  let watched = false;
  const take = (report: EffectiveConfigReport) => {
    if (signal.aborted || report.config === config) return;
    config = report.config;
    changed();
  };
  return () => {
    if (!started && !signal.aborted) {
      started = true;
      const stop = stored.watch((report) => {
        watched = true;
        take(report);
      });
      signal.addEventListener('abort', stop, { once: true });
      // A change seen meanwhile is newer than what the read returns.
      void stored.read().then((report) => watched || take(report));
    }
    return config;
  };
}
