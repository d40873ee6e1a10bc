// The dialog's accessibility in real browsers: axe-core finds no violation inside it (light,
// and dark in Chromium), it is a labelled modal dialog, focus moves in, is trapped and comes
// back, every control is reachable and usable at 200% zoom. Also takes the README's
// screenshots (light and dark): always into tests/e2e/.artifacts/, and into
// docs/screenshots/ when E2E_UPDATE_SCREENSHOTS=1.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/env';
import { BROWSERS, usePortal } from './harness/setup';
import {
  ARTIFACTS,
  axeViolations,
  dialogControlsReachable,
  expectedData,
  sleep,
  submittedData,
  useGuardBrowser,
  watchServer,
  zendeskCopenhagen,
  zendeskSelect,
  type GuardPage,
  type Widget,
} from './guard-helpers';

const portal = usePortal();

async function openDialog(g: GuardPage, w: Widget) {
  await g.openForm(w);
  await w.choose(g, 1);
  await g.clickSubmit(w);
  await g.waitDialog();
}

describe.each(BROWSERS)('guard dialog accessibility: %s', (name) => {
  const { browser, sharedPage, newPage } = useGuardBrowser(name, portal);
  const select = zendeskSelect();

  it('axe-core: no violation inside the dialog, as opened and with every item ticked', async () => {
    const g = await sharedPage();
    await openDialog(g, select);
    expect(await axeViolations(g)).toEqual([]);
    await g.tick('production', 'critical', 'no-workaround');
    expect(await axeViolations(g)).toEqual([]);
  });

  it('a labelled modal dialog; focus moves in, Tab and Shift+Tab stay inside, every control is reachable, focus comes back', async () => {
    const g = await sharedPage();
    await openDialog(g, select);
    const state = await g.dialog();
    expect(state.modal).toBe(true);
    expect(state.title).toMatch(/Priority 1/);
    const attrs = await g.page.evaluate(() => {
      const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
      return { tag: dialog.localName, role: dialog.getAttribute('role'), modal: dialog.getAttribute('aria-modal') };
    });
    expect(attrs.tag === 'dialog' && (attrs.role === null || attrs.role === 'dialog')).toBe(true);
    expect(attrs.modal).toBe('true');
    if (g.raw.axDialogs) {
      // What assistive technology gets, from Chromium's accessibility tree.
      const dialogs = await g.raw.axDialogs();
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0]!.name).toMatch(/Priority 1/);
    }
    expect((await g.focused()).inDialog, 'focus moved into the dialog').toBe(true);

    const reached = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await g.page.press('Tab');
      const f = await g.focused();
      expect(f.inDialog, `Tab #${i + 1} left the dialog: ${f.path.join(' > ')}`).toBe(true);
      expect(f.outline, `visible focus on ${f.path.at(-1)}`).not.toMatch(/^none/);
      reached.add(f.action ? `${f.action}` : `${f.type}:${f.value}`);
    }
    for (let i = 0; i < 6; i++) {
      await g.raw.shiftTab();
      const f = await g.focused();
      expect(f.inDialog, `Shift+Tab #${i + 1} left the dialog: ${f.path.join(' > ')}`).toBe(true);
    }
    // Every enabled control was reached by keyboard ("Submit as Priority 1" is disabled until all are ticked).
    expect([...reached].sort()).toEqual(
      ['add-headings', 'back', 'change', 'checkbox:critical', 'checkbox:no-workaround', 'checkbox:production'].sort(),
    );

    await g.page.press('Escape');
    await g.waitNoDialog();
    // The ticket lacks something: focus comes back to the end of its description, to add it.
    expect(await g.caretAtEnd(select.description), `caret at the end of the description: ${(await g.focused()).path.join(' > ')}`).toBe(true);
  });

  it('at 200% zoom (640x450 CSS px) every control is on screen when scrolled to, and the confirm path works', async () => {
    const g = await newPage();
    try {
      await g.raw.setViewport(640, 450);
      const w = zendeskCopenhagen();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();
      const layout = await g.page.evaluate(() => {
        const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
        const dialog = root.querySelector('dialog')!;
        const rect = dialog.getBoundingClientRect();
        return {
          fitsWidth: rect.left >= 0 && rect.right <= innerWidth,
          scrollsInside: dialog.scrollHeight > dialog.clientHeight ? getComputedStyle(dialog).overflowY : 'fits',
          noSideways: dialog.scrollWidth <= dialog.clientWidth,
        };
      });
      const controls = await g.page.evaluate(dialogControlsReachable);
      expect(layout.fitsWidth, 'the dialog fits the width').toBe(true);
      expect(layout.noSideways, 'no sideways scrolling inside the dialog').toBe(true);
      expect(['fits', 'auto', 'scroll']).toContain(layout.scrollsInside);
      for (const c of controls) expect(c, `${c.what} reachable`).toMatchObject({ inView: true, hit: true });

      await g.confirmP1();
      const [sub] = await server.expect(1);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
    } finally {
      await g.close();
    }
  });

  it('light and dark screenshots of the dialog and its readiness section on the Copenhagen form (1280x900)', async () => {
    const update = process.env.E2E_UPDATE_SCREENSHOTS === '1' && name === 'chromium';
    const schemes: ('light' | 'dark')[] = name === 'chromium' ? ['light', 'dark'] : ['light'];
    for (const scheme of schemes) {
      const g = await newPage();
      try {
        await g.raw.setViewport(1280, 900);
        if (name === 'chromium') await g.raw.colorScheme(scheme);
        const w = zendeskCopenhagen();
        await openDialog(g, w);
        await sleep(250); // the opening animation
        if (scheme === 'dark') {
          const bg = await g.page.evaluate(() => {
            const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
            return getComputedStyle(dialog).backgroundColor;
          });
          expect(bg, 'the dialog follows prefers-color-scheme: dark').toBe('rgb(22, 25, 29)');
          expect(await axeViolations(g), 'no violation in the dark theme').toEqual([]);
        }
        const shoot = async (shot: string) => {
          const file = join(ARTIFACTS, `${shot}-${scheme}-${name}.png`);
          await g.raw.screenshot(file);
          if (update) {
            mkdirSync(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
            copyFileSync(file, join(REPO_ROOT, `docs/screenshots/${shot}-${scheme}.png`));
          }
        };
        await shoot('dialog');
        // What the ticket tells Support, scrolled into view within the dialog.
        const shown = await g.page.evaluate(() => {
          const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
          const section = dialog.querySelector('.pg-readiness');
          if (section) dialog.scrollTop += section.getBoundingClientRect().top - dialog.getBoundingClientRect().top - 24;
          return !!section;
        });
        expect(shown, 'the readiness section is in the dialog').toBe(true);
        await sleep(100);
        await shoot('readiness');
      } finally {
        await g.close();
      }
    }
  });
});
