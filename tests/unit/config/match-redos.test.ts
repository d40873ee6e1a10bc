// A portal match pattern must never cost the page noticeable time, however it is written:
// the content script checks the page's URL against every configured pattern. A pattern's
// `*`s used to become a regular expression's `.*`s, which backtrack: `/*a*a*a*a*b` on a
// path of 200 `a`s took seconds.
import { describe, expect, it } from 'vitest';
import type { PortalConfig } from '@/lib/config/effective';
import { portalForUrl } from '@/lib/config/portal-for-url';

const portals: PortalConfig[] = [
  {
    name: 'Adversarial',
    matches: ['https://support.example.com/*a*a*a*a*b'],
    newTicketUrl: 'https://support.example.com/new',
    builtIn: false,
  },
];

function timed(url: string): { result: unknown; ms: number } {
  const start = performance.now();
  const result = portalForUrl(portals, url);
  return { result, ms: performance.now() - start };
}

describe('matching a page against adversarial patterns', () => {
  it.each([200, 2000])('takes well under 50 ms on a %i-character path', (length) => {
    const url = `https://support.example.com/${'a'.repeat(length - 1)}`;
    expect(new URL(url).pathname).toHaveLength(length);
    timed(url); // warm up
    const { result, ms } = timed(url);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(25);
  });

  it('still finds the portal when the path does match', () => {
    const url = `https://support.example.com/${'a'.repeat(1999)}b`;
    const { result, ms } = timed(url);
    expect(result).toBe(portals[0]);
    expect(ms).toBeLessThan(25);
  });
});

describe('matching a page against the longest patterns allowed', () => {
  it('stays at glob × path steps (no blow-up) for a 2,000-character pattern and path', () => {
    const long: PortalConfig[] = [
      { ...portals[0]!, matches: [`https://support.example.com/*${'a'.repeat(1950)}b`, `https://support.example.com/${'*a'.repeat(975)}b`] },
    ];
    const url = `https://support.example.com/${'a'.repeat(1999)}`;
    const start = performance.now();
    expect(portalForUrl(long, url)).toBeNull();
    expect(performance.now() - start).toBeLessThan(250);
  });
});
