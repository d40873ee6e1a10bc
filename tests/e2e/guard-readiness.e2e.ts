// Ticket readiness in the P1 dialog (issue 13): what the ticket tells Support, read from the
// replica form as it is when the P1 is stopped (a plain textarea, Copenhagen's rich editor,
// file inputs and upload lists, the form's own version field); the help to add what is
// missing; and where "Back to form" leaves the caret. Both browsers.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import { fixtureUrl, useGuardBrowser, watchServer, zendeskCopenhagen, zendeskSelect, type GuardPage, type Widget } from './guard-helpers';

const portal = usePortal();

/** The readiness list in the open dialog: essential id → state, and the found evidence. */
function readiness(g: GuardPage) {
  return g.page.evaluate(() => {
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    const items = [...root.querySelectorAll('[data-essential]')].map((li) => ({
      id: li.getAttribute('data-essential'),
      state: li.getAttribute('data-state'),
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
    return { items, summary: root.querySelector('.pg-readiness-summary')?.textContent ?? null };
  });
}

/** Every essential, on one line (the replica's fill() sets values, and browsers send CRLF). */
const COMPLETE =
  'Since 09:10 UTC today the console is down in production for all 300 users. Nothing changed before it broke. We run PE 2023.8.1. I ran the support script and uploaded its output.';
/** Since when and the version; no change, no support script, no business impact. */
const PARTIAL = 'Since 09:10 UTC every agent run fails on PE 2023.8.1.';
const HEADINGS_FOR_PARTIAL = ['What was different just before:', 'Support script output:', 'Business impact (who or what in production is hit):'].join('\n');
/** Where Copenhagen's rich editor is typed in. */
const EDITOR = '#new-request-form .ck-editor__editable';

function descriptionOf(g: GuardPage): Promise<string> {
  return g.page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#request_description')!.value);
}

const stateOf = (r: Awaited<ReturnType<typeof readiness>>) => Object.fromEntries(r.items.map((i) => [i.id, i.state]));

/** Opens the form, fills it with `description` and `file`, chooses P1 and submits: the dialog is open. */
async function p1With(g: GuardPage, w: Widget, description: string, file: string | null) {
  await g.openForm(w);
  await g.fill({
    values: { 'request[description]': description },
    files: file ? { 'request[attachments][]': file } : {},
    widgets: {},
  });
  await w.choose(g, 1);
  await g.clickSubmit(w);
  await g.waitDialog();
}

describe.each(BROWSERS)('ticket readiness in the P1 dialog: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);
  const w = zendeskSelect();

  it('a P1 with a version, the support script archive and a "since" line: those found, the rest missing', async () => {
    const g = await sharedPage();
    const server = watchServer(browser());
    await p1With(g, w, 'Since 09:10 UTC every agent run fails on PE 2023.8.1.', 'puppet_enterprise_support_20261206.tar.gz');
    const r = await readiness(g);
    expect(stateOf(r)).toEqual({
      'what-broke-since': 'found',
      'what-changed': 'missing',
      'pe-version': 'found',
      'support-script': 'found',
      'business-impact': 'missing',
    });
    expect(r.items.find((i) => i.id === 'pe-version')!.text).toContain('Found: 2023.8.1');
    expect(r.items.find((i) => i.id === 'support-script')!.text).toContain('puppet_enterprise_support_20261206.tar.gz');
    expect(r.summary).toMatch(/^Add .* so Support can start at once\.$/);
    await g.clickBack();
    await g.waitNoDialog();
    await server.expect(0);
  });

  it('a P1 with an empty description: every essential missing but the version, which the form\'s own version field holds', async () => {
    const g = await sharedPage();
    await p1With(g, w, '', null);
    expect(stateOf(await readiness(g))).toEqual({
      'what-broke-since': 'missing',
      'what-changed': 'missing',
      'pe-version': 'found',
      'support-script': 'missing',
      'business-impact': 'missing',
    });
    await g.clickBack();
    await g.waitNoDialog();
  });

  it('a P1 on an empty form (nothing typed, no version chosen, no file): every essential missing, and the one line names them', async () => {
    const g = await sharedPage();
    const server = watchServer(browser());
    await g.open(fixtureUrl(w.fixture));
    await g.waitArmed();
    await w.choose(g, 1);
    await g.clickSubmit(w);
    await g.waitDialog();
    const r = await readiness(g);
    expect(Object.values(stateOf(r))).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(r.summary).toBe(
      'Add when it started, what changed just before it broke, your PE version, the support script output, and who or what in production is affected so Support can start at once.',
    );
    await g.clickBack();
    await g.waitNoDialog();
    await server.expect(0);
  });

  it('a complete ticket: every essential found, no headings offered, and "Back to form" puts focus back where it was', async () => {
    const g = await sharedPage();
    const server = watchServer(browser());
    await p1With(g, w, COMPLETE, null);
    const r = await readiness(g);
    expect(Object.values(stateOf(r))).toEqual(['found', 'found', 'found', 'found', 'found']);
    expect(r.summary).toBeNull();
    expect(await g.page.evaluate(() => !!document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('[data-action$="-headings"]'))).toBe(false);
    await g.clickBack();
    await g.waitNoDialog();
    expect(await g.isFocused(w.submit), `focus: ${(await g.focused()).path.join(' > ')}`).toBe(true);
    await server.expect(0);
  });

  it('"Add headings for what is missing" on a plain description: appended after a blank line, the caret after them, undo takes them back; nothing submitted', async () => {
    const g = await sharedPage();
    const server = watchServer(browser());
    await p1With(g, w, PARTIAL, null);
    await g.page.click(g.inDialog('button[data-action="add-headings"]'));
    await g.waitNoDialog();
    expect(await descriptionOf(g)).toBe(`${PARTIAL}\n\n${HEADINGS_FOR_PARTIAL}`);
    expect(await g.caretAtEnd(w.description), `caret: ${(await g.focused()).path.join(' > ')}`).toBe(true);
    // Typing goes on after them.
    await g.page.press('X');
    expect(await descriptionOf(g)).toBe(`${PARTIAL}\n\n${HEADINGS_FOR_PARTIAL}X`);
    const undone: string[] = [];
    for (let i = 0; i < 2 && (await descriptionOf(g)) !== PARTIAL; i++) {
      await g.raw.chord('Control', 'z');
      undone.push(await descriptionOf(g));
    }
    expect(await descriptionOf(g), `undo takes the headings back (after each undo: ${JSON.stringify(undone)})`).toBe(PARTIAL);
    expect(await g.priorityValue()).toBe('urgent');
    await server.expect(0);

    // Added again and submitted unanswered, the headings count for nothing: the same essentials are missing.
    await g.clickSubmit(w);
    await g.waitDialog();
    await g.page.click(g.inDialog('button[data-action="add-headings"]'));
    await g.waitNoDialog();
    await g.clickSubmit(w);
    await g.waitDialog();
    expect(stateOf(await readiness(g))).toMatchObject({ 'what-changed': 'missing', 'support-script': 'missing', 'business-impact': 'missing' });
    await g.clickBack();
    await g.waitNoDialog();
    await server.expect(0);
  });

  it("Copenhagen's rich editor: read as shown, with the uploaded files; \"Copy headings\", back at the end of the editor, pasted; nothing lost", async () => {
    const g = await sharedPage();
    const server = watchServer(browser());
    const c = zendeskCopenhagen();
    await g.openForm(c, '&rich=1&uploaded=puppet_enterprise_support_pe-primary_20261206.tar.gz');
    await g.page.type(EDITOR, PARTIAL);
    await c.choose(g, 1);
    await g.clickSubmit(c);
    await g.waitDialog();
    const r = await readiness(g);
    expect(stateOf(r)).toEqual({
      'what-broke-since': 'found',
      'what-changed': 'missing',
      'pe-version': 'found',
      'support-script': 'found',
      'business-impact': 'missing',
    });
    expect(r.items.find((i) => i.id === 'support-script')!.text).toContain('puppet_enterprise_support_pe-primary_20261206.tar.gz');
    // A rich editor is never written to: its headings go to the clipboard.
    expect(await g.page.evaluate(() => !!document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('[data-action="add-headings"]'))).toBe(false);
    await g.page.click(g.inDialog('button[data-action="copy-headings"]'));
    await g.page.waitFor(g.inDialog('.pg-headings-help [data-state="copied"]'));
    await g.clickBack();
    await g.waitNoDialog();
    // The caret is at the end of the editor: what is pasted goes after the text.
    await g.raw.chord('Control', 'v');
    const shown = await g.page.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).innerText, EDITOR);
    expect(shown.replace(/\s+/g, ' ')).toBe(`${PARTIAL} ${'What was different just before: Business impact (who or what in production is hit):'}`);
    expect(await g.priorityValue()).toBe(c.values[1]);
    await server.expect(0);
  });
});
