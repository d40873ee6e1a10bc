import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { computeReport } from '@/lib/config/background-sync';
import { EFFECTIVE_CONFIG_KEY } from '@/lib/config/load';
import { fakePermissions } from './fake-permissions';

/** Stores the report the background would compute for this policy and these user settings. */
async function given(policy: unknown, user: Record<string, unknown> = {}, access = async () => false) {
  await fakeBrowser.storage.sync.set(user);
  const { report } = await computeReport(policy, user, access);
  await fakeBrowser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: report });
  return report;
}

async function renderPage() {
  const view = render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: 'Priority Guard settings' });
  await screen.findByRole('group', { name: /When Priority 1 is chosen/ });
  return view;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('options page', () => {
  it('shows settings set by the organisation disabled and labelled, the rest editable', async () => {
    await given({ plan: 'premium', wording: { definitions: { 1: 'Org P1' } } });
    await renderPage();
    const plan = screen.getByRole('group', { name: /Puppet support plan.*Set by your organisation/ });
    expect(plan).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: 'Premium' })).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: /When Priority 1 is chosen/ })).toHaveProperty('disabled', false);
    const p1 = screen.getByRole('textbox', { name: /Priority 1 definition.*Set by your organisation/ });
    expect(p1).toHaveProperty('disabled', true);
    expect(p1).toHaveProperty('value', 'Org P1');
    expect(screen.getByRole('textbox', { name: 'Priority 4 definition' })).toHaveProperty('disabled', false);
    expect(screen.getByText(/Your organisation sets some of these settings/)).toBeTruthy();
  });

  it('locks everything when users may not change settings', async () => {
    await given({ allowUserSettings: false });
    await renderPage();
    expect(screen.getByText(/Your organisation manages these settings/)).toBeTruthy();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toHaveProperty('disabled', true);
    for (const box of screen.getAllByRole('textbox')) expect(box).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /Save|Add portal/ })).toBeNull();
  });

  it('lists ignored settings in plain words, as text', async () => {
    await given({ p1Phone: '<img src=x onerror=alert(1)>', guardMode: 'block' });
    const { container } = await renderPage();
    expect(screen.getByRole('heading', { name: 'Settings that were ignored' })).toBeTruthy();
    expect(screen.getByText(/2 organisation settings were ignored/)).toBeTruthy();
    const items = [...container.querySelectorAll('.pg-opt-problems li')];
    expect(items.map((li) => li.getAttribute('data-path'))).toEqual(['guardMode', 'p1Phone']);
    expect(items[1]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('.pg-opt-problems img')).toBeNull();
  });

  it("saves the user's choice to storage.sync, validated", async () => {
    await given({});
    await renderPage();
    fireEvent.click(screen.getByRole('radio', { name: /Only show the Priority 1 definition/ }));
    await waitFor(async () => expect(await fakeBrowser.storage.sync.get('guardMode')).toEqual({ guardMode: 'note' }));
    expect(await screen.findByText('Guard mode saved.')).toBeTruthy();
  });

  it('refuses an invalid phone number with the reason, and saves nothing', async () => {
    await given({});
    await renderPage();
    fireEvent.input(screen.getByRole('textbox', { name: /number for Priority 1 calls/ }), { target: { value: 'call Bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save phone number' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Expected a phone number');
    expect(await fakeBrowser.storage.sync.get('p1Phone')).toEqual({});
  });

  it('offers "Allow on <host>" for a portal without host access, and asks from the click', async () => {
    await given({ portals: [{ matches: ['https://support.acme.example/*'], newTicketUrl: 'https://support.acme.example/new' }] });
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
    await renderPage();
    expect(screen.getByText(/Not allowed yet on support\.acme\.example/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on support.acme.example' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.acme.example/*'] });
    expect(await screen.findByText(/may now run on support\.acme\.example/)).toBeTruthy();
  });

  it('adds a portal the user types in, asking for access in the same click', async () => {
    await given({});
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
    await renderPage();
    fireEvent.input(screen.getByRole('textbox', { name: 'Pages, one match pattern per line' }), { target: { value: 'https://help.example.com/*' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'New ticket address' }), { target: { value: 'https://help.example.com/new' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Option texts and their level (optional)' }), { target: { value: 'Sev A = 1\nSev B = P2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://help.example.com/*'] });
    await waitFor(async () =>
      expect(await fakeBrowser.storage.sync.get('portals')).toEqual({
        portals: [{ matches: ['https://help.example.com/*'], newTicketUrl: 'https://help.example.com/new', labels: { 'Sev A': 1, 'Sev B': 2 } }],
      }),
    );
  });

  it('refuses a malformed match pattern in the add form, saying why', async () => {
    await given({});
    await renderPage();
    fireEvent.input(screen.getByRole('textbox', { name: 'Pages, one match pattern per line' }), { target: { value: 'help.example.com' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'New ticket address' }), { target: { value: 'https://help.example.com/new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/matches\[0\]: Not a usable match pattern: must start with https:\/\//);
    expect(await fakeBrowser.storage.sync.get('portals')).toEqual({});
  });

  it('refuses a wildcard over a public suffix in the add form, saying what to write instead, and asks for no access', async () => {
    await given({});
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
    await renderPage();
    fireEvent.input(screen.getByRole('textbox', { name: 'Pages, one match pattern per line' }), { target: { value: 'https://*.github.io/*' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'New ticket address' }), { target: { value: 'https://acme.github.io/new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add portal' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'matches[0]: Not a usable match pattern: *.github.io covers every site under the public suffix github.io, whoever runs them; name your portal\'s own domain, such as *.example.github.io. Given: "https://*.github.io/*". Ignored.',
    );
    expect(request).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.sync.get('portals')).toEqual({});
  });

  it('saves only reworded text, and removes the wording when it is back to the defaults', async () => {
    await given({});
    await renderPage();
    fireEvent.input(screen.getByRole('textbox', { name: 'Priority 2 definition' }), { target: { value: 'Our P2.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save wording' }));
    await waitFor(async () => expect(await fakeBrowser.storage.sync.get('wording')).toEqual({ wording: { definitions: { 2: 'Our P2.' } } }));
    fireEvent.click(screen.getByRole('button', { name: 'Use the default for: Priority 2 definition' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save wording' }));
    await waitFor(async () => expect(await fakeBrowser.storage.sync.get('wording')).toEqual({}));
  });

  it('has no axe violations, with settings locked and problems listed', async () => {
    await given({ plan: 'premium', guardMode: 'block', portals: [{ matches: ['https://support.acme.example/*'], newTicketUrl: 'https://support.acme.example/new' }] });
    const { container } = await renderPage();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('options page: removing a portal', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it("removes the user's own portal, and only that one", async () => {
    const a = { matches: ['https://a.example.com/*'], newTicketUrl: 'https://a.example.com/new' };
    const b = { matches: ['https://b.example.com/*'], newTicketUrl: 'https://b.example.com/new' };
    await given({}, { portals: [a, b] });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example.com' }));
    await waitFor(async () => expect(await fakeBrowser.storage.sync.get('portals')).toEqual({ portals: [b] }));
  });
});

describe('options page: giving host access back', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  const portal = (host: string, path = '/*', name?: string) => ({
    ...(name ? { name } : {}),
    matches: [`https://${host}${path}`],
    newTicketUrl: `https://${host}/new`,
  });
  const sync = async () => ((await fakeBrowser.storage.sync.get('portals')) as { portals?: unknown[] }).portals;

  it('gives back the access to a site when its last portal is removed', async () => {
    const perms = fakePermissions(['https://a.example.com/*', 'https://b.example.com/*']);
    await given({}, { portals: [portal('a.example.com'), portal('b.example.com')] }, async () => true);
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example.com' }));
    await waitFor(() => expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://a.example.com/*'] }));
    expect(await sync()).toEqual([portal('b.example.com')]);
    expect([...perms.origins]).not.toContain('https://a.example.com/*');
    expect([...perms.origins]).toContain('https://b.example.com/*');
    expect(await screen.findByText(/No portal is left on a\.example\.com, so Priority Guard gave back its access there/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove access to a.example.com' })).toBeNull());
  });

  it('keeps the access while another portal is still on the site', async () => {
    const perms = fakePermissions(['https://a.example.com/*']);
    await given({}, { portals: [portal('a.example.com', '/hc/*', 'Help'), portal('a.example.com', '/s/*', 'Cases')] }, async () => true);
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Help' }));
    await waitFor(async () => expect(await sync()).toEqual([portal('a.example.com', '/s/*', 'Cases')]));
    await new Promise((r) => setTimeout(r, 20));
    expect(perms.remove).not.toHaveBeenCalled();
    expect([...perms.origins]).toContain('https://a.example.com/*');
  });

  it("never gives back a built-in portal's site, which is required", async () => {
    const perms = fakePermissions(['https://*.puppet.com/*']);
    await given(
      {},
      { portals: [portal('support.puppet.com', '/*', 'All of Puppet Support'), portal('*.puppet.com', '/*', 'Puppet sites'), portal('portal.perforce.com', '/*', 'Perforce')] },
      async () => true,
    );
    await renderPage();
    for (const name of ['All of Puppet Support', 'Puppet sites', 'Perforce']) {
      fireEvent.click(screen.getByRole('button', { name: `Remove ${name}` }));
      await waitFor(async () => expect(JSON.stringify(await sync() ?? [])).not.toContain(name));
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(perms.remove).not.toHaveBeenCalled();
    expect(screen.queryByText(/did not remove access/)).toBeNull();
    // Nor are they offered for removal.
    expect(screen.queryByRole('button', { name: /Remove access to .*(puppet|perforce)/ })).toBeNull();
  });

  it('offers "Remove access" for each other site it may run on, named by the site, used or not', async () => {
    const perms = fakePermissions(['https://a.example.com/*', 'https://old.example.org/*', 'https://*.example.net/*']);
    await given({}, { portals: [portal('a.example.com', '/*', 'ACME')] }, async () => true);
    await renderPage();
    const list = await screen.findByRole('list', { name: 'Site access' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'example.net and its subdomains: no portal uses it any moreRemove access',
      'a.example.com: used by ACMERemove access',
      'old.example.org: no portal uses it any moreRemove access',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove access to old.example.org' }));
    await waitFor(() => expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://old.example.org/*'] }));
    expect(await screen.findByText('Priority Guard no longer has access to old.example.org.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove access to old.example.org' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Remove access to a.example.com' }));
    await waitFor(() => expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://a.example.com/*'] }));
    expect(await screen.findByText(/no longer has access to a\.example\.com: the guard does not run on ACME until you allow it again/)).toBeTruthy();
    expect(await sync()).toEqual([portal('a.example.com', '/*', 'ACME')]); // the portal stays

    fireEvent.click(screen.getByRole('button', { name: 'Remove access to example.net and its subdomains' }));
    await waitFor(() => expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://*.example.net/*'] }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Site access' })).toBeNull());
  });

  it('offers it for a site of an organisation\'s portal too, even with the portals locked', async () => {
    const perms = fakePermissions(['https://support.acme.example/*']);
    await given({ portals: [portal('support.acme.example', '/*', 'ACME')] }, {}, async () => true);
    await renderPage();
    expect(screen.queryByRole('button', { name: 'Remove ACME' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove access to support.acme.example' }));
    await waitFor(() => expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://support.acme.example/*'] }));
  });

  it('says so when the browser refuses, and keeps the site listed', async () => {
    const perms = fakePermissions(['https://old.example.org/*']);
    perms.remove.mockRejectedValueOnce(new Error('blocked by policy'));
    await given({}, {}, async () => true);
    await renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove access to old.example.org' }));
    expect(await screen.findByText('Your browser did not remove access to old.example.org (blocked by policy).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove access to old.example.org' })).toBeTruthy();
  });

  it('lists a site as soon as access to it is given, and stops listening when closed', async () => {
    const perms = fakePermissions();
    await given({ portals: [portal('support.acme.example', '/*', 'ACME')] });
    const view = await renderPage();
    expect(screen.queryByRole('list', { name: 'Site access' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on support.acme.example' }));
    expect(await screen.findByRole('button', { name: 'Remove access to support.acme.example' })).toBeTruthy();
    expect(perms.listeners()).toBe(2);
    view.unmount();
    await waitFor(() => expect(perms.listeners()).toBe(0));
  });

  it('has no axe violations with sites listed', async () => {
    fakePermissions(['https://a.example.com/*', 'https://old.example.org/*']);
    await given({}, { portals: [portal('a.example.com', '/*', 'ACME')] }, async () => true);
    const { container } = await renderPage();
    await screen.findByRole('list', { name: 'Site access' });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('options page: the organisation\'s wording for the UI language (English here)', () => {
  it('shows the texts in force in this language, locked as the organisation\'s; the others stay editable', async () => {
    await given({ wording: { byLanguage: { en: { definitions: { 1: 'EN org P1' } }, de: { definitions: { 2: 'DE org P2' } } } } });
    await renderPage();
    const p1 = screen.getByRole('textbox', { name: /Priority 1 definition.*Set by your organisation/ });
    expect(p1).toHaveProperty('disabled', true);
    expect(p1).toHaveProperty('value', 'EN org P1');
    // German wording does not apply to an English page: P2 is the user's to word.
    expect(screen.getByRole('textbox', { name: 'Priority 2 definition' })).toHaveProperty('disabled', false);
  });
});
