import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PriorityControl } from '../../../lib/portal/control';
import { ZENDESK_PROFILE } from '../../../lib/portal/profiles';
import { watchForControl, type PortalLookup } from '../../../lib/portal/watch-for-control';
import { resetDocument, UNNAMED_PRIORITY_FORM } from './load-fixture';

const FORM = `<form action="/hc/en-us/requests"><div class="form-field"><label for="p">Priority</label>
<select id="p" name="request[priority]"><option value="">-</option><option value="low">Low</option>
<option value="urgent">Urgent</option></select></div><input type="submit" name="commit" value="Submit"></form>`;

const settle = () => new Promise((r) => setTimeout(r, 60));

function start(portal: PortalLookup = { shadowDom: false, profile: () => ZENDESK_PROFILE }) {
  const log: string[] = [];
  const controller = new AbortController();
  const watcher = watchForControl(
    document,
    portal,
    {
      onArmed: (c: PriorityControl) => log.push(`armed:${(c.focusTarget as HTMLSelectElement).id}`),
      onDisarmed: () => log.push('disarmed'),
      onError: (error) => log.push(`error:${String(error)}`),
    },
    controller.signal,
  );
  return { log, watcher, controller };
}

/** Makes the test document say it is still being parsed, until the returned function ends that. */
function whileLoading(): () => void {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  return () => {
    delete (document as { readyState?: string }).readyState;
    document.dispatchEvent(new Event('DOMContentLoaded'));
  };
}

/** The portal swaps its form for another one (another ticket form), field id "q". */
function replaceForm() {
  const replacement = document.createElement('div');
  replacement.innerHTML = FORM.replace('id="p"', 'id="q"');
  document.querySelector('form')!.replaceWith(replacement.firstElementChild!);
}

afterEach(resetDocument);

describe('watchForControl', () => {
  it('stays idle without a form and arms once when a form is rendered late', async () => {
    const { log, watcher, controller } = start();
    await settle();
    expect(log).toEqual([]);
    expect(watcher.current()).toBeNull();
    document.body.insertAdjacentHTML('beforeend', FORM);
    await settle();
    document.body.append(document.createElement('p')); // unrelated changes do not re-arm
    await settle();
    expect(log).toEqual(['armed:p']);
    expect(watcher.current()).not.toBeNull();
    controller.abort();
  });

  it('observes nothing in the page when the field is there at the first look', async () => {
    document.body.innerHTML = FORM;
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const { log, controller } = start();
    await settle();
    expect(log).toEqual(['armed:p']);
    expect(observe).not.toHaveBeenCalled();
    controller.abort();
  });

  it('once armed, watches no DOM change: only the search, before arming, observed the document', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { log, controller } = start();
    await settle();
    document.body.insertAdjacentHTML('beforeend', FORM);
    await settle();
    expect(log).toEqual(['armed:p']);
    expect(observe.mock.calls.map(([target]) => target)).toEqual([document]);
    expect(disconnect).toHaveBeenCalledTimes(1); // the search, on arming
    controller.abort();
  });

  it("lets go of the field when the ResizeObserver reports it no longer drawn, and arms on the form that replaced it", async () => {
    const reports: (() => void)[] = [];
    const observed: Element[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          reports.push(callback);
        }
        observe(target: Element) {
          observed.push(target);
        }
        disconnect() {
          observed.length = 0;
        }
      },
    );
    try {
      document.body.innerHTML = FORM;
      const { log, watcher, controller } = start();
      await settle();
      const drawn = (c: PriorityControl | null) => [...new Set([c?.focusTarget, c?.field, c?.form])];
      expect(observed).toEqual(drawn(watcher.current()));
      expect(observed).toContain(document.querySelector('form'));
      for (const report of reports) report(); // a size change of a field still in the page: kept
      await settle();
      expect(log).toEqual(['armed:p']);
      replaceForm();
      await settle();
      expect(log).toEqual(['armed:p']); // nothing watches the DOM: the browser reports at the next frame
      for (const report of reports) report();
      await settle();
      expect(log).toEqual(['armed:p', 'disarmed', 'armed:q']);
      expect((watcher.current()?.focusTarget as HTMLSelectElement).id).toBe('q');
      expect(observed).toEqual(drawn(watcher.current()));
      controller.abort();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a form replaced out of sight is let go, and the new one armed, as soon as someone asks for the field', async () => {
    document.body.innerHTML = FORM;
    const { log, watcher, controller } = start();
    await settle();
    replaceForm();
    expect((watcher.current()?.focusTarget as HTMLSelectElement).id).toBe('q');
    expect(log).toEqual(['armed:p', 'disarmed', 'armed:q']);
    controller.abort();
  });

  it('a form replaced out of sight is let go, and the new one armed, when focus moves into it', async () => {
    document.body.innerHTML = FORM;
    const { log, controller } = start();
    await settle();
    replaceForm();
    document.querySelector<HTMLSelectElement>('#q')!.focus();
    expect(log).toEqual(['armed:p', 'disarmed', 'armed:q']);
    controller.abort();
  });

  it('keeps a field that is still in the page when asked or when focus moves', async () => {
    document.body.innerHTML = FORM;
    const { log, watcher, controller } = start();
    await settle();
    document.querySelector<HTMLSelectElement>('#p')!.focus();
    expect((watcher.current()?.focusTarget as HTMLSelectElement).id).toBe('p');
    expect(log).toEqual(['armed:p']);
    controller.abort();
  });

  it('lets go of everything when aborted', async () => {
    document.body.innerHTML = FORM;
    const { log, watcher, controller } = start();
    await settle();
    controller.abort();
    expect(log).toEqual(['armed:p', 'disarmed']);
    document.querySelector('form')!.remove();
    document.body.insertAdjacentHTML('beforeend', FORM);
    await settle();
    expect(log).toEqual(['armed:p', 'disarmed']);
    expect(watcher.current()).toBeNull();
  });

  it('does nothing while the page is parsed, not even on rescan(), and looks once at DOMContentLoaded', async () => {
    const loaded = whileLoading();
    const { log, watcher, controller } = start();
    document.body.insertAdjacentHTML('beforeend', FORM);
    watcher.rescan();
    await settle();
    expect(log).toEqual([]);
    loaded();
    await settle();
    expect(log).toEqual(['armed:p']);
    controller.abort();
  });

  it('finds the field at once when asked while the page is still parsed (a submission before DOMContentLoaded)', async () => {
    const loaded = whileLoading();
    const { log, watcher, controller } = start();
    expect(watcher.current()).toBeNull();
    document.body.insertAdjacentHTML('beforeend', FORM);
    expect(watcher.current()).not.toBeNull();
    expect(log).toEqual(['armed:p']);
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    loaded();
    expect(observe.mock.calls.filter(([, init]) => init?.subtree)).toEqual([]); // armed: no document-wide search
    await settle();
    expect(log).toEqual(['armed:p']);
    controller.abort();
  });

  it('does not ask for the profile (the configuration) while the page has no element that could be a field', async () => {
    const profile = vi.fn(() => ZENDESK_PROFILE);
    document.body.innerHTML = '<form role="search"><input type="search" name="query"></form><article><p>Text</p></article>';
    const { log, controller } = start({ shadowDom: false, profile });
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<div><p>Related</p><input type="text" name="q"></div>');
    await settle();
    expect(profile).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', FORM);
    await settle();
    expect(profile).toHaveBeenCalled();
    expect(log).toEqual(['armed:p']);
    controller.abort();
  });

  it('asks for the profile on a shadow-DOM portal even without such an element in the light DOM', async () => {
    const profile = vi.fn(() => ({ id: 'salesforce', shadowDom: true }));
    document.body.innerHTML = '<article><p>Text</p></article>';
    const { controller } = start({ shadowDom: true, profile });
    await settle();
    expect(profile).toHaveBeenCalled();
    controller.abort();
  });

  it('looks again on rescan(), with the profile as it is now (an admin selector that arrived late)', async () => {
    document.body.innerHTML = UNNAMED_PRIORITY_FORM;
    let profile = ZENDESK_PROFILE;
    const { log, watcher, controller } = start({ shadowDom: false, profile: () => profile });
    await settle();
    expect(log).toEqual([]); // not called priority: not recognised
    profile = { ...ZENDESK_PROFILE, fieldSelector: '#impact' };
    watcher.rescan();
    await settle();
    expect(log).toEqual(['armed:impact']);
    controller.abort();
  });
});
