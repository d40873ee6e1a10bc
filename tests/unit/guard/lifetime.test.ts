import { describe, expect, it } from 'vitest';
import { extensionAlive, GUARD_STARTED_EVENT, startLifetime } from '@/lib/guard/lifetime';

describe('startLifetime', () => {
  it('ends an older copy when a newer one starts in the same document, and only the older', () => {
    const older = startLifetime(document, () => true);
    expect(older.isValid()).toBe(true); // announcing did not end itself
    const newer = startLifetime(document, () => true);
    expect(older.signal.aborted).toBe(true);
    expect(older.isValid()).toBe(false);
    expect(newer.isValid()).toBe(true);
    document.dispatchEvent(new Event(GUARD_STARTED_EVENT)); // a third copy: ends the second
    expect(newer.isValid()).toBe(false);
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
