// The extension removed while the guard's dialog is open: the dialog must not be left over
// the form, dead. It says that nothing was submitted, and "Back to form" gives the form back
// with everything typed in it. A file of its own: each browser's extension is uninstalled.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import { fixtureUrl, openExtensionPage, settle, sleep, useGuardBrowser, watchServer, zendeskSelect, type GuardPage } from './guard-helpers';

const portal = usePortal();

const SUBJECT = 'Puppet Server is down';
const MORE = ' since 9:00';

/** The dialog's "extension gone" message: whether it is shown, and its text. */
function goneMessage(g: GuardPage) {
  return g.page.evaluate(() => {
    const host = document.querySelector('priority-guard-dialog');
    const root = host?.shadowRoot ?? null;
    const gone = root?.querySelector<HTMLElement>('.pg-gone') ?? null;
    const rect = gone?.getBoundingClientRect();
    const style = gone ? getComputedStyle(gone) : null;
    return {
      host: !!host,
      open: !!root?.querySelector('dialog')?.open,
      gone: !!gone,
      visible: !!gone && style!.visibility === 'visible' && style!.display !== 'none' && rect!.width > 0 && rect!.height > 0,
      text: (gone?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** The centre of the visible "Back to form" button in the dialog (the one in .pg-gone first). */
function backButtonCentre(g: GuardPage) {
  return g.page.evaluate(() => {
    const root = document.querySelector('priority-guard-dialog')?.shadowRoot;
    if (!root) return null;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible';
    };
    const buttons = [...root.querySelectorAll('button')].filter(
      (b) => (b.getAttribute('data-action') === 'back' || /^back to form$/i.test((b.textContent ?? '').trim())) && visible(b),
    );
    const button = buttons.find((b) => b.closest('.pg-gone')) ?? buttons[0];
    if (!button) return null;
    button.scrollIntoView({ block: 'center' });
    const r = button.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, inGone: !!button.closest('.pg-gone') };
  });
}

describe.each(BROWSERS)('extension gone: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);

  it('guarantee: removed while the dialog is open, the dialog says nothing was submitted; "Back to form" gives back the form, as typed', async () => {
    const g = await sharedPage();
    const w = zendeskSelect();
    await g.open(fixtureUrl(w.fixture));
    await g.waitArmed();
    await g.page.type('#request_subject', SUBJECT);
    await w.choose(g, 1);
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();

    // The extension removes itself (management.uninstallSelf needs no permission); its page goes with it.
    const ext = await openExtensionPage(browser(), 'popup.html');
    const removed = await ext
      .evaluate(async () => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        const self = await api.management.getSelf();
        setTimeout(() => void api.management.uninstallSelf({ showConfirmDialog: false }), 0);
        return self.id;
      })
      .catch((error: unknown) => `failed: ${String(error)}`);
    const at = Date.now();
    expect(removed).not.toMatch(/^failed/);
    await sleep(500);
    await ext.close().catch(() => undefined); // gone with the extension, most likely
    await g.raw.bringToFront();

    const shown = await settle(() => goneMessage(g), (s) => s.visible && s.text.includes('Nothing was submitted'), Math.max(0, 6_000 - (Date.now() - at)));
    expect(shown, 'the dialog within 6 s of the removal').toMatchObject({ host: true, open: true, gone: true, visible: true });
    expect(shown.text).toContain('Nothing was submitted');

    const back = await backButtonCentre(g);
    expect(back, 'a visible "Back to form" button').not.toBeNull();
    await g.raw.clickAt(back!.x, back!.y);
    const closed = await settle(() => goneMessage(g), (s) => !s.open, 2_000);
    expect(closed.open, '"Back to form" closed the dialog').toBe(false);

    // The page is not inert: the subject takes what is typed, and kept what was typed before.
    await g.page.type('#request_subject', MORE);
    await g.page.press('End');
    const subject = await g.page.evaluate(() => document.querySelector<HTMLInputElement>('#request_subject')!.value);
    expect(subject).toBe(SUBJECT + MORE);
    expect(await g.priorityValue()).toBe('urgent');
    await server.expect(0);
    expect(await g.submitCount()).toBe(0);

    // And the extension really is gone: its pages no longer open.
    const probe = await browser().newPage();
    try {
      const opened = await probe
        .goto(browser().extensionUrl('popup.html'), { timeout: 3_000 })
        .then(() => probe.waitFor('#app > *', { timeout: 2_000 }))
        .then(
          () => true,
          () => false,
        );
      expect(opened, 'the extension\'s popup page still opens: it was not removed').toBe(false);
    } finally {
      await probe.close();
    }
  });
});
