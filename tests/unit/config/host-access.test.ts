import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { grantedSites, mayRelease, releaseSites, siteName } from '@/lib/config/host-access';
import { fakePermissions } from './fake-permissions';

beforeEach(() => fakeBrowser.reset());

describe('which host access may be given back', () => {
  it.each([
    ['https://support.example.com/*', true],
    ['https://*.example.com/*', true],
    ['https://support.puppet.com/*', false], // a built-in portal's site: required
    ['https://support.puppet.com/hc/*', false],
    ['https://portal.perforce.com/*', false],
    ['https://*.puppet.com/*', false], // covers support.puppet.com
    ['https://*.com/*', false],
    ['https://puppet.com/*', true], // another site than support.puppet.com
    ['https://*.support.puppet.com/*', false],
    ['https://*/*', false], // the whole optional permission: never asked for by the options page
    ['<all_urls>', false],
    ['http://support.example.com/*', false],
    ['https://support.example.com/hc/*', false],
  ])('%s → %s', (origin, expected) => {
    expect(mayRelease(origin)).toBe(expected);
  });

  it('names sites as people recognise them', () => {
    expect(siteName('https://support.example.com/*')).toBe('support.example.com');
    expect(siteName('https://*.example.com/*')).toBe('example.com and its subdomains');
  });

  it('lists only the sites it may give back, and never asks to remove a required one', async () => {
    const perms = fakePermissions(['https://b.example.com/*', 'https://A.example.com/*', 'https://*/*']);
    expect(await grantedSites()).toEqual(['https://a.example.com/*', 'https://b.example.com/*']);
    expect(await releaseSites(['https://support.puppet.com/*', 'https://b.example.com/*'])).toEqual(['https://b.example.com/*']);
    expect(perms.remove).toHaveBeenCalledTimes(1);
    expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://b.example.com/*'] });
    expect(await releaseSites(['https://portal.perforce.com/*'])).toEqual([]);
    expect(perms.remove).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the browser does not list its permissions', async () => {
    expect(await grantedSites()).toBeNull(); // fakeBrowser leaves permissions unimplemented
  });
});
