// When the extension is updated or reloaded while a portal tab is open, the old guard
// steps aside and never blocks the form (nor doubles up with the new one).
import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, usePortal } from './harness/setup';
import type { BrowserUnderTest, PageUnderTest } from './harness/types';

const FORM = 'https://support.puppet.com/hc/en-us/requests/new?fixture=zendesk-select';
const SUBMIT = 'input[type=submit][name=commit]';

const portal = usePortal();

/** Reloads the extension from one of its own pages, as an update does; that page closes. */
async function reloadExtension(browser: BrowserUnderTest) {
  const extensionPage = await browser.newPage();
  try {
    await extensionPage.goto(browser.extensionUrl('popup.html'));
    await extensionPage.waitFor('#app > *');
    await extensionPage
      .evaluate(() => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        setTimeout(() => api.runtime.reload(), 0);
      })
      .catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await extensionPage.close().catch(() => {}); // the portal's tab is in front again
  }
}

async function openP1Form(page: PageUnderTest) {
  await page.goto(FORM);
  await page.waitFor('html[data-priority-guard="armed"]');
  await page.type('#request_subject', 'Puppet Server is down');
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!;
    select.value = 'urgent';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const guardElements = (page: PageUnderTest) =>
  page.evaluate(() => [
    document.querySelectorAll('priority-guard-dialog').length,
    document.querySelectorAll('priority-guard-note').length,
  ]);

/** A replica form with P1 chosen and a subject typed, submitted: the guard's dialog is open. */
async function openP1Dialog(browser: BrowserUnderTest): Promise<PageUnderTest> {
  const page = await browser.newPage();
  browser.submissions().length = 0;
  await openP1Form(page);
  await page.click(SUBMIT);
  await page.waitFor(browser.deep('priority-guard-dialog', 'dialog[open]'), { state: 'visible' });
  return page;
}

async function expectOnlyTheNewGuardOrNone(browser: BrowserUnderTest, page: PageUnderTest, subject: string) {
  await page.click(SUBMIT);
  if (browser.name === 'chromium') {
    // Chromium does not inject the new version into open tabs: the orphan steps aside.
    await page.waitFor('#submitted');
    expect(browser.submissions()).toHaveLength(1);
    const fields = Object.fromEntries(browser.submissions()[0]!.fields.map((f) => [f.name, f.value]));
    expect(fields['request[priority]']).toBe('urgent');
    expect(fields['request[subject]']).toBe(subject);
  } else {
    // Firefox drops the old content script and injects the new one: exactly one guard answers.
    await page.waitFor(browser.deep('priority-guard-dialog', 'dialog[open]'), { state: 'visible' });
    expect(await guardElements(page)).toEqual([1, 1]);
    expect(browser.submissions()).toHaveLength(0);
  }
}

// Each test reloads the extension, so each gets a browser of its own.
describe.each(BROWSERS)('extension reload: %s', (name) => {
  describe('after the dialog was closed', () => {
    const browser = useBrowser(name, portal);

    it('an orphaned guard never blocks the form', async () => {
      const page = await openP1Dialog(browser());
      try {
        await page.press('Escape');
        await page.waitFor('priority-guard-dialog', { state: 'hidden' });
        expect(browser().submissions()).toHaveLength(0);

        await reloadExtension(browser());
        await expectOnlyTheNewGuardOrNone(browser(), page, 'Puppet Server is down');
      } finally {
        await page.close();
      }
    });
  });

  describe('while the dialog is open', () => {
    const browser = useBrowser(name, portal);

    it('a reload leaves no dead dialog over the form: it says nothing was submitted and closes', async () => {
      const page = await openP1Dialog(browser());
      try {
        await reloadExtension(browser());
        if (name === 'chromium') {
          // The orphan notices within a second that its extension is gone and says that
          // nothing was submitted; its dialog still closes (Escape).
          await page.waitFor(browser().deep('priority-guard-dialog', '.pg-gone'), { state: 'visible', timeout: 3_000 });
          expect(await page.evaluate(() => document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('[data-action="confirm"]'))).toBeNull();
          await page.press('Escape');
          await page.waitFor('priority-guard-dialog', { state: 'hidden' });
        } else {
          // The old copy is dead: its dialog says at once that nothing was submitted, and
          // "Back to form" closes it natively; the new copy removes it once it is closed.
          await page.waitFor(browser().deep('priority-guard-dialog', '.pg-gone'), { state: 'visible', timeout: 3_000 });
          const notice = await page.texts(browser().deep('priority-guard-dialog', '.pg-gone'));
          expect(notice.join(' ')).toContain('Nothing was submitted');
          await page.click(browser().deep('priority-guard-dialog', 'button[data-action="back"]'));
          await page.waitFor('priority-guard-dialog', { state: 'hidden' });
          await page.waitFor('priority-guard-note');
          expect(await guardElements(page)).toEqual([0, 1]);
          expect(browser().submissions()).toHaveLength(0);
        }
        await page.type('#request_subject', ' since 9:00');
        const subject = await page.evaluate(() => document.querySelector<HTMLInputElement>('#request_subject')!.value);
        expect(subject).toBe('Puppet Server is down since 9:00');
        await expectOnlyTheNewGuardOrNone(browser(), page, 'Puppet Server is down since 9:00');
      } finally {
        await page.close();
      }
    });
  });
});
