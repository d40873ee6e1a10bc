import { afterEach, describe, expect, it, vi } from 'vitest';
import { openGuardDialog } from '@/entrypoints/guard-ui/dialog';
import { createGuardUiLoader } from '@/lib/guard/load-ui';
import { createP1Note } from '@/entrypoints/guard-ui/note';
import { readReadiness } from '@/entrypoints/guard-ui/readiness';
import { isOwnHost } from '@/entrypoints/guard-ui/shadow-host';
import { injectedGuardUi, provideGuardUi, type GuardUi } from '@/lib/guard/ui';

const UI: GuardUi = { openGuardDialog, createP1Note, isOwnElement: isOwnHost, readReadiness };
const OK = { type: 'inject-guard-ui-result', ok: true };

/** What the background does on success: the UI script runs in this world. */
const injects = () => {
  provideGuardUi(UI);
  return OK;
};

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('priority-guard.ui')];
  vi.useRealTimers();
});

describe('createGuardUiLoader', () => {
  it('has no UI until it is injected', () => {
    const loader = createGuardUiLoader(async () => OK);
    expect(loader.current()).toBeNull();
    expect(injectedGuardUi()).toBeNull();
  });

  it('asks the background once for any number of concurrent loads, then has it', async () => {
    const ask = vi.fn(async () => injects());
    const loader = createGuardUiLoader(ask);
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toEqual(UI);
    expect(b).toEqual(UI);
    expect(loader.current()).toEqual(UI);
    await loader.load();
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it("does not ask when the UI is already in this world (another copy's load)", async () => {
    provideGuardUi(UI);
    const ask = vi.fn(async () => OK);
    expect(await createGuardUiLoader(ask).load()).toEqual(UI);
    expect(ask).not.toHaveBeenCalled();
  });

  it("rejects with the background's reason, and tries again next time", async () => {
    const ask = vi
      .fn<() => Promise<unknown>>()
      .mockResolvedValueOnce({ type: 'inject-guard-ui-result', ok: false, reason: 'Cannot access this page' })
      .mockImplementationOnce(async () => injects());
    const loader = createGuardUiLoader(ask);
    await expect(loader.load()).rejects.toThrow("The guard's dialog could not be loaded: Cannot access this page.");
    expect(await loader.load()).toEqual(UI);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('counts only what the injected script left: not a look-alike the page could put on window', () => {
    const handoff = Symbol.for('priority-guard.ui');
    Object.setPrototypeOf(globalThis, Object.create(Object.getPrototypeOf(globalThis), { [handoff]: { value: UI } }));
    expect(injectedGuardUi()).toBeNull(); // inherited, like a named property: ignored
    Object.setPrototypeOf(globalThis, Object.getPrototypeOf(Object.getPrototypeOf(globalThis)));
    Object.defineProperty(globalThis, handoff, { value: { openGuardDialog: 'x', createP1Note: 'y' }, configurable: true });
    expect(injectedGuardUi()).toBeNull(); // not functions: ignored
  });

  it('rejects when the background says it worked but the UI is not here', async () => {
    await expect(createGuardUiLoader(async () => OK).load()).rejects.toThrow('it did not arrive');
  });

  it('rejects when sending fails (extension reloaded: context invalidated)', async () => {
    const loader = createGuardUiLoader(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(loader.load()).rejects.toThrow('Extension context invalidated.');
  });

  it('rejects on a malformed answer, saying so', async () => {
    await expect(createGuardUiLoader(async () => ({ ok: true, html: '<b>' })).load()).rejects.toThrow(
      'Unexpected property "html" in inject-guard-ui-result',
    );
  });

  it('gives up after the timeout when nobody answers', async () => {
    vi.useFakeTimers();
    const loader = createGuardUiLoader(() => new Promise(() => undefined), 3_000);
    const loading = loader.load();
    const outcome = expect(loading).rejects.toThrow('no answer within 3000 ms');
    await vi.advanceTimersByTimeAsync(3_000);
    await outcome;
  });
});
