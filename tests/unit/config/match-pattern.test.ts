import { describe, expect, it } from 'vitest';
import {
  hostLabel,
  isCoveredBy,
  matchPatternProblem,
  matchesUrl,
  originOf,
  parseMatchPattern,
} from '@/lib/config/match-pattern';

describe('matchPatternProblem', () => {
  it.each([
    'https://support.example.com/*',
    'https://*.example.com/hc/*',
    'https://support.example.com/hc/en-us/requests/new',
    'https://SUPPORT.Example.COM/*',
    'https://10.0.0.5/*',
    'https://support.example.com/*/requests/*?ticket_form_id=*',
    'https://xn--bcher-kva.example/*',
  ])('accepts %s', (pattern) => {
    expect(matchPatternProblem(pattern)).toBeNull();
  });

  it.each([
    ['support.example.com', /start with https:\/\//],
    ['support.example.com/*', /start with https:\/\//],
    ['http://support.example.com/*', /https:\/\/, not http/],
    ['*://support.example.com/*', /https:\/\/, not \*/],
    ['ftp://support.example.com/*', /not ftp/],
    ['https://support.example.com', /path after the host/],
    ['https:///*', /name a host/],
    ['https://*/*', /every site/],
    ['https://support.*.com/*', /only as its first part/],
    ['https://*support.example.com/*', /only as its first part/],
    ['https://support.example.com:8443/*', /port/],
    ['https://user@support.example.com/*', /user name/],
    ['https://localhost/*', /full domain name/],
    ['https://*.com/*', /full domain name/],
    ['https://sup port.example.com/*', /spaces/],
    ['https://support_x.example.com/*', /letters, digits and hyphens/],
    ['https://bücher.example/*', /punycode/],
    ['https://-bad.example.com/*', /letters, digits and hyphens/],
    ['https://*.10.0.0.5/*', /IP address/],
    ['<all_urls>', /all_urls/],
    ['https://support.example.com/#x', /#/],
    [`https://support.example.com/${'a'.repeat(3000)}`, /at most 2048/],
    ['', /start with https/],
  ])('refuses %s', (pattern, message) => {
    expect(matchPatternProblem(pattern)).toMatch(message);
    expect(parseMatchPattern(pattern)).toBeNull();
    expect(originOf(pattern)).toBeNull();
  });
});

describe('matchesUrl', () => {
  it.each([
    ['https://support.example.com/*', 'https://support.example.com/hc/en-us/requests/new', true],
    ['https://support.example.com/*', 'https://support.example.com/', true],
    ['https://support.example.com/*', 'http://support.example.com/x', false],
    ['https://support.example.com/*', 'https://other.example.com/x', false],
    ['https://*.example.com/hc/*', 'https://example.com/hc/x', true],
    ['https://*.example.com/hc/*', 'https://a.b.example.com/hc/x?y=1', true],
    ['https://*.example.com/hc/*', 'https://badexample.com/hc/x', false],
    ['https://*.example.com/hc/*', 'https://a.example.com/other', false],
    ['https://support.example.com/new', 'https://support.example.com/new?x=1', false],
    ['https://support.example.com/new*', 'https://support.example.com/new?x=1', true],
    ['https://support.example.com/a.b', 'https://support.example.com/aXb', false],
    ['not a pattern', 'https://support.example.com/', false],
    ['https://support.example.com/*', 'not a url', false],
  ])('%s on %s → %s', (pattern, url, expected) => {
    expect(matchesUrl(pattern, url)).toBe(expected);
  });
});

describe('origins and labels', () => {
  it('gives the origin to ask host access for', () => {
    expect(originOf('https://support.example.com/hc/*')).toBe('https://support.example.com/*');
    expect(originOf('https://*.Example.com/hc/*')).toBe('https://*.example.com/*');
  });
  it('names the host a person recognises', () => {
    expect(hostLabel('https://*.example.com/*')).toBe('example.com');
    expect(hostLabel('https://support.example.com/*')).toBe('support.example.com');
    expect(hostLabel('junk')).toBe('junk');
  });
});

describe('isCoveredBy', () => {
  it.each([
    ['https://support.puppet.com/hc/en-us/*', 'https://support.puppet.com/hc/*', true],
    ['https://support.puppet.com/hc/*', 'https://support.puppet.com/hc/*', true],
    ['https://support.puppet.com/*', 'https://support.puppet.com/hc/*', false],
    ['https://support.puppet.com/h*', 'https://support.puppet.com/hc/*', false],
    ['https://other.puppet.com/hc/*', 'https://support.puppet.com/hc/*', false],
    ['https://*.puppet.com/hc/*', 'https://support.puppet.com/hc/*', false],
    ['https://a.example.com/x/*', 'https://*.example.com/*', true],
    ['https://*.a.example.com/*', 'https://*.example.com/*', true],
    ['https://support.example.com/new', 'https://support.example.com/new', true],
    ['https://support.example.com/*', 'https://support.example.com/a*b', false],
  ])('%s covered by %s → %s', (pattern, by, expected) => {
    expect(isCoveredBy(pattern, by)).toBe(expected);
  });
});

describe('portalForUrl (for the content script)', async () => {
  const { portalForUrl } = await import('@/lib/config/portal-for-url');
  const { BUILT_IN_PORTALS } = await import('@/lib/config/effective');
  const acme = {
    name: 'ACME',
    matches: ['https://support.puppet.com/hc/en-us/*', 'https://support.acme.example/*'],
    newTicketUrl: 'https://support.acme.example/new',
    fieldSelector: '#prio',
    labels: { 'Sev A - outage': 1 as const, 'Sev B': 2 as const },
    builtIn: false,
  };
  const portals = [acme, ...BUILT_IN_PORTALS];

  it('finds the first matching portal, configured ones before built-in ones', () => {
    expect(portalForUrl(portals, 'https://support.puppet.com/hc/en-us/requests/new')).toBe(acme);
    expect(portalForUrl(portals, 'https://support.puppet.com/hc/de/requests/new')!.name).toBe('Puppet Support');
    expect(portalForUrl(portals, 'https://portal.perforce.com/s/contactsupport')!.name).toBe('Perforce Support Portal');
    expect(portalForUrl(portals, 'https://www.example.org/')).toBeNull();
  });
});
