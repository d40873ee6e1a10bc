import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type EffectiveConfig } from '@/lib/config/effective';
import { lazyConfig, type StoredConfig } from '@/lib/config/lazy-config';
import { DEFAULT_REPORT, type EffectiveConfigReport } from '@/lib/config/load';

const report = (config: Partial<EffectiveConfig>): EffectiveConfigReport => ({ ...DEFAULT_REPORT, config: { ...DEFAULT_CONFIG, ...config } });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Storage whose read the test answers by hand, and whose changes it sends. */
function fakeStorage() {
  let answer: (r: EffectiveConfigReport) => void = () => undefined;
  const listeners = new Set<(r: EffectiveConfigReport) => void>();
  const stored: StoredConfig & { reads: number; stops: number } = {
    reads: 0,
    stops: 0,
    read: () => {
      stored.reads++;
      return new Promise((resolve) => (answer = resolve));
    },
    watch: (callback) => {
      listeners.add(callback);
      return () => {
        stored.stops++;
        listeners.delete(callback);
      };
    },
  };
  return {
    stored,
    listeners,
    answer: async (r: EffectiveConfigReport) => (answer(r), await flush()),
    change: (r: EffectiveConfigReport) => listeners.forEach((l) => l(r)),
  };
}

describe('lazyConfig', () => {
  it('reads nothing until asked; then the defaults until the read answers, and what it answered after', async () => {
    const storage = fakeStorage();
    const changed = vi.fn();
    const config = lazyConfig(storage.stored, changed, new AbortController().signal);
    await flush();
    expect(storage.stored.reads).toBe(0);
    expect(storage.listeners.size).toBe(0);
    expect(config()).toBe(DEFAULT_CONFIG);
    expect(config()).toBe(DEFAULT_CONFIG);
    expect(storage.stored.reads).toBe(1);
    await storage.answer(report({ guardMode: 'note' }));
    expect(config().guardMode).toBe('note');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('does not call changed when the read answers with the defaults themselves', async () => {
    const storage = fakeStorage();
    const changed = vi.fn();
    const config = lazyConfig(storage.stored, changed, new AbortController().signal);
    config();
    await storage.answer(DEFAULT_REPORT);
    expect(changed).not.toHaveBeenCalled();
  });

  it('takes every later change, and a change seen before the read answers wins over the read', async () => {
    const storage = fakeStorage();
    const changed = vi.fn();
    const config = lazyConfig(storage.stored, changed, new AbortController().signal);
    config();
    storage.change(report({ guardMode: 'off' }));
    await storage.answer(report({ guardMode: 'note' })); // older than the change
    expect(config().guardMode).toBe('off');
    storage.change(report({ guardMode: 'dialog' }));
    expect(config().guardMode).toBe('dialog');
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('stops listening when the signal aborts, and takes nothing after', async () => {
    const storage = fakeStorage();
    const abort = new AbortController();
    const changed = vi.fn();
    const config = lazyConfig(storage.stored, changed, abort.signal);
    config();
    abort.abort();
    expect(storage.stored.stops).toBe(1);
    await storage.answer(report({ guardMode: 'off' }));
    expect(config()).toBe(DEFAULT_CONFIG);
    expect(changed).not.toHaveBeenCalled();
  });

  it('reads nothing when asked after the signal aborted', () => {
    const storage = fakeStorage();
    const abort = new AbortController();
    abort.abort();
    const config = lazyConfig(storage.stored, vi.fn(), abort.signal);
    expect(config()).toBe(DEFAULT_CONFIG);
    expect(storage.stored.reads).toBe(0);
  });
});
