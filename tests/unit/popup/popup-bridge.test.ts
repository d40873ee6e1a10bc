import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportGuardError } from '@/lib/guard/fail-open';
import { listenForPopup } from '@/lib/guard/popup-bridge';
import { parseReadiness } from '@/lib/messages';
import type { PriorityControl } from '@/lib/portal/control';
import { findPriorityControl } from '@/lib/portal/find-control';
import { ZENDESK_PROFILE } from '@/lib/portal/profiles';
import type { Level } from '@/lib/rules';
import type { EssentialResult } from '@/lib/rules/readiness/types';
import { loadFixtureBody, resetDocument } from '../portal/load-fixture';

// The real reportGuardError, watched: it logs only the first error of a page.
vi.mock('@/lib/guard/fail-open', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/guard/fail-open')>();
  return { ...real, reportGuardError: vi.fn(real.reportGuardError) };
});

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
  vi.mocked(reportGuardError).mockClear();
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
    ['no field', () => null, 'no-field'],
    ['set() refuses', () => fakeControl({ set: async () => false }), 'refused'],
    [
      'set() throws',
      () =>
        fakeControl({
          set: async () => {
            throw new Error('boom');
          },
        }),
      'refused',
    ],
    [
      'set() claims success but the field reads otherwise',
      () => fakeControl({ level: 4, set: async () => true }),
      'refused',
    ],
    [
      'the options have no Priority 2',
      () =>
        fakeControl({ offers: (level) => level === 1 || level === 4 }),
      'no-option',
    ],
  ])('reports why it cannot set the level: %s', async (_name, make, reason) => {
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
      reason: 'timeout',
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
    ['get-readiness with an extra property', { type: 'get-readiness', results: [] }],
    ['an inherited extra property', Object.assign(Object.create({ extra: 1 }), { type: 'get-readiness' })],
    ['not an object', 'get-status'],
  ])('ignores %s, saying why in the console', async (_name, message) => {
    const control = fakeControl({ level: 1 });
    const set = vi.spyOn(control, 'set');
    const readiness = vi.fn(async () => []);
    listenForPopup({ control: () => control, readiness, signal: abort.signal });
    expect(await ask(message)).toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(readiness).not.toHaveBeenCalled();
    expect(console.debug).toHaveBeenCalledWith(expect.stringContaining('Ignored a message'));
  });

  describe('get-readiness', () => {
    const RESULTS: EssentialResult[] = [
      { id: 'what-broke-since', label: 'What broke, and since when.', state: 'found', evidence: 'Since 09:10 UTC' },
      { id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: '2023.8.1' },
      { id: 'support-script', label: 'The support script output.', state: 'missing' },
      { id: 'custom-4', label: 'Change number', state: 'unknown' },
    ];

    /** Asks for readiness; every answer must be one the popup accepts. */
    async function askReadiness() {
      const answer = await ask({ type: 'get-readiness' });
      expect(parseReadiness(answer)).toEqual({ ok: true, message: answer });
      return answer;
    }

    it('answers with what the armed form tells Support, read at each request', async () => {
      const readiness = vi.fn(async () => RESULTS);
      listenForPopup({ control: () => fakeControl(), readiness, signal: abort.signal });
      expect(await askReadiness()).toEqual({ type: 'readiness', ok: true, results: RESULTS });
      await askReadiness();
      expect(readiness).toHaveBeenCalledTimes(2);
    });

    it('says plainly when no field is armed', async () => {
      listenForPopup({ control: () => null, readiness: async () => null, signal: abort.signal });
      expect(await askReadiness()).toEqual({ type: 'readiness', ok: false, reason: 'No priority field on this page.' });
    });

    it.each([
      ['rejects (the UI script could not be loaded)', () => Promise.reject(new Error('no UI'))],
      [
        'throws at once',
        () => {
          throw new Error('boom');
        },
      ],
    ])('warns and answers plainly when reading %s, without marking the guard as stepped aside', async (_name, readiness) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      listenForPopup({ control: () => fakeControl(), readiness, signal: abort.signal });
      expect(await askReadiness()).toEqual({ type: 'readiness', ok: false, reason: 'The ticket form could not be read.' });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read for the popup'), expect.objectContaining({ message: expect.stringMatching(/no UI|boom/) }));
      expect(reportGuardError).not.toHaveBeenCalled();
    });

    it('gives up on a read that never settles, with a reason', async () => {
      listenForPopup({
        control: () => fakeControl(),
        readiness: () => new Promise<never>(() => undefined),
        signal: abort.signal,
        timeoutMs: 20,
      });
      expect(await askReadiness()).toEqual({
        type: 'readiness',
        ok: false,
        reason: 'The ticket form could not be read in time.',
      });
    });

    it('answers ok:false when the content script was started without a reader', async () => {
      listenForPopup({ control: () => fakeControl(), signal: abort.signal });
      expect(await askReadiness()).toEqual({ type: 'readiness', ok: false, reason: 'The ticket form could not be read.' });
    });

    it('keeps the answer within the message limits (an attachment name is evidence of any length)', async () => {
      const name = `puppet_enterprise_support_${'x'.repeat(300)}.tar.gz`;
      const many: EssentialResult[] = Array.from({ length: 20 }, (_, i) => ({ id: `custom-${i + 1}`, label: 'l'.repeat(400), state: 'missing' }));
      const readiness = vi.fn(async (): Promise<EssentialResult[]> => [
        { id: 'support-script', label: 'The support script output.', state: 'found', evidence: name },
        { id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: `${'9'.repeat(198)}\u{1F600}9` },
        ...many,
      ]);
      listenForPopup({ control: () => fakeControl(), readiness, signal: abort.signal });
      const answer = (await askReadiness()) as { results: EssentialResult[] };
      expect(answer.results).toHaveLength(16);
      const [script, version, custom] = answer.results as [EssentialResult & { evidence: string }, EssentialResult & { evidence: string }, EssentialResult];
      expect(script.evidence).toHaveLength(200);
      expect(script.evidence).toBe(`${name.slice(0, 199)}…`);
      // Never half of a surrogate pair.
      expect(version.evidence).toBe(`${'9'.repeat(198)}…`);
      expect(custom.label).toBe(`${'l'.repeat(249)}…`);
    });
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
