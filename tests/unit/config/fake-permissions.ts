import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PORTAL_MATCHES } from '@/lib/portal/default-portals';

type Listener = (permissions: { origins?: string[] }) => void;

/**
 * browser.permissions in memory, for fakeBrowser (which leaves it unimplemented), behaving
 * as Chrome does where it matters here: the manifest's host permissions are granted and
 * listed by getAll, and a remove request that touches one of their hosts is refused whole.
 * Installed with vi.spyOn: vitest's restoreMocks puts the originals back after each test.
 */
export function fakePermissions(granted: readonly string[] = []) {
  const required: readonly string[] = DEFAULT_PORTAL_MATCHES;
  const requiredHosts = required.map((p) => new URL(p.replace('*', 'x')).hostname);
  const origins = new Set<string>([...required, ...granted]);
  const added = new Set<Listener>();
  const removedListeners = new Set<Listener>();
  const api = fakeBrowser.permissions;
  const touchesRequired = (origin: string) => {
    const host = /^[^:]+:\/\/([^/]+)\//.exec(origin)?.[1] ?? '*';
    if (host === '*' || requiredHosts.includes(host)) return true;
    return host.startsWith('*.') && requiredHosts.some((r) => r === host.slice(2) || r.endsWith(host.slice(1)));
  };
  const request = vi.spyOn(api, 'request').mockImplementation(async ({ origins: asked = [] }) => {
    asked.forEach((o) => origins.add(o));
    added.forEach((l) => l({ origins: asked }));
    return true;
  });
  const remove = vi.spyOn(api, 'remove').mockImplementation(async ({ origins: asked = [] }) => {
    if (asked.some(touchesRequired)) throw new Error('You cannot remove required permissions.');
    const gone = asked.filter((o) => origins.delete(o));
    removedListeners.forEach((l) => l({ origins: gone }));
    return true;
  });
  vi.spyOn(api, 'getAll').mockImplementation(async () => ({ permissions: ['storage', 'scripting'], origins: [...origins] }));
  vi.spyOn(api, 'contains').mockImplementation(async ({ origins: asked = [] }) => asked.every((o) => origins.has(o)));
  vi.spyOn(api.onAdded, 'addListener').mockImplementation((l) => void added.add(l as Listener));
  vi.spyOn(api.onAdded, 'removeListener').mockImplementation((l) => void added.delete(l as Listener));
  vi.spyOn(api.onRemoved, 'addListener').mockImplementation((l) => void removedListeners.add(l as Listener));
  vi.spyOn(api.onRemoved, 'removeListener').mockImplementation((l) => void removedListeners.delete(l as Listener));
  return { origins, request, remove, listeners: () => added.size + removedListeners.size };
}
