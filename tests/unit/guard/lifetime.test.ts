import { describe, expect, it } from 'vitest';
import { extensionAlive, startLifetime } from '@/lib/guard/lifetime';

describe('startLifetime', () => {
  it('ends an older copy when a newer one starts in the same world, and only the older', () => {
    const older = startLifetime(() => true);
    expect(older.isValid()).toBe(true); // announcing did not end itself
    const newer = startLifetime(() => true);
    expect(older.signal.aborted).toBe(true);
    expect(older.isValid()).toBe(false);
    expect(newer.isValid()).toBe(true);
  });

  it('is not switched off by anything the page dispatches (it announces nothing the page could fake)', () => {
    const dispatched: string[] = [];
    const record = (event: Event) => dispatched.push(event.type);
    for (const target of [document, window]) target.addEventListener('priority-guard:started', record);
    const lifetime = startLifetime(() => true);
    expect(dispatched).toEqual([]);
    for (const target of [document, window, document.documentElement]) {
      target.dispatchEvent(new Event('priority-guard:started', { bubbles: true }));
      target.dispatchEvent(new CustomEvent('priority-guard:started', { bubbles: true, detail: {} }));
    }
    expect(lifetime.signal.aborted).toBe(false);
    for (const target of [document, window]) target.removeEventListener('priority-guard:started', record);
  });

  it('ends, and removes what was added with its signal, once the extension is gone', () => {
    let alive = true;
    const lifetime = startLifetime(() => alive);
    let clicks = 0;
    document.addEventListener('click', () => clicks++, { signal: lifetime.signal });
    document.dispatchEvent(new Event('click'));
    expect(lifetime.isValid()).toBe(true);
    alive = false;
    expect(lifetime.signal.aborted).toBe(false); // nothing is checked on a timer
    expect(lifetime.isValid()).toBe(false);
    expect(lifetime.signal.aborted).toBe(true);
    document.dispatchEvent(new Event('click'));
    expect(clicks).toBe(1);
    alive = true;
    expect(lifetime.isValid()).toBe(false); // ended for good
  });
});

describe('extensionAlive', () => {
  it.each([
    ['a runtime with an id', () => ({ id: 'abc' }), true],
    ['a runtime without an id (orphaned in Chrome)', () => ({}), false],
    ['no runtime', () => undefined, false],
    [
      'a runtime that throws (orphaned in some versions)',
      () => {
        throw new Error('Extension context invalidated.');
      },
      false,
    ],
  ])('%s → %s', (_, runtime, expected) => {
    expect(extensionAlive(runtime)).toBe(expected);
  });
});
