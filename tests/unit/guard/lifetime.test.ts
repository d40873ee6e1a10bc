import { describe, expect, it } from 'vitest';
import { extensionAlive, GUARD_STARTED_EVENT, startLifetime } from '@/lib/guard/lifetime';

describe('startLifetime', () => {
  it('ends an older copy when a newer one starts in the same world, and only the older', () => {
    const older = startLifetime(document, () => true);
    expect(older.isValid()).toBe(true); // announcing did not end itself
    const newer = startLifetime(document, () => true);
    expect(older.signal.aborted).toBe(true);
    expect(older.isValid()).toBe(false);
    expect(newer.isValid()).toBe(true);
  });

  it('is not switched off by a page that announces a copy of its own: only an orphaned copy steps aside', () => {
    let alive = true;
    const lifetime = startLifetime(document, () => alive);
    for (const target of [document, window, document.documentElement]) {
      target.dispatchEvent(new Event(GUARD_STARTED_EVENT, { bubbles: true }));
      target.dispatchEvent(new CustomEvent(GUARD_STARTED_EVENT, { bubbles: true, detail: {} }));
    }
    expect(lifetime.signal.aborted).toBe(false);
    alive = false; // the extension was updated: a newer copy in another world announces itself
    document.dispatchEvent(new Event(GUARD_STARTED_EVENT));
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('ends, and removes what was added with its signal, once the extension is gone', () => {
    let alive = true;
    const lifetime = startLifetime(document, () => alive);
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
