// The dialog's ways out (confirm, back; "change" is in guard-widgets), every way a P1 submission can start,
// a level changed by the page without events, and forms that appear late or are replaced.
// Each path checks the server got exactly what was expected, and nothing else.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import {
  ariaCombobox,
  expectedData,
  fixtureUrl,
  HOST,
  salesforceLwr,
  sleep,
  submittedData,
  until,
  useGuardBrowser,
  watchServer,
  zendeskCopenhagen,
  zendeskSelect,
  type GuardPage,
} from './guard-helpers';

const portal = usePortal();

const select = zendeskSelect();
const copenhagen = zendeskCopenhagen();

/** Keyboard only: Tab until the focused element in the dialog satisfies `want`. */
async function tabTo(g: GuardPage, want: (f: Awaited<ReturnType<GuardPage['focused']>>) => boolean, what: string) {
  for (let i = 0; i < 25; i++) {
    await g.page.press('Tab');
    const f = await g.focused();
    expect(f.inDialog, `Tab left the dialog while looking for ${what}: ${f.path.join(' > ')}`).toBe(true);
    if (want(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe.each(BROWSERS)('guard paths: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);

  // ---- (b) Submit as Priority 1, with the mouse ----
  describe.each([select, copenhagen, salesforceLwr].map((w) => [w.fixture, w] as const))('confirm on %s', (_f, w) => {
    it('ticking all three (real clicks) enables "Submit as Priority 1": exactly one submission, data intact', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();

      // The suggestion follows what is ticked; confirm waits for all three.
      const step = async (box: string, suggestion: string | null, confirmDisabled: boolean) => {
        await g.tick(box);
        const s = await g.dialog();
        expect(s.confirmDisabled, `after ${box}`).toBe(confirmDisabled);
        if (suggestion) expect(s.changes[0], `after ${box}`).toMatchObject({ text: `Change to Priority ${suggestion}` });
        else expect(s.changes.map((c) => c.text)).not.toContainEqual(expect.stringMatching(/^Change to/));
      };
      await step('production', '3', true);
      await step('critical', '2', true);
      await step('critical', '3', true); // unticked again
      await step('no-workaround', '2', true);
      await step('critical', null, false);
      await server.expect(0);

      await g.clickConfirm();
      const [sub] = await server.expect(1);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
      expect(g.page.errors).toEqual([]);
    });
  });

  // ---- (c) Back to form: the button, and Escape ----
  describe.each([select, copenhagen, salesforceLwr].map((w) => [w.fixture, w] as const))('back on %s', (_f, w) => {
    it('"Back to form" closes, submits nothing, keeps the data, puts the caret at the end of the description the ticket lacks something in; the guard asks again', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();
      expect((await g.focused()).inDialog, 'focus moves into the dialog').toBe(true);
      await g.tick('production');
      await g.clickBack();
      await g.waitNoDialog();
      // The ticket lacks the support script and the business impact: back to the description, to add them.
      expect(await g.caretAtEnd(w.description), `caret at the end of the description: ${(await g.focused()).path.join(' > ')}`).toBe(true);
      expect(await g.fields()).toEqual(before);
      expect((await g.note()).present, 'the P1 note stays while P1 is selected').toBe(true);
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);

      // A second attempt is stopped again, with a fresh checklist.
      await g.clickSubmit(w);
      await g.waitDialog();
      expect((await g.dialog()).checks).toEqual({ production: false, critical: false, 'no-workaround': false });
      await g.clickBack();
      await g.waitNoDialog();
      await server.expect(0);
    });

    it('Escape closes like "Back to form": the caret at the end of the description', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      // Open it from a text field this time (Enter there, or the button for Salesforce which has no form).
      if (w.kind === 'salesforce') await g.clickSubmit(w);
      else {
        await g.clickPath(w.subject);
        await g.page.press('Enter');
      }
      await g.waitDialog();
      await g.page.press('Escape');
      await g.waitNoDialog();
      expect(await g.caretAtEnd(w.description), `focus: ${(await g.focused()).path.join(' > ')}`).toBe(true);
      expect(await g.fields()).toEqual(before);
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);
    });
  });

  // ---- Submission triggers other than the button, each stopped, then confirmed ----
  describe.each([select, copenhagen].map((w) => [w.fixture, w] as const))('triggers on %s', (_f, w) => {
    it('Enter in the subject field is stopped; confirmed by keyboard only (Tab/Space): one submission', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.clickPath(w.subject);
      await g.page.press('Enter');
      await g.waitDialog();
      await server.expect(0);
      expect((await g.focused()).inDialog, 'focus moves into the dialog').toBe(true);

      for (const box of ['production', 'critical', 'no-workaround']) {
        const f = await tabTo(g, (x) => x.type === 'checkbox' && x.value === box, `checkbox ${box}`);
        expect(f.outline, 'visible keyboard focus').not.toMatch(/^none/);
        await g.page.press(' ');
      }
      expect((await g.dialog()).checks).toEqual({ production: true, critical: true, 'no-workaround': true });
      const f = await tabTo(g, (x) => x.action === 'confirm', 'Submit as Priority 1');
      expect(f.outline, 'visible keyboard focus').not.toMatch(/^none/);
      await g.page.press(' ');
      const [sub] = await server.expect(1);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'enter'));
    });

    it('the page calling form.requestSubmit() is stopped; confirmed, it submits once', async () => {
      const g = await sharedPage();
      const before = await g.openP1Form(w);
      const server = watchServer(browser());
      await g.page.evaluate(() => {
        const form = document.querySelector('form#new_request, #new-request-form form') as HTMLFormElement;
        form.requestSubmit();
      });
      await g.waitDialog();
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);
      await g.confirmP1();
      const [sub] = await server.expect(1);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'requestSubmit'));
    });
  });

  // ---- The level is read at submit time, even when the page changed it without events ----
  it('Copenhagen: a P3 turned into Urgent by the page (no events) is stopped', async () => {
    const g = await sharedPage();
    await g.openForm(copenhagen);
    await copenhagen.choose(g, 3);
    await g.page.evaluate(() => (window as unknown as { __fixture: { setPriorityWithoutEvents(v: string): void } }).__fixture.setPriorityWithoutEvents('urgent'));
    expect(await g.priorityValue()).toBe('urgent');
    const server = watchServer(browser());
    await g.clickSubmit(copenhagen);
    await g.waitDialog();
    await server.expect(0);
    expect(await g.submitCount()).toBe(0);
  });

  it('Copenhagen: an Urgent turned into Low by the page (no events) passes at once', async () => {
    const g = await sharedPage();
    await g.openForm(copenhagen);
    await copenhagen.choose(g, 1);
    await g.page.evaluate(() => (window as unknown as { __fixture: { setPriorityWithoutEvents(v: string): void } }).__fixture.setPriorityWithoutEvents('low'));
    const before = await g.fields();
    expect(before['request[priority]']).toBe('low');
    const server = watchServer(browser());
    await g.clickSubmit(copenhagen);
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(copenhagen, before, 'button'));
    expect(await g.dialogEverSeen()).toBe(false);
  });

  it.each([
    [select.fixture, select, 'urgent'],
    [salesforceLwr.fixture, salesforceLwr, '1'],
    [ariaCombobox.fixture, ariaCombobox, '10000'],
  ] as const)('%s: a level set to P1 by the page without events is stopped', async (_f, w, p1) => {
    const g = await sharedPage();
    await g.openForm(w);
    await w.choose(g, 3);
    await g.page.evaluate((v: string) => (window as unknown as { __fixture: { setPriorityWithoutEvents(v: string): void } }).__fixture.setPriorityWithoutEvents(v), p1);
    expect(await g.priorityValue()).toBe(p1);
    const server = watchServer(browser());
    await g.clickSubmit(w);
    await g.waitDialog();
    await server.expect(0);
  });

  // ---- A page still loading: the guard looks for the field when a submission starts ----
  it('a P1 submitted while the page is still loading is stopped; Escape keeps what was typed; confirmed, it submits once', async () => {
    // The replica sends the page up to the form, then holds the rest: the portal's own
    // scripts (deferred modules) have not run yet, so only plain DOM is used here.
    const g = await sharedPage();
    await g.page.goto(fixtureUrl(select.fixture, '&hold=20000'), { until: 'commit' });
    await g.page.waitFor(g.sel(...select.submit), { state: 'visible' });
    const state = () =>
      g.page.evaluate(() => ({
        readyState: document.readyState,
        subject: document.querySelector<HTMLInputElement>('#request_subject')!.value,
        priority: document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!.value,
      }));
    expect((await state()).readyState).toBe('loading');
    expect(await g.mark()).toBe('idle'); // nothing looked for yet: the parser is still at work
    await g.page.type('#request_subject', 'Puppet Server is down');
    await g.page.click('label[for="request_priority"]');
    await g.page.press('u');
    const typed = { readyState: 'loading', subject: 'Puppet Server is down', priority: 'urgent' };
    expect(await state()).toEqual(typed);
    const server = watchServer(browser());
    await g.clickSubmit(select);
    await g.waitDialog();
    expect(await g.mark()).toBe('armed');
    await server.expect(0);
    await g.page.press('Escape');
    await g.page.waitFor(HOST, { state: 'hidden' });
    expect(await state()).toEqual(typed);
    await server.expect(0);
    await g.clickSubmit(select);
    await g.waitDialog();
    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toMatchObject({ 'request[subject]': 'Puppet Server is down', 'request[priority]': 'urgent' });
  });

  // ---- Forms that appear late or are replaced ----
  it('late-form: idle until the form is inserted, then arms and stops P1; confirmed, one submission', async () => {
    const g = await sharedPage();
    const late = zendeskSelect('late-form');
    await g.open(fixtureUrl('late-form'));
    expect(await g.mark()).toBe('idle');
    await g.page.evaluate(() => (window as unknown as { __fixture: { ready: Promise<boolean> } }).__fixture.ready);
    await g.waitArmed(3_000);
    await g.fill(late.fill);
    await late.choose(g, 1);
    const before = await g.fields();
    const server = watchServer(browser());
    await g.clickSubmit(late);
    await g.waitDialog();
    await server.expect(0);
    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(late, before, 'button'));
  });

  it('form-insertions: a form the page removes, with no user input, is let go and the next one armed', async () => {
    const g = await sharedPage();
    await g.open(fixtureUrl('form-insertions'));
    await g.page.waitFor('html[data-priority-guard="idle"]', { timeout: 5_000 });
    // Each time: the form is inserted, the guard must arm; it is removed, the guard must go
    // back to idle (within 2 s, or insertions() throws). Only the page acts: nothing asks
    // the guard for the field, so it must notice the removal by itself.
    type Insertions = { __fixture: { insertions(o: { count: number; timeoutMs: number }): Promise<{ latenciesMs: number[]; timeouts: number }> } };
    const run = await g.page.evaluate(() => (window as unknown as Insertions).__fixture.insertions({ count: 5, timeoutMs: 2_000 }));
    expect(run.timeouts).toBe(0);
    expect(run.latenciesMs).toHaveLength(5);
    expect(await g.mark()).toBe('idle');
  });

  it('spa: arms after pushState, and again on the form that replaces it', async () => {
    const g = await sharedPage();
    const spa = zendeskCopenhagen('spa');
    type Spa = { __fixture: { formsMounted: number; app: { ticketFormId: string } | null } };
    await g.open(fixtureUrl('spa'));
    expect(await g.mark()).toBe('idle');
    await g.page.click('#spa-view a[data-spa-link="form"]');
    await g.waitArmed(3_000);
    expect(await g.page.url()).toContain('step=form');
    await spa.choose(g, 1);
    const server = watchServer(browser());
    await g.clickSubmit(spa);
    await g.waitDialog();
    await g.clickBack();
    await g.waitNoDialog();

    // "Switch form": the whole <form> is replaced by a new one (another ticket form).
    await g.page.click('#switch-form');
    await until(() => g.page.evaluate(() => (window as unknown as Spa).__fixture.formsMounted === 2), 'the second form');
    expect(await g.page.evaluate(() => (window as unknown as Spa).__fixture.app?.ticketFormId)).toBe('360002');
    await g.waitArmed(3_000);
    await g.fill({
      values: {
        'request[anonymous_requester_email]': 'ada@example.com',
        'request[subject]': 'License key rejected',
        'request[description]': 'The console says the key expired.',
        'request[custom_fields][360078]': 'a1b2c3',
      },
      files: {},
      widgets: { 'request[custom_fields][360098]': 'bolt' },
    });
    await spa.choose(g, 1);
    const before = await g.fields();
    expect(before['request[ticket_form_id]']).toBe('360002');
    await g.clickSubmit(spa);
    await g.waitDialog();
    await server.expect(0);
    await g.confirmP1();
    const [sub] = await server.expect(1);
    expect(submittedData(sub!)).toEqual(expectedData(spa, before, 'button'));
    await sleep(0);
  });
});
