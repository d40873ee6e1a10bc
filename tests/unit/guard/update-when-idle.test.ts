// Firefox updates: held only while a guard dialog is open, then applied (lib/guard/update-when-idle.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyGuardAsking, applyUpdateWhenIdle } from '@/lib/guard/update-when-idle';

const status = (asking: boolean) => ({ type: 'status', armed: true, level: 1, ...(asking ? { asking: true } : {}) });

afterEach(() => vi.useRealTimers());

describe('anyGuardAsking', () => {
  it.each([
    ['no tabs', [], false],
    ['tabs without a guard (sendMessage rejects)', ['reject', 'reject'], false],
    ['a guard that is not asking', [status(false)], false],
    ['a guard asking in one tab of three', ['reject', status(false), status(true)], true],
    ['a malformed answer claiming to ask', [{ type: 'status', armed: true, level: 1, asking: 'yes' }], false],
    ['an answer of another kind', [{ type: 'set-level-result', ok: true }], false],
  ])('%s → %s', async (_, answers, expected) => {
    const statusOf = (id: number) => (answers[id] === 'reject' ? Promise.reject(new Error('no receiver')) : Promise.resolve(answers[id]));
    expect(await anyGuardAsking({ tabIds: async () => answers.map((_a, i) => i), statusOf })).toBe(expected);
  });

  it('counts no guard as asking when the tabs cannot be listed', async () => {
    expect(await anyGuardAsking({ tabIds: () => Promise.reject(new Error('no')), statusOf: async () => status(true) })).toBe(false);
  });
});

describe('applyUpdateWhenIdle', () => {
  it('applies the update at once when no dialog is open', async () => {
    const apply = vi.fn();
    await applyUpdateWhenIdle({ tabIds: async () => [1], statusOf: async () => status(false), apply });
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('waits while a dialog is open, and applies it once the dialog has closed: never held for good', async () => {
    vi.useFakeTimers();
    let asking = true;
    const apply = vi.fn();
    const done = applyUpdateWhenIdle({ tabIds: async () => [7], statusOf: async () => status(asking), apply, retryMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(apply).not.toHaveBeenCalled();
    asking = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
