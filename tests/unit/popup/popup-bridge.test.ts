import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForPopup } from '@/lib/guard/popup-bridge';
import type { PriorityControl } from '@/lib/portal/control';
import { findPriorityControl } from '@/lib/portal/find-control';
import { ZENDESK_PROFILE } from '@/lib/portal/profiles';
import type { Level } from '@/lib/rules';
import { loadFixtureBody, resetDocument } from '../portal/load-fixture';

/** What the content script answers to one message (undefined: it did not answer). */
async function ask(message: unknown): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
  return answers.find((a: unknown) => a !== undefined);
}

function fakeControl(overrides: Partial<PriorityControl> & { level?: Level | null } = {}): PriorityControl {
  let level: Level | null = overrides.level ?? null;
  const el = document.createElement('select');
  return {
    kind: 'select',
    field: el,
    focusTarget: el,
    form: null,
    read: () => level,
    set: async (l) => {
      level = l;
      return true;
    },
    watch: () => () => undefined,
    options: () => [],
    offers: () => true,
    ...overrides,
  };
}

let abort: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  abort = new AbortController();
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});
afterEach(() => {
  abort.abort();
  resetDocument();
});

describe('listenForPopup', () => {
  it('says when the guard is asking about a P1 (its dialog is open), and only then', async () => {
    let asking = false;
    const control = fakeControl({ level: 1 });
    listenForPopup({ control: () => control, asking: () => asking, signal: abort.signal });
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: true, level: 1 });
    asking = true;
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: true, level: 1, asking: true });
  });

  it('answers get-status: armed with the selected level, or not armed', async () => {
    let control: PriorityControl | null = null;
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: false, level: null });
    control = fakeControl({ level: 2 });
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: true, level: 2 });
  });

  it('sets the level through control.set() and reads it back', async () => {
    const control = fakeControl({ level: 1 });
    const set = vi.spyOn(control, 'set');
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask({ type: 'set-level', level: 3 })).toEqual({ type: 'set-level-result', ok: true });
    expect(set).toHaveBeenCalledWith(3);
    expect(control.read()).toBe(3);
  });

  it('sets a real Zendesk <select> through its adapter (the dialog\'s "Change to" path)', async () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE);
    expect(control).not.toBeNull();
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask({ type: 'set-level', level: 3 })).toEqual({ type: 'set-level-result', ok: true });
    expect(document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!.value).toBe('normal');
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: true, level: 3 });
  });

  it.each([
    ['no field', () => null, 'No priority field on this page.'],
    ['set() refuses', () => fakeControl({ set: async () => false }), 'The field did not accept Priority 2.'],
    [
      'set() throws',
      () =>
        fakeControl({
          set: async () => {
            throw new Error('boom');
          },
        }),
      'The field did not accept Priority 2.',
    ],
    [
      'set() claims success but the field reads otherwise',
      () => fakeControl({ level: 4, set: async () => true }),
      'The field did not accept Priority 2.',
    ],
    [
      'the options have no Priority 2',
      () =>
        fakeControl({ offers: (level) => level === 1 || level === 4 }),
      'The priority field has no option for Priority 2.',
    ],
  ])('reports a plain reason when it cannot set the level: %s', async (_name, make, reason) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const control = make();
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask({ type: 'set-level', level: 2 })).toEqual({ type: 'set-level-result', ok: false, reason });
  });

  it('gives up on a set() that never settles, with a reason', async () => {
    const control = fakeControl({ set: () => new Promise<boolean>(() => undefined) });
    listenForPopup({ control: () => control, signal: abort.signal, timeoutMs: 20 });
    expect(await ask({ type: 'set-level', level: 2 })).toEqual({
      type: 'set-level-result',
      ok: false,
      reason: 'The field did not take Priority 2 in time.',
    });
  });

  it('answers ok without touching the field when it already holds the level', async () => {
    const control = fakeControl({ level: 2 });
    const set = vi.spyOn(control, 'set');
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask({ type: 'set-level', level: 2 })).toEqual({ type: 'set-level-result', ok: true });
    expect(set).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'get-config' }],
    ['a bad level', { type: 'set-level', level: 9 }],
    ['an extra property', { type: 'get-status', please: true }],
    ['not an object', 'get-status'],
  ])('ignores %s, saying why in the console', async (_name, message) => {
    const control = fakeControl({ level: 1 });
    const set = vi.spyOn(control, 'set');
    listenForPopup({ control: () => control, signal: abort.signal });
    expect(await ask(message)).toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(console.debug).toHaveBeenCalledWith(expect.stringContaining('Ignored a message'));
  });

  it('removes its listener when the signal aborts', async () => {
    listenForPopup({ control: () => null, signal: abort.signal });
    expect(await ask({ type: 'get-status' })).toEqual({ type: 'status', armed: false, level: null });
    abort.abort();
    expect(await ask({ type: 'get-status' })).toBeUndefined();
  });

  it('does not listen at all when the signal has already aborted', async () => {
    abort.abort();
    listenForPopup({ control: () => null, signal: abort.signal });
    expect(await ask({ type: 'get-status' })).toBeUndefined();
  });
});
