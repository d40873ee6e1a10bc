import { describe, expect, it } from 'vitest';
import {
  hostLabel,
  isCoveredBy,
  MATCH_PATTERN_RULES,
  matchPatternProblem,
  originOf,
  parseMatchPattern,
} from '@/lib/config/match-pattern';
import { issueText } from '@/components/problem-text';
import { validateSettings } from '@/lib/config/validate';
import { worded } from '../../support/problem-words';

/** Why the pattern is refused, as the options page words it (English); null when it is not. */
function refusal(pattern: string): string | null {
  const why = matchPatternProblem(pattern);
  return why && issueText({ code: 'matchPattern', why });
}

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
    ['https://*.com/*', /public suffix com\b/],
    ['https://sup port.example.com/*', /spaces/],
    ['https://support_x.example.com/*', /letters, digits and hyphens/],
    ['https://bücher.example/*', /punycode/],
    ['https://-bad.example.com/*', /letters, digits and hyphens/],
    ['https://*.10.0.0.5/*', /IP address/],
    ['<all_urls>', /all_urls/],
    ['https://support.example.com/#x', /#/],
    [`https://support.example.com/${'a'.repeat(3000)}`, /at most 2,048 characters/],
    ['', /start with https/],
  ])('refuses %s', (pattern, message) => {
    expect(refusal(pattern)).toMatch(message);
    expect(parseMatchPattern(pattern)).toBeNull();
    expect(originOf(pattern)).toBeNull();
  });
});

describe('wildcards over a public suffix', () => {
  it.each([
    ['https://*.co.uk/*', 'co.uk', '*.example.co.uk'],
    ['https://*.github.io/*', 'github.io', '*.example.github.io'],
    ['https://*.com/*', 'com', '*.example.com'],
    ['https://*.appspot.com/*', 'appspot.com', '*.example.appspot.com'],
    ['https://*.CO.UK/hc/*', 'co.uk', '*.example.co.uk'],
    ['https://*.s3.amazonaws.com/*', 's3.amazonaws.com', '*.example.s3.amazonaws.com'],
    ['https://*.blogspot.com/*', 'blogspot.com', '*.example.blogspot.com'],
    ['https://*.anything.kawasaki.jp/*', 'anything.kawasaki.jp', '*.example.anything.kawasaki.jp'], // the list's rule "*.kawasaki.jp"
  ])('refuses %s, naming the pattern, why, and what to write instead', (pattern, suffix, instead) => {
    expect(matchPatternProblem(pattern)).toEqual({ reason: 'publicSuffix', suffix });
    expect(refusal(pattern)).toBe(
      `Not a usable match pattern: *.${suffix} covers every site under the public suffix ${suffix}, whoever runs them; name your portal's own domain, such as ${instead}.`,
    );
    expect(parseMatchPattern(pattern)).toBeNull();
    expect(originOf(pattern)).toBeNull();
  });

  it.each([
    'https://*.example.co.uk/*',
    'https://*.zendesk.com/*', // zendesk.com is a company's own domain, not on the list
    'https://support.example.github.io/*',
    'https://*.example.github.io/*',
    'https://*.example.appspot.com/hc/*',
    'https://github.io/*', // one host, not every site under it
    'https://*.city.kawasaki.jp/*', // the list's exception "!city.kawasaki.jp": a domain of its own
  ])('accepts %s', (pattern) => {
    expect(matchPatternProblem(pattern)).toBeNull();
  });

  it('says so on the options page and in the policy report, with the pattern given', () => {
    const { problems, settings } = validateSettings(
      {
        portals: [
          { matches: ['https://*.co.uk/*', 'https://*.example.co.uk/*'], newTicketUrl: 'https://help.example.co.uk/new' },
        ],
      },
      'policy',
    );
    expect(worded(problems)).toEqual([
      {
        source: 'policy',
        path: 'portals[0].matches[0]',
        message:
          'Not a usable match pattern: *.co.uk covers every site under the public suffix co.uk, whoever runs them; name your portal\'s own domain, such as *.example.co.uk. Given: "https://*.co.uk/*". Ignored.',
      },
    ]);
    expect(settings.portals?.[0]?.matches).toEqual(['https://*.example.co.uk/*']);
  });

  it('documents it among the rules', () => {
    expect(MATCH_PATTERN_RULES.join('\n')).toMatch(/public suffix.*\*\.co\.uk/);
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
