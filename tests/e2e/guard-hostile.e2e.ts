// Odd and hostile pages: a page script firing synthetic events at the dialog, page CSS that
// resets everything, a strict Content-Security-Policy, a portal page without a ticket form,
// and a host that is not a portal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import {
  ARTICLE_URL,
  ARTIFACTS,
  NOT_A_PORTAL_URL,
  SETTLE_MS,
  expectedData,
  sleep,
  submittedData,
  until,
  useGuardBrowser,
  watchServer,
  zendeskSelect,
  type GuardPage,
} from './guard-helpers';

const portal = usePortal();

interface Box {
  action: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hit: boolean;
}

/** Geometry of the dialog and whether each control is the element a click at its centre hits. */
function dialogGeometry(g: GuardPage) {
  return g.page.evaluate(() => {
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    const dialog = root.querySelector('dialog')!;
    const rect = dialog.getBoundingClientRect();
    const style = getComputedStyle(dialog);
    const controls: Box[] = [...root.querySelectorAll<HTMLElement>('button, input[type="checkbox"]')].map((el) => {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      const hitEl = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        action: el.getAttribute('data-action') ?? el.getAttribute('value') ?? el.localName,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        hit: !!hitEl && (hitEl === el || el.contains(hitEl) || (hitEl.localName === 'label' && hitEl.contains(el))),
      };
    });
    return {
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      viewport: { width: innerWidth, height: innerHeight },
      fontSize: style.fontSize,
      display: style.display,
      visibility: style.visibility,
      opacity: style.opacity,
      controls,
    };
  });
}

describe.each(BROWSERS)('guard on odd pages: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);

  it('hostile: synthetic clicks, keys, checked=true and click() cannot tick, confirm, change or close the dialog', async () => {
    const g = await sharedPage();
    const w = zendeskSelect('hostile');
    const before = await g.openP1Form(w);
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();

    type LogEntry = { step: string; target: string; detail?: string; error?: string };
    const log = await g.page.evaluate(() =>
      (window as unknown as { __hostile: { attack(): Promise<LogEntry[]> } }).__hostile.attack(),
    );
    // The attack really reached into the dialog.
    expect(log.find((e) => e.step === 'open-shadow-root')?.detail).toBe('open');
    expect(log.filter((e) => e.step === 'set-checked-and-change')).toHaveLength(3);
    expect(log.filter((e) => e.step === 'element-click()').map((e) => e.target)).toContain('button[data-action="confirm"]');

    const state = await g.dialog();
    expect(state.open, 'the dialog is still open').toBe(true);
    expect(state.confirmDisabled, '"Submit as Priority 1" is still disabled').toBe(true);
    expect(state.checks, 'no checklist item is ticked').toEqual({ production: false, critical: false, 'no-workaround': false });
    await server.expect(0);
    expect(await g.submitCount()).toBe(0);
    expect(await g.priorityValue(), 'no synthetic "Change to" went through').toBe('urgent');
    expect(await g.fields()).toEqual(before);

    // The user can still use it, and the attempts the page made are not replayed.
    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
  });

  it('hostile: a page calling checkbox.click() on each checklist item cannot tick it', async () => {
    const g = await sharedPage();
    const w = zendeskSelect('hostile');
    await g.openForm(w);
    await w.choose(g, 1);
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();
    await g.page.evaluate(async () => {
      const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
      for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        box.click(); // an untrusted click; the browser's own input/change events that follow are trusted
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    const state = await g.dialog();
    expect(state.checks, 'no checklist item is ticked').toEqual({ production: false, critical: false, 'no-workaround': false });
    expect(state.confirmDisabled, '"Submit as Priority 1" is still disabled').toBe(true);
    await server.expect(0);
  });

  it('aggressive CSS: the dialog is visible, legible and usable with real clicks; confirm submits once', async () => {
    const g = await sharedPage();
    const w = zendeskSelect('aggressive-css');
    const before = await g.openP1Form(w);
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();
    await sleep(200); // the opening animation
    await g.raw.screenshot(join(ARTIFACTS, `aggressive-css-${name}.png`));
    const geometry = await dialogGeometry(g);
    expect(geometry).toMatchObject({ display: 'block', visibility: 'visible', opacity: '1', fontSize: '16px' });
    expect(geometry.rect.width).toBeGreaterThan(300);
    expect(geometry.rect.x).toBeGreaterThanOrEqual(0);
    expect(geometry.rect.x + geometry.rect.width).toBeLessThanOrEqual(geometry.viewport.width);
    for (const c of geometry.controls) {
      expect(c.width * c.height, `${c.action} has a size`).toBeGreaterThan(0);
      expect(c.hit, `${c.action} is what a click at its centre hits`).toBe(true);
    }

    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
  });

  it('strict CSP: the dialog and the note are styled, and confirm works', async () => {
    const g = await sharedPage();
    const w = zendeskSelect('zendesk-csp');
    await g.openForm(w);
    await w.choose(g, 1);
    await until(async () => (await g.note()).present, 'the P1 note');
    const noteStyle = await g.page.evaluate(() => {
      const note = document.querySelector('priority-guard-note')!.shadowRoot!.querySelector('.pg-note')!;
      const s = getComputedStyle(note);
      return { borderLeftWidth: s.borderLeftWidth, borderLeftStyle: s.borderLeftStyle };
    });
    expect(noteStyle, 'the note is styled').toEqual({ borderLeftWidth: '4px', borderLeftStyle: 'solid' });

    const before = await g.fields();
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();
    const styles = await g.page.evaluate(() => {
      const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
      const dialog = getComputedStyle(root.querySelector('dialog')!);
      const back = getComputedStyle(root.querySelector('button[data-action="back"]')!);
      const change = getComputedStyle(root.querySelector('button[data-action="change"]')!);
      const title = getComputedStyle(root.querySelector('h2')!);
      return {
        dialogRadius: dialog.borderTopLeftRadius,
        dialogBorder: dialog.borderTopWidth,
        backBorder: `${back.borderTopWidth} ${back.borderTopStyle}`,
        backRadius: back.borderTopLeftRadius,
        changeBackground: change.backgroundColor,
        changeColor: change.color,
        titleSize: title.fontSize,
      };
    });
    expect(styles).toMatchObject({
      dialogRadius: '10px',
      dialogBorder: '2px',
      backBorder: '2px solid',
      backRadius: '6px',
      titleSize: '22px',
    });
    expect(styles.changeBackground, 'the primary button has its accent background').not.toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(239, 239, 239\)$|^rgb\(233, 233, 237\)$/);
    expect(styles.changeBackground).not.toBe(styles.changeColor);

    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
    const cspComplaints = g.raw.console.filter((m) => /Content[- ]Security[- ]Policy|CSP/i.test(m.text));
    expect(cspComplaints, 'no CSP violation reports').toEqual([]);
  });

  it('article page: the guard idles, shows nothing and logs no error', async () => {
    const g = await sharedPage();
    await g.open(ARTICLE_URL);
    await g.page.waitFor('html[data-priority-guard="idle"]', { timeout: 5_000 });
    await sleep(SETTLE_MS);
    expect(await g.mark()).toBe('idle');
    const found = await g.page.evaluate(() => ({
      dialog: !!document.querySelector('priority-guard-dialog'),
      note: !!document.querySelector('priority-guard-note'),
    }));
    expect(found).toEqual({ dialog: false, note: false });
    expect(g.page.errors).toEqual([]);
    expect(g.raw.console.filter((m) => m.type === 'error')).toEqual([]);
    expect(await g.dialogEverSeen()).toBe(false);
  });

  it('a host that is not a portal: the guard is absent and a P1 goes straight through', async () => {
    const g = await sharedPage();
    const w = zendeskSelect();
    await g.open(NOT_A_PORTAL_URL);
    expect(await g.page.evaluate(() => location.origin)).toBe('https://www.example.org');
    await sleep(SETTLE_MS);
    expect(await g.mark()).toBeNull();
    await g.fill(w.fill);
    await w.choose(g, 1);
    const before = await g.fields();
    const server = watchServer(browser());
    await g.clickSubmit(w);
    const [sub] = await server.expect(1);
    expect(sub!.host).toBe('www.example.org');
    expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
    expect(await g.dialogEverSeen()).toBe(false);
  });
});
