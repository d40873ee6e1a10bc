// The guard's guarantees, each on the replica page that puts it to the test:
//   - it never reacts to its own UI, nor to page buttons that do not submit the form
//     (salesforce-bare: no <main>, no <form>; form-buttons: typeless buttons in the form);
//   - a confirmed P1 is asked about once, also when the page submits it later (async-submit);
//   - a dialog whose form left the page says so and waits for the user (spa);
//   - nothing a page can fake switches it off or takes its dialog away (hostile-events);
// and the findings of the review: the organisation's option texts, a level set from the
// popup while the dialog is open, and a held P1 resumed after another level was submitted.
// Each checks what the replica server received: exactly what was expected, and nothing else.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import {
  SETTLE_MS,
  asyncSubmit,
  expectedData,
  fixtureUrl,
  formButtons,
  openExtensionPage,
  salesforceBare,
  setUserSettings,
  settle,
  sleep,
  submittedData,
  tabIdOf,
  until,
  watchServer,
  useGuardBrowser,
  zendeskCopenhagen,
  zendeskSelect,
  type GuardPage,
} from './guard-helpers';

const portal = usePortal();

/** window.__fixture.clicks: the page's own buttons whose click handler ran. */
const pageClicks = (g: GuardPage) => g.page.evaluate(() => (window as unknown as { __fixture: { clicks: string[] } }).__fixture.clicks);

/** The page's own buttons on salesforce-bare: id (what __fixture.clicks records), label, the element its handler shows. */
const BARE_BUTTONS = [
  { id: 'open-chat', label: 'Open chat', shows: 'chat-window' },
  { id: 'send-feedback', label: 'Send feedback', shows: 'feedback-thanks' },
  { id: 'create-post', label: 'Create post', shows: 'post-composer' },
] as const;

const isShown = (g: GuardPage, id: string) =>
  g.page.evaluate((elementId: string) => {
    const el = document.getElementById(elementId);
    if (!el || el.hidden) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }, id);

/** What the dialog shows once its form has left the page (spa). */
function formGoneState(g: GuardPage) {
  return g.page.evaluate(() => {
    const host = document.querySelector('priority-guard-dialog');
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector('dialog.pg-dialog') ?? null;
    const status = root?.querySelector('.pg-status[role="alert"]') ?? null;
    return {
      present: !!host,
      open: !!dialog?.hasAttribute('open'),
      state: dialog?.getAttribute('data-state') ?? null,
      status: (status?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      confirm: !!root?.querySelector('button[data-action="confirm"]'),
      back: !!root?.querySelector('button[data-action="back"]'),
    };
  });
}

/** A native select's type-ahead buffer (1 s in Firefox and Chromium): wait it out before the next letter. */
const TYPE_AHEAD_MS = 1_100;

/** The organisation's entry for Puppet Support: its own option texts (High is its P1). */
const ORGANISATION_PORTAL = {
  name: 'Puppet Support (Example Corp)',
  matches: ['https://support.puppet.com/hc/*'],
  newTicketUrl: 'https://support.puppet.com/hc/en-us/requests/new',
  labels: { High: 1, Urgent: 2 },
};
type EffectiveConfig = { portals?: { builtIn?: boolean; labels?: Record<string, number> }[] } | undefined;

describe.each(BROWSERS)('guard guarantees: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);

  // ---- (a) salesforce-bare: the case form straight in <body>, page buttons around it ----
  describe('guarantee: the guard never reacts to its own UI, nor to page buttons that are not the submit button (salesforce-bare)', () => {
    it('Sev 1, Submit, all ticked, "Submit as Priority 1": exactly one submission, at Priority 1', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(salesforceBare);
      // The page is what this is about: no <main>, no [role=main], no <form> anywhere.
      expect(await g.page.evaluate(() => document.querySelectorAll('main, [role="main"], form').length)).toBe(0);
      expect(before.Priority).toBe('1');
      const server = watchServer(browser());
      await g.clickSubmit(salesforceBare);
      await g.waitDialog();
      await server.expect(0);

      await g.confirmP1();
      const [sub] = await server.expect(1, 5_000);
      expect(sub!.path).toBe('/s/sfsites/submit-case');
      expect(submittedData(sub!)).toEqual(expectedData(salesforceBare, before, 'button'));
      expect(await g.dialogInsertions(), 'the dialog was opened once').toBe(1);
      expect(g.page.errors).toEqual([]);
    });

    it('with Sev 1 selected, "Open chat", "Send feedback" and "Create post" open no dialog; the page\'s handlers run', async () => {
      const g = await sharedPage();
      await g.openP1Form(salesforceBare);
      const server = watchServer(browser());
      for (const button of BARE_BUTTONS) {
        await g.page.click(`#${button.id}`);
        await sleep(SETTLE_MS);
        expect(await g.dialogEverSeen(), `no dialog after "${button.label}"`).toBe(false);
        expect(await isShown(g, button.shows), `"${button.label}" showed #${button.shows}`).toBe(true);
      }
      expect(await pageClicks(g)).toEqual(BARE_BUTTONS.map((b) => b.id));
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);
      expect(await g.priorityValue()).toBe('1');
    });
  });

  // ---- (b) form-buttons: buttons in the <form> that are not its submit button ----
  describe('guarantee: only a click that really submits the form is held; the page\'s other buttons work (form-buttons)', () => {
    it('Urgent: "Add attachment" (typeless, cancels itself) and "Preview" work with no dialog; the typeless Submit is held; confirmed, one submission', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(formButtons);
      const server = watchServer(browser());

      await g.page.click('form#new_request button.add-attachment');
      await sleep(SETTLE_MS);
      expect(await g.dialogEverSeen(), 'no dialog after "Add attachment"').toBe(false);
      expect(await isShown(g, 'attachment-panel'), 'the attachment panel opened').toBe(true);
      expect(server.list, 'nothing submitted').toHaveLength(0);

      await g.page.click('form#new_request button.preview-request');
      await sleep(SETTLE_MS);
      expect(await g.dialogEverSeen(), 'no dialog after "Preview"').toBe(false);
      expect(await pageClicks(g)).toEqual(['add-attachment', 'preview']);
      expect(server.list, 'nothing submitted').toHaveLength(0);
      expect(await g.submitCount()).toBe(0);

      await g.clickSubmit(formButtons);
      await g.waitDialog();
      await server.expect(0);
      await g.confirmP1();
      const [sub] = await server.expect(1, 5_000);
      // The typeless Submit has no name: the data is exactly the form's.
      expect(submittedData(sub!)).toEqual(before);
      expect(submittedData(sub!)['request[priority]']).toBe('urgent');
    });
  });

  // ---- (c) async-submit: the page's own click handler submits 400 ms later ----
  describe('guarantee: a confirmed P1 is asked about once, also when the page submits it later (async-submit)', () => {
    it('Urgent, Submit, confirmed: after the page\'s 400 ms check, exactly one submission; the dialog opened once', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(asyncSubmit);
      const server = watchServer(browser());
      await g.clickSubmit(asyncSubmit);
      await g.waitDialog();
      await server.expect(0);
      await g.confirmP1();

      // The page checks for 400 ms, then calls form.requestSubmit().
      await until(async () => server.list.length > 0 || (await g.dialogInsertions()) > 1, 'a submission (or a second dialog)', 5_000).catch(() => undefined);
      await sleep(400 + SETTLE_MS); // a second dialog would come now
      expect(await settle(() => g.dialogInsertions(), () => true, 2_000), 'the dialog was opened exactly once').toBe(1);
      const [sub] = await server.expect(1, 3_000);
      expect(submittedData(sub!)).toEqual(before);
      expect(submittedData(sub!)['request[priority]']).toBe('urgent');
    });
  });

  // ---- (d) spa: the page replaces the <form> while the dialog is open ----
  describe('guarantee: a dialog whose form left the page says nothing was submitted, and stays until the user goes back (spa)', () => {
    it('P1 dialog open, the page switches forms: the dialog stays with data-state="form-gone", an alert, no confirm; Back closes it; nothing submitted', async () => {
      const g = await sharedPage();
      const spa = zendeskCopenhagen('spa');
      await g.open(fixtureUrl('spa'));
      await g.page.click('#spa-view a[data-spa-link="form"]');
      await g.waitArmed(3_000);
      await spa.choose(g, 1);
      const server = watchServer(browser());
      await g.clickSubmit(spa);
      await g.waitDialog();

      await g.page.evaluate(() => (window as unknown as { __fixture: { switchForm(): void } }).__fixture.switchForm());
      await until(() => g.page.evaluate(() => (window as unknown as { __fixture: { formsMounted: number } }).__fixture.formsMounted === 2), 'the second form');
      const state = await settle(() => formGoneState(g), (s) => s.state === 'form-gone' && s.status !== '', 3_000);
      expect(state, 'the dialog after its form left the page').toMatchObject({ present: true, open: true, state: 'form-gone', confirm: false, back: true });
      expect(state.status).toContain('Nothing was submitted');
      // It stays: nothing but the user closes it.
      await sleep(SETTLE_MS);
      expect(await formGoneState(g)).toMatchObject({ present: true, open: true, state: 'form-gone' });

      await g.clickBack();
      const closed = await settle(() => formGoneState(g), (s) => !s.present || !s.open, 2_000);
      expect(closed.present && closed.open, '"Back to form" closed the dialog').toBe(false);
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);
    });
  });

  // ---- (e) hostile-events: the page fakes the guard's signals and removes its dialog ----
  describe('guarantee: nothing a page can fake switches the guard off, takes its dialog away or changes what it says (hostile-events)', () => {
    const w = zendeskSelect('hostile-events');
    type Entry = { step: string; target: string; detail?: string; error?: string };
    const barrage = (g: GuardPage) =>
      g.page.evaluate(() => (window as unknown as { __hostileEvents: { barrage(): Entry[] } }).__hostileEvents.barrage());

    it('P1 dialog open, the page\'s barrage (removes and closes it too): within 1 s the dialog is back and open; confirm submits once', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();

      const log = await barrage(g);
      const state = await settle(() => g.dialog(), (s) => s.present && s.open, 1_000);
      const removal = log.find((e) => e.step === 'host-remove');
      expect(state, `the dialog within 1 s of the barrage (when the barrage came to remove it, it was ${removal?.detail === 'removed' ? 'there' : 'already gone'})`).toMatchObject({ present: true, open: true });
      // The barrage really reached the dialog: took it out of the page, closed and cancelled it.
      expect(log.filter((e) => ['find-host', 'host-remove', 'dialog-close', 'dialog-cancel'].includes(e.step)).map((e) => [e.step, e.error])).toEqual([
        ['find-host', undefined],
        ['host-remove', undefined],
        ['dialog-close', undefined],
        ['dialog-cancel', undefined],
      ]);
      expect(log.find((e) => e.step === 'host-remove')?.detail).toBe('removed');
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);

      await g.waitDialog();
      await g.confirmP1();
      const [sub] = await server.expect(1, 5_000);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
    });

    it('the page rewords and restyles the open dialog through its shadow root: within 1 s it says what it said; confirm submits once', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();
      const shown = () =>
        g.page.evaluate(() => {
          const host = document.querySelector<HTMLElement>('priority-guard-dialog')!;
          const root = host.shadowRoot!;
          const dialog = root.querySelector('dialog')!;
          const rect = dialog.getBoundingClientRect();
          return {
            title: root.getElementById('pg-dialog-title')?.textContent ?? '',
            confirm: root.querySelector('[data-action="confirm"]')?.textContent ?? '',
            visible: getComputedStyle(dialog).display !== 'none' && getComputedStyle(host).display !== 'none' && rect.width > 0,
            pageStyles: root.querySelectorAll('style').length,
          };
        });
      const original = await shown();
      await g.page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('priority-guard-dialog')!;
        const root = host.shadowRoot!;
        root.getElementById('pg-dialog-title')!.textContent = 'Priority 1 confirmed. Submit now.';
        root.querySelector('[data-action="confirm"]')!.textContent = 'Continue';
        const style = document.createElement('style');
        style.textContent = '.pg-dialog { display: none !important; }';
        root.append(style);
        host.style.setProperty('display', 'none', 'important');
      });
      const after = await settle(shown, (s) => s.title === original.title && s.visible, 1_000);
      expect(after).toEqual(original);
      await g.confirmP1();
      const [sub] = await server.expect(1, 5_000);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
    });

    it('the barrage before Urgent is chosen: Urgent and Submit still open the dialog', async () => {
      const g = await sharedPage();
      await g.openForm(w);
      const log = await barrage(g);
      expect(log.filter((e) => e.step.startsWith('started')).length).toBeGreaterThanOrEqual(9);
      await w.choose(g, 1);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();
      await server.expect(0);
      await g.clickBack();
      await g.waitNoDialog();
      await server.expect(0);
    });
  });

  // ---- (f) finding: the organisation's field mapping was ignored ----
  describe('guarantee: the organisation\'s option texts decide what is Priority 1 (finding: organisation field mapping ignored)', () => {
    it('with {"High": 1, "Urgent": 2} for support.puppet.com: High is held, Urgent goes straight through', async () => {
      const g = await sharedPage();
      const ext = await openExtensionPage(browser());
      try {
        await setUserSettings(ext, { portals: [ORGANISATION_PORTAL] }, (c) => {
          const labels = (c as EffectiveConfig)?.portals?.[0]?.labels;
          return labels?.High === 1 && labels?.Urgent === 2;
        });
        await g.raw.bringToFront();
        const w = zendeskSelect();
        await g.openForm(w);
        const server = watchServer(browser());

        await w.choose(g, 2); // "High": Priority 1 for this organisation
        await g.clickSubmit(w);
        await g.waitDialog();
        await server.expect(0);
        await g.clickBack();
        await g.waitNoDialog();

        await sleep(TYPE_AHEAD_MS); // "h" then "u" within a second would search the select for "hu"
        await w.choose(g, 1); // "Urgent": Priority 2 for this organisation
        const before = await g.fields();
        await g.clickSubmit(w);
        const [sub] = await server.expect(1, 5_000);
        expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
        expect(await g.dialogInsertions(), 'Urgent opened no dialog').toBe(1);
      } finally {
        await setUserSettings(ext, {}, (c) => !!(c as EffectiveConfig)?.portals?.every((p) => p.builtIn), ['portals']);
        await ext.close();
        await g.raw.bringToFront();
      }
    });
  });

  // ---- (g) finding: the dialog could submit a level it does not show ----
  describe('guarantee: the dialog never stays over a level it does not show (finding: the dialog can submit a level it does not show)', () => {
    it('P1 dialog open, the popup sets Priority 2: the dialog goes within 2 s, the form shows High; Submit sends High with no dialog', async () => {
      const g = await sharedPage();
      const w = zendeskSelect();
      const marker = `pg-tab=${Date.now()}`;
      await g.openForm(w, `&${marker}`);
      await w.choose(g, 1);
      const before = await g.fields();
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();

      const ext = await openExtensionPage(browser(), 'popup.html');
      let state;
      try {
        const tabId = await tabIdOf(ext, marker);
        // What the popup's "Use Priority 2 on this ticket" sends to the tab.
        const answer = await ext.evaluate(
          (id: number) => ((globalThis as { browser?: typeof chrome }).browser ?? chrome).tabs.sendMessage(id, { type: 'set-level', level: 2 }),
          tabId,
        );
        expect(answer).toMatchObject({ type: 'set-level-result', ok: true });
        state = await settle(() => g.dialog(), (s) => !s.present, 2_000);
      } finally {
        await ext.close();
        await g.raw.bringToFront();
      }
      expect(state.present, 'the dialog is gone within 2 s of the change').toBe(false);
      expect(await g.domPriority(w)).toEqual({ value: 'high', shown: 'High' });
      expect(server.list, 'nothing submitted').toHaveLength(0);
      expect(await g.submitCount()).toBe(0);

      await g.clickSubmit(w);
      const [sub] = await server.expect(1, 5_000);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button', 'high'));
      expect(await g.dialogInsertions(), 'High opened no dialog').toBe(1);
    });
  });
  // ---- (h) finding: a held P1 was sent twice (Chromium: the UI script loads slowly on a cold MV3 service worker) ----
  // Defined for Chromium only (not skipped in Firefox): a skip must always mean "could not run".
  if (name === 'chromium') describe('guarantee: a P1 held while the dialog loads is never sent after the user submitted another level (finding: a held P1 is sent twice)', () => {
    // The guard's note and dialog are injected by the background on request. On a cold MV3
    // service worker that answer can be slow: a P1 submitted meanwhile is held until the UI
    // is there. Here the service worker is paused in the debugger (CDP) before the page
    // arms, so the UI is deterministically late; the portal's answer to the submission is
    // held too (CDP Fetch, response stage: the server has the POST), so the page is still
    // there when the UI arrives. Firefox's MV2 background page is persistent: no cold start.
    it('Urgent submitted while the UI loads, then High submitted: exactly one submission, at high', async () => {
      const g = await sharedPage();
      const w = zendeskSelect();
      const { page, context } = g.raw.chromium!;
      // Wake the service worker (the guard asks it for its UI), then find it.
      await g.openForm(w);
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(browser().extensionUrl('')));
      if (!worker) throw new Error(`the extension's service worker is not running: ${JSON.stringify(targetInfos.map((t) => t.url))}`);
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
      let nextId = 0;
      let workerPaused = false;
      const answers = new Map<number, (message: unknown) => void>();
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; method?: string };
        if (message.id !== undefined) answers.get(message.id)?.(message);
        if (message.method === 'Debugger.paused') workerPaused = true;
      });
      /** A CDP command in the service worker's session; gives up after 3 s. */
      const inWorker = (method: string) =>
        new Promise((resolve, reject) => {
          const id = ++nextId;
          const timer = setTimeout(() => reject(new Error(`no answer to ${method} from the service worker`)), 3_000);
          answers.set(id, (message) => {
            clearTimeout(timer);
            resolve(message);
          });
          cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
        });
      const heldResponses: string[] = [];
      cdp.on('Fetch.requestPaused', (event: { requestId: string }) => heldResponses.push(event.requestId));
      const releaseResponses = async () => {
        for (const requestId of heldResponses.splice(0)) await cdp.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
        await cdp.send('Fetch.disable').catch(() => undefined);
      };
      try {
        await inWorker('Debugger.enable');
        await inWorker('Debugger.pause'); // at the next thing it runs: the guard's request for its UI

        // A fresh page: the guard arms and asks for its UI, which does not come.
        await g.openForm(w);
        await until(() => workerPaused, 'the service worker to pause on the guard\'s request for its UI', 3_000);
        await w.choose(g, 1);
        const server = watchServer(browser());
        await g.clickSubmit(w);
        await sleep(SETTLE_MS);
        expect((await g.dialog()).present, 'no dialog yet: its script is not there').toBe(false);
        expect(server.list, 'the Urgent submission is held').toHaveLength(0);

        // The user changes their mind before the dialog appears, and submits High.
        await w.choose(g, 2);
        const before = await g.fields();
        await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/hc/en-us/requests', requestStage: 'Response' }] });
        // A real click that does not wait for the navigation (its response is held).
        await page.locator(g.sel(...w.submit)).first().click({ noWaitAfter: true, timeout: 5_000 });
        await until(() => server.list.length >= 1, 'the High submission at the replica server', 5_000);

        // Now the UI arrives (the page is still there: the portal has not answered yet).
        await inWorker('Debugger.resume');
        await sleep(1_000);
        const subs = server.list;
        expect(subs.map((s) => submittedData(s)['request[priority]']), 'submissions at the server').toEqual(['high']);
        expect(submittedData(subs[0]!)).toEqual(expectedData(w, before, 'button'));
      } finally {
        await inWorker('Debugger.resume').catch(() => undefined);
        await inWorker('Debugger.disable').catch(() => undefined);
        await releaseResponses();
        await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        await cdp.detach().catch(() => undefined);
      }
    });
  });
});
