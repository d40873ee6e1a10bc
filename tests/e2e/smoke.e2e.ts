// The built extension loads in both browsers: its popup renders, and its content script
// runs on the portal pages it matches and nowhere else.
import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, usePortal } from './harness/setup';

const ARTICLE = 'https://support.puppet.com/hc/en-us/articles/360035198994?fixture=article';
const NEW_REQUEST = 'https://support.puppet.com/hc/en-us/requests/new';
// Served by the same replica, with the same page, but not a portal host.
const NOT_A_PORTAL = 'https://www.example.org/hc/en-us/requests/new?fixture=zendesk-copenhagen';
const MARK = 'html[data-priority-guard]';

const portal = usePortal();

describe.each(BROWSERS)('smoke: %s', (name) => {
  const browser = useBrowser(name, portal);

  it('opens the popup with the four priority definitions', async () => {
    const page = await browser().newPage();
    try {
      await page.goto(browser().extensionUrl('popup.html'));
      await page.click('#pg-tab-definitions');
      await page.waitFor('.pg-level', { state: 'visible' });
      const levels = await page.texts('.pg-level');
      expect(levels).toHaveLength(4);
      for (const [i, text] of levels.entries()) expect(text).toContain(`Priority ${i + 1}`);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['a Help Center article', ARTICLE],
    ['the new request form', NEW_REQUEST],
  ])('runs the content script on %s', async (_what, url) => {
    const page = await browser().newPage();
    try {
      await page.goto(url);
      await page.waitFor(MARK, { timeout: 5_000 });
      const value = await page.evaluate(() => document.documentElement.dataset.priorityGuard);
      expect(value).toBeTruthy();
    } finally {
      await page.close();
    }
  });

  it('does not run the content script on a host it does not match', async () => {
    const page = await browser().newPage();
    try {
      await page.goto(NOT_A_PORTAL); // resolves after the load event
      // The page really is the replica form, so only the host differs.
      expect(await page.evaluate(() => location.origin)).toBe('https://www.example.org');
      await page.waitFor('#new-request-form', { timeout: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))).toBe(false);
    } finally {
      await page.close();
    }
  });
});
