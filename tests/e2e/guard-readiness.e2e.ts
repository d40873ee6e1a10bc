// Ticket readiness in the P1 dialog (issue 13, first part): what the ticket tells Support,
// read from the replica form as it is when the P1 is stopped. Both browsers.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import { useGuardBrowser, watchServer, zendeskSelect, type GuardPage, type Widget } from './guard-helpers';

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

});
