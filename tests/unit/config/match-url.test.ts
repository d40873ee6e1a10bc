import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches, matchesUrl } from '@/lib/config/match-url';

/** The plain definition of a glob: `*` is any run of characters (or none), everything else itself. Exponential: short inputs only. */
function reference(glob: string, text: string): boolean {
  if (glob === '') return text === '';
  if (glob[0] === '*') return reference(glob.slice(1), text) || (text !== '' && reference(glob, text.slice(1)));
  return text !== '' && glob[0] === text[0] && reference(glob.slice(1), text.slice(1));
}

describe('matchesUrl', () => {
  it.each([
    // The patterns and pages the portals use.
    ['https://support.puppet.com/hc/*', 'https://support.puppet.com/hc/en-us/requests/new', true],
    ['https://support.puppet.com/hc/*', 'https://support.puppet.com/hc', false],
    ['https://support.puppet.com/hc/*', 'https://support.puppet.com/HC/en-us', false],
    ['https://portal.perforce.com/s/*', 'https://portal.perforce.com/s/contactsupport', true],
    ['https://portal.perforce.com/s/*', 'https://PORTAL.Perforce.com/s/', true],
    ['https://SUPPORT.Example.com/*', 'https://support.example.com/x', true],
    ['https://support.example.com/*', 'https://support.example.com/hc/en-us/requests/new', true],
    ['https://support.example.com/*', 'https://support.example.com/', true],
    ['https://support.example.com/*', 'https://support.example.com', true],
    ['https://support.example.com/*', 'http://support.example.com/x', false],
    ['https://support.example.com/*', 'https://other.example.com/x', false],
    ['https://support.example.com/*', 'https://support.example.com.evil.example/x', false],
    ['https://*.example.com/hc/*', 'https://example.com/hc/x', true],
    ['https://*.example.com/hc/*', 'https://a.b.example.com/hc/x?y=1', true],
    ['https://*.example.com/hc/*', 'https://badexample.com/hc/x', false],
    ['https://*.example.com/hc/*', 'https://a.example.com/other', false],
    ['https://10.0.0.5/*', 'https://10.0.0.5/hc', true],
    // Query strings: compared with the path, as browsers do; the fragment never is.
    ['https://support.example.com/new', 'https://support.example.com/new?x=1', false],
    ['https://support.example.com/new*', 'https://support.example.com/new?x=1', true],
    ['https://support.example.com/new', 'https://support.example.com/new#top', true],
    ['https://support.example.com/*?ticket_form_id=*', 'https://support.example.com/hc/requests/new?ticket_form_id=42', true],
    ['https://support.example.com/*?ticket_form_id=*', 'https://support.example.com/hc/requests/new', false],
    ['https://support.example.com/*/requests/*?ticket_form_id=*', 'https://support.example.com/hc/en-us/requests/new?ticket_form_id=7', true],
    ['https://support.example.com/*/requests/*?ticket_form_id=*', 'https://support.example.com/hc/en-us/new?ticket_form_id=7', false],
    // `*` at both ends, and runs of them.
    ['https://support.example.com/*requests*', 'https://support.example.com/hc/requests/new', true],
    ['https://support.example.com/*requests*', 'https://support.example.com/requests', true],
    ['https://support.example.com/*requests*', 'https://support.example.com/hc/request/new', false],
    ['https://support.example.com/**new**', 'https://support.example.com/hc/new', true],
    ['https://support.example.com/*a*a*a*a*b', 'https://support.example.com/xaaaayb', true],
    ['https://support.example.com/*a*a*a*a*b', 'https://support.example.com/aaab', false],
    // Characters that are special in regular expressions are themselves here.
    ['https://support.example.com/a.b', 'https://support.example.com/a.b', true],
    ['https://support.example.com/a.b', 'https://support.example.com/aXb', false],
    ['https://support.example.com/c++/*', 'https://support.example.com/c++/x', true],
    ['https://support.example.com/c++/*', 'https://support.example.com/ccc/x', false],
    ['https://support.example.com/new?', 'https://support.example.com/new?', false],
    ['https://support.example.com/new?a=1', 'https://support.example.com/new?a=1', true],
    ['https://support.example.com/new?a=1', 'https://support.example.com/newXa=1', false],
    ['https://support.example.com/(hc)/*', 'https://support.example.com/(hc)/x', true],
    ['https://support.example.com/(hc)/*', 'https://support.example.com/hc/x', false],
    ['https://support.example.com/[1]/*', 'https://support.example.com/[1]/x', true],
    ['https://support.example.com/[1]/*', 'https://support.example.com/1/x', false],
    ['https://support.example.com/a|b', 'https://support.example.com/a', false],
    ['https://support.example.com/^x$', 'https://support.example.com/^x$', true],
    ['https://support.example.com/^x$', 'https://support.example.com/x', false],
    ['https://support.example.com/a{1,2}', 'https://support.example.com/aa', false],
    ['https://support.example.com/{1,2}', 'https://support.example.com/{1,2}', false], // the URL's path has %7B1,2%7D
    ['https://support.example.com/%7B1,2%7D', 'https://support.example.com/{1,2}', true],
    ['https://support.example.com/\\d', 'https://support.example.com/%5Cd', false],
    // Not a pattern, not a URL.
    ['not a pattern', 'https://support.example.com/', false],
    ['https://support.example.com/*', 'not a url', false],
  ])('%s on %s → %s', (pattern, url, expected) => {
    expect(matchesUrl(pattern, url)).toBe(expected);
  });

  it('takes a URL object too', () => {
    expect(matchesUrl('https://support.example.com/hc/*', new URL('https://support.example.com/hc/x'))).toBe(true);
  });
});

describe('globMatches', () => {
  it('agrees with the plain definition on random short globs and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '.', '?', '(', ']', '+', '\\');
    const glob = fc.array(fc.oneof({ arbitrary: alphabet, weight: 3 }, { arbitrary: fc.constant('*'), weight: 2 }), { maxLength: 8 });
    const text = fc.array(alphabet, { maxLength: 12 });
    fc.assert(
      fc.property(glob, text, (g, t) => {
        expect(globMatches(g.join(''), t.join(''))).toBe(reference(g.join(''), t.join('')));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the plain definition on texts made to match', () => {
    // Random globs mostly fail: here the text is the glob with each `*` filled in.
    const part = fc.stringMatching(/^[ab/.?]{0,3}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(part, fc.boolean(), part), { maxLength: 4 }), (pieces) => {
        const g = pieces.map(([lit, star]) => lit + (star ? '*' : '')).join('');
        const t = pieces.map(([lit, star, fill]) => lit + (star ? fill : '')).join('');
        expect(globMatches(g, t)).toBe(true);
        expect(reference(g, t)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the whole text, not a part of it', () => {
    expect(globMatches('/a', '/ab')).toBe(false);
    expect(globMatches('/a', 'x/a')).toBe(false);
    expect(globMatches('', '')).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('', 'x')).toBe(false);
  });
});
