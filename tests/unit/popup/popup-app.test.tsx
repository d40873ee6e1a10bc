import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { POPUP_STATE_KEY, POPUP_STATE_TTL_MS } from '@/entrypoints/popup/session';
import { resolveTabId, tabIdFromSearch } from '@/entrypoints/popup/tab-bridge';
import { DEFAULT_CONFIG, type EffectiveConfig } from '@/lib/config/effective';
import { EFFECTIVE_CONFIG_KEY } from '@/lib/config/load';
import type { PopupRequest } from '@/lib/messages';
import { DEFAULT_NEW_TICKET_URL } from '@/lib/portal/default-portals';
import type { Level } from '@/lib/rules';

type Page =
  | { status: unknown; setLevel?: (level: Level) => unknown; readiness?: () => unknown }
  | 'no-content-script';

let page: Page;
const sendMessage = vi.fn(async (_tabId: number, message: PopupRequest) => {
  if (page === 'no-content-script') throw new Error('Could not establish connection. Receiving end does not exist.');
  if (message.type === 'get-status') return page.status;
  if (message.type === 'get-readiness') return page.readiness?.();
  return page.setLevel?.(message.level);
});

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockClear();
  (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = sendMessage;
  page = { status: { type: 'status', armed: true, level: null } };
});
afterEach(cleanup);

async function useConfig(config: Partial<EffectiveConfig>) {
  await fakeBrowser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: { config: { ...DEFAULT_CONFIG, ...config }, problems: [] } });
}

const focused = () => document.activeElement as HTMLElement;
/** Presses a key on whatever has focus, as a keyboard user would. */
const press = (key: string) => fireEvent.keyDown(focused(), { key });

async function question(text: RegExp) {
  return screen.findByRole('group', { name: text });
}

/** Answers by keyboard: the option's number, then Enter. */
async function answerWith(text: RegExp, n: number) {
  await question(text);
  press(String(n));
  press('Enter');
}

describe('the popup', () => {
  it('renders its tabs at once, and its first question as soon as the saved state is read', async () => {
    const { container } = render(<App search="" />);
    expect(screen.getByRole('tab', { name: 'Which priority?', selected: true })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Checking this tab…');
    await question(/working normally/);
    expect(container.querySelector('.pg-step')).not.toBeNull();
    // Keyboard-first: the first answer has focus.
    expect(focused()).toBe(screen.getAllByRole('radio')[0]);
  });

  it.each([
    ['P4', [1], 4, 1],
    ['P3 outside production', [2, 2], 3, 2],
    ['P1', [2, 1, 1, 2], 1, 4],
    ['P2 (down, with a workaround)', [2, 1, 1, 1], 2, 4],
    ['P2 (impaired, no workaround)', [2, 1, 2, 2], 2, 4],
    ['P3 (impaired, with a workaround)', [2, 1, 2, 1], 3, 4],
  ] as const)('walks to %s by keyboard alone', async (_name, keys, level, count) => {
    render(<App search="?tabId=7" />);
    for (const [i, n] of keys.entries()) {
      await screen.findByText(`Question ${i + 1}`);
      press(String(n));
      press('Enter');
    }
    const heading = await screen.findByRole('heading', { level: 2, name: new RegExp(`^Priority ${level}`) });
    expect(focused()).toBe(heading);
    expect(keys).toHaveLength(count);
  });

  it('uses the level on the guarded ticket form and says so', async () => {
    let selected: Level | null = null;
    page = {
      get status() {
        return { type: 'status', armed: true, level: selected };
      },
      setLevel: (level) => {
        selected = level;
        return { type: 'set-level-result', ok: true };
      },
    };
    render(<App search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('no priority selected'));
    await answerWith(/working normally/, 2);
    await answerWith(/production affected/, 2);
    fireEvent.click(await screen.findByRole('button', { name: 'Use Priority 3 on this ticket' }));
    await screen.findByText('Done: the ticket form now has Priority 3.');
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'set-level', level: 3 });
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toBe(
        'This tab: guard active on the ticket form (Priority 3 selected).',
      ),
    );
  });

  it("shows the content script's reason when it could not set the level", async () => {
    page = {
      status: { type: 'status', armed: true, level: 1 },
      setLevel: () => ({ type: 'set-level-result', ok: false, reason: 'refused' }),
    };
    render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 1);
    fireEvent.click(await screen.findByRole('button', { name: 'Use Priority 4 on this ticket' }));
    await screen.findByText('Could not set Priority 4: The field did not accept Priority 4.');
  });

  it('treats a malformed answer from the page as a failure with a reason', async () => {
    page = { status: { type: 'status', armed: true, level: null }, setLevel: () => ({ type: 'set-level-result', ok: 'yes' }) };
    render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 1);
    fireEvent.click(await screen.findByRole('button', { name: 'Use Priority 4 on this ticket' }));
    await screen.findByText('Could not set Priority 4: The page gave an unexpected answer.');
  });

  it('offers "Open a new ticket" on a page without the guard, and opens the configured form', async () => {
    page = 'no-content-script';
    render(<App search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This tab: not a support portal page.'));
    await answerWith(/working normally/, 1);
    fireEvent.click(await screen.findByRole('button', { name: 'Open a new ticket' }));
    await waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((t) => t.url)).toContain(DEFAULT_NEW_TICKET_URL);
    });
  });

  it('says when the guard runs but the page has no ticket form, and offers a new ticket', async () => {
    page = { status: { type: 'status', armed: false, level: null } };
    render(<App search="?tabId=7" />);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('This tab: guard active, but no ticket form on this page.'),
    );
    await answerWith(/working normally/, 1);
    expect(await screen.findByRole('button', { name: 'Open a new ticket' })).toBeTruthy();
  });

  it('ignores a malformed status (not a portal page, as far as the popup can tell)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    page = { status: { type: 'status', armed: 'yes' } };
    render(<App search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This tab: not a support portal page.'));
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('armed'));
  });

  it('takes plan, definitions and the P1 phone from the effective configuration', async () => {
    await useConfig({ plan: 'premium', p1Phone: '+1 503 555 0100' });
    render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 2);
    await answerWith(/production affected/, 1);
    await answerWith(/How bad/, 1);
    await answerWith(/workaround/, 2);
    await screen.findByRole('heading', { name: /^Priority 1/ });
    const targets = document.querySelector('.pg-result-targets')!.textContent!;
    expect(targets).toBe('Premium plan1 hour');
    expect(screen.getByRole('link', { name: '+1 503 555 0100' }).getAttribute('href')).toBe('tel:+15035550100');
  });

  it('has no phone route without a configured number, even on Premium', async () => {
    await useConfig({ plan: 'premium', p1Phone: null });
    const { container } = render(<App search="?tabId=7" />);
    for (const [text, n] of [[/working normally/, 2], [/production/, 1], [/How bad/, 1], [/workaround/, 2]] as const) {
      await answerWith(text, n);
    }
    await screen.findByRole('heading', { name: /^Priority 1/ });
    expect(container.querySelector('.pg-phone')).toBeNull();
  });

  it('opens a new ticket at the configured portal', async () => {
    page = 'no-content-script';
    const url = 'https://support.acme.example/hc/en-us/requests/new';
    await useConfig({ newTicketUrl: url });
    render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 1);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This tab: not a support portal page.'));
    fireEvent.click(await screen.findByRole('button', { name: 'Open a new ticket' }));
    await waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(url));
  });

  it('shows the views the configuration lists, in its order', async () => {
    await useConfig({ popupViews: ['definitions', 'triage'] });
    render(<App search="" />);
    await waitFor(() =>
      expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Definitions', 'Which priority?']),
    );
    // The first listed view is the one shown.
    expect(screen.getByRole('tab', { name: 'Definitions', selected: true })).toBeTruthy();
  });

  it('shows only the definitions, without tabs, when that is the only view allowed', async () => {
    await useConfig({ popupViews: ['definitions'] });
    const { container } = render(<App search="" />);
    await waitFor(() => expect(screen.queryByRole('tablist')).toBeNull());
    expect(screen.getByRole('region', { name: 'Definitions' }).querySelectorAll('.pg-level')).toHaveLength(4);
    expect(container.querySelector('.pg-step')).toBeNull();
  });

  it("marks a definition the organisation replaced as its own, not Puppet's", async () => {
    const definitions = DEFAULT_CONFIG.definitions.map((d) =>
      d.level === 4 ? { ...d, definition: 'How-to questions and licence requests.' } : d,
    );
    await useConfig({ definitions, replacedDefinitions: [4] });
    const { container } = render(<App search="" />);
    await answerWith(/working normally/, 1);
    await screen.findByRole('heading', { name: /^Priority 4/ });
    await waitFor(() => expect(container.querySelector('blockquote')!.textContent).toBe('How-to questions and licence requests.'));
    expect(container.querySelector('figcaption')!.textContent).toBe("Your organisation's definition.");
    fireEvent.click(screen.getByRole('tab', { name: 'Definitions' }));
    expect(container.querySelector('.pg-level-4 .pg-replaced-mark')!.textContent).toContain("organisation's wording");
  });

  it("shows the organisation's wording for the UI language (English here) over its wording for every language", async () => {
    await useConfig({
      wording: {
        definitions: { 4: 'Every language P4.' },
        byLanguage: { en: { definitions: { 4: 'English P4.' } }, de: { definitions: { 4: 'Deutsch P4.' } } },
      },
    });
    const { container } = render(<App search="" />);
    await answerWith(/working normally/, 1);
    await waitFor(() => expect(container.querySelector('blockquote')!.textContent).toBe('English P4.'));
    expect(container.querySelector('figcaption')!.textContent).toBe("Your organisation's definition.");
  });

  it('switches to the definitions with the tabs, by click or arrow key', async () => {
    await useConfig({ plan: 'standard' });
    render(<App search="" />);
    const definitions = screen.getByRole('tab', { name: 'Definitions' });
    definitions.focus();
    fireEvent.keyDown(definitions, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Which priority?', selected: true })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { selected: true }), { key: 'ArrowRight' });
    const panel = screen.getByRole('tabpanel', { name: 'Definitions' });
    expect(panel.querySelectorAll('.pg-level')).toHaveLength(4);
    expect(focused()).toBe(screen.getByRole('tab', { name: 'Definitions' }));
    await waitFor(() => expect(panel.textContent).toContain('your Standard plan'));
    const triage = screen.getByRole('tab', { name: 'Which priority?' });
    triage.focus(); // as a real click does
    fireEvent.click(triage);
    expect(await screen.findByRole('group', { name: /working normally/ })).toBeTruthy();
    // Coming back by tab does not pull focus away from the tabs.
    expect(focused()).toBe(screen.getByRole('tab', { name: 'Which priority?' }));
  });

  it('Back returns to the previous question with the earlier answer picked; Start over to the first', async () => {
    render(<App search="" />);
    await answerWith(/working normally/, 2);
    await answerWith(/production/, 1);
    await question(/How bad/);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await question(/production/);
    expect((screen.getByRole('radio', { name: /Yes, production is affected/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await screen.findByText('Question 1');
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });
});

describe('what the open ticket form tells Support', () => {
  const RESULTS = [
    { id: 'what-broke-since', label: 'What broke, and since when.', state: 'found', evidence: 'Since 09:10 UTC' },
    { id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: '2023.8.1' },
    { id: 'support-script', label: 'The support script output.', state: 'missing' },
  ];
  const READY = { type: 'readiness', ok: true, results: RESULTS };
  const armed = (readiness: () => unknown): Page => ({ status: { type: 'status', armed: true, level: null }, readiness });
  const readinessRequests = () => sendMessage.mock.calls.filter(([, m]) => m.type === 'get-readiness');
  const plainList = () => [...document.querySelectorAll('.pg-essentials-list li')].map((li) => li.textContent);
  const states = () =>
    Object.fromEntries([...document.querySelectorAll('.pg-readiness [data-essential]')].map((li) => [li.getAttribute('data-essential'), li.getAttribute('data-state')]));

  async function toResult() {
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('guard active on the ticket form'));
    await answerWith(/working normally/, 1);
    return screen.findByRole('heading', { level: 2, name: /^Priority 4/ });
  }

  it('shows the plain list while it asks, then what the form tells Support, without moving focus', async () => {
    let answer: (value: unknown) => void = () => undefined;
    page = armed(() => new Promise((resolve) => (answer = resolve)));
    render(<App search="?tabId=7" />);
    const heading = await toResult();
    expect(focused()).toBe(heading);
    await waitFor(() => expect(readinessRequests()).toHaveLength(1));
    expect(readinessRequests()[0]![0]).toBe(7);
    expect(plainList()).toEqual([...DEFAULT_CONFIG.ticketEssentials]);
    expect(screen.getByRole('heading', { level: 3, name: 'Include in the ticket' })).toBeTruthy();

    answer(READY);
    const title = await screen.findByRole('heading', { level: 3, name: 'What your ticket tells Support' });
    expect(screen.getByRole('region', { name: 'What your ticket tells Support' })).toBeTruthy();
    expect(states()).toEqual({ 'what-broke-since': 'found', 'pe-version': 'found', 'support-script': 'missing' });
    expect(document.querySelector('[data-essential="pe-version"]')!.textContent).toContain('Found: 2023.8.1');
    expect(document.querySelector('.pg-readiness-summary')!.textContent).toBe('Add the support script output so Support can start at once.');
    expect(document.querySelector('.pg-essentials-list')).toBeNull();
    // Focus stays where it was; the heading order stays h1 → h2 → h3.
    expect(focused()).toBe(heading);
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (const [i, level] of levels.entries()) if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(title.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
  });

  it('asks once per showing of the result: again after Back, and after the other view', async () => {
    page = armed(() => READY);
    render(<App search="?tabId=7" />);
    await toResult();
    await screen.findByRole('heading', { name: 'What your ticket tells Support' });
    expect(readinessRequests()).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await answerWith(/working normally/, 1);
    await screen.findByRole('heading', { name: 'What your ticket tells Support' });
    expect(readinessRequests()).toHaveLength(2);

    fireEvent.click(screen.getByRole('tab', { name: 'Definitions' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Which priority?' }));
    await screen.findByRole('heading', { name: 'What your ticket tells Support' });
    await waitFor(() => expect(readinessRequests()).toHaveLength(3));
  });

  it.each([
    ['no field armed', () => ({ type: 'readiness', ok: false, reason: 'No priority field on this page.' })],
    ['reading failed', () => ({ type: 'readiness', ok: false, reason: 'The ticket form could not be read.' })],
    ['no answer', () => undefined],
    ['the page went away', () => Promise.reject(new Error('Receiving end does not exist.'))],
  ])('shows the plain list when the page cannot say (%s)', async (_name, readiness) => {
    page = armed(readiness);
    render(<App search="?tabId=7" />);
    await toResult();
    await waitFor(() => expect(readinessRequests()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(plainList()).toEqual([...DEFAULT_CONFIG.ticketEssentials]);
    expect(document.querySelector('.pg-readiness')).toBeNull();
  });

  it('ignores a malformed answer, saying why in the console', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    page = armed(() => ({ ...READY, results: [{ ...RESULTS[0], state: 'maybe' }] }));
    render(<App search="?tabId=7" />);
    await toResult();
    await waitFor(() => expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('results.0.state')));
    expect(plainList()).toEqual([...DEFAULT_CONFIG.ticketEssentials]);
  });

  it.each([
    ['not a portal page', 'no-content-script' as const, 'This tab: not a support portal page.'],
    ['a portal page without a form', { status: { type: 'status', armed: false, level: null }, readiness: () => READY }, 'no ticket form'],
  ])('never asks on %s: the plain list', async (_name, tab, status) => {
    page = tab;
    render(<App search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(status));
    await answerWith(/working normally/, 1);
    await screen.findByRole('button', { name: 'Open a new ticket' });
    expect(plainList()).toEqual([...DEFAULT_CONFIG.ticketEssentials]);
    expect(readinessRequests()).toHaveLength(0);
  });
});

describe('Start over at the first question', () => {
  const checked = () => (screen.getAllByRole('radio') as HTMLInputElement[]).filter((r) => r.checked);
  const stored = async () => (await fakeBrowser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY];

  /** Presses Start over as a real click does: the button takes focus first. */
  function clickStartOver() {
    const button = screen.getByRole('button', { name: 'Start over' });
    button.focus();
    fireEvent.click(button);
  }

  /** Question 1 with nothing picked (in the page and in the step's state), focus on its first answer, nothing saved. */
  async function expectFreshStart() {
    await waitFor(() => expect(checked()).toEqual([]));
    const group = await question(/working normally/);
    expect(screen.getByText('Question 1')).toBeTruthy();
    expect(focused()).toBe(group.querySelector('input[type="radio"]'));
    // Enter does not go on with the answer that was picked before: there is none.
    press('Enter');
    expect((await screen.findByRole('alert')).textContent).toBe('Pick an answer first.');
    expect(screen.getByText('Question 1')).toBeTruthy();
    await waitFor(async () => expect(await stored()).toMatchObject({ answers: [] }));
  }

  it('after Back from the result, clears the answer to Question 1 and focuses Question 1', async () => {
    render(<App search="" />);
    await answerWith(/working normally/, 1);
    await screen.findByRole('heading', { level: 2, name: /^Priority 4/ });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await question(/working normally/);
    expect(checked().map((r) => r.value)).toEqual(['yes']);
    clickStartOver();
    await expectFreshStart();
  });

  it('with an answer to Question 1 picked but not given (no Next), clears it and focuses Question 1', async () => {
    render(<App search="" />);
    await question(/working normally/);
    press('2');
    expect(checked().map((r) => r.value)).toEqual(['no']);
    clickStartOver();
    await expectFreshStart();
  });

  it('after a walk restored from the session, clears the saved walk too', async () => {
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: { answers: [{ questionId: 'question', optionId: 'no' }], view: 'triage', savedAt: Date.now() },
    });
    render(<App search="" />);
    await question(/production affected/);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await question(/working normally/);
    expect(checked().map((r) => r.value)).toEqual(['no']);
    clickStartOver();
    await expectFreshStart();
    expect(await stored()).toMatchObject({ answers: [], view: 'triage' });
  });
});

describe('the popup remembers', () => {
  it('where the user was after closing and reopening, for 30 minutes', async () => {
    const first = render(<App search="" />);
    await answerWith(/working normally/, 2);
    await question(/production/);
    await waitFor(async () => {
      const stored = (await fakeBrowser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY];
      expect(stored).toMatchObject({ answers: [{ questionId: 'question', optionId: 'no' }], view: null });
    });
    first.unmount();
    render(<App search="" />);
    await screen.findByText('Question 2');
    expect(await question(/production affected/)).toBeTruthy();
  });

  it('shows the saved step directly on reopening, never Question 1 first', async () => {
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: { answers: [{ questionId: 'question', optionId: 'no' }], view: 'triage', savedAt: Date.now() },
    });
    const FIRST = '.pg-step[data-question="question"]';
    const isFirst = (node: Node) =>
      node instanceof Element && (node.matches(FIRST) || node.querySelector(FIRST) !== null);
    // Every element the popup ever adds, even one replaced before anyone looked.
    let sawFirst = false;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some(isFirst))) sawFirst = true;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      render(<App search="" />);
      // The first render: the tabs, but no question yet.
      expect(screen.getByRole('tab', { name: 'Which priority?', selected: true })).toBeTruthy();
      expect(document.querySelector(FIRST)).toBeNull();
      expect(screen.queryByText('Question 1')).toBeNull();
      const group = await question(/production affected/);
      expect(screen.getByText('Question 2')).toBeTruthy();
      expect(focused()).toBe(group.querySelector('input[type="radio"]'));
    } finally {
      if (observer.takeRecords().some((r) => [...r.addedNodes].some(isFirst))) sawFirst = true;
      observer.disconnect();
    }
    expect(sawFirst).toBe(false);
  });

  it('forgets after 30 minutes', async () => {
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: {
        answers: [{ questionId: 'question', optionId: 'no' }],
        view: 'triage',
        savedAt: Date.now() - POPUP_STATE_TTL_MS - 1,
      },
    });
    render(<App search="" />);
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY]).toMatchObject({ answers: [] }),
    );
    expect(screen.getByText('Question 1')).toBeTruthy();
  });

  it('restores the definitions view too, and drops saved answers that no longer fit the flow', async () => {
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: { answers: [{ questionId: 'workaround', optionId: 'no' }], view: 'definitions', savedAt: Date.now() },
    });
    render(<App search="" />);
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY]).toMatchObject({
        answers: [],
        view: null,
      }),
    );
    cleanup();
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: { answers: [], view: 'definitions', savedAt: Date.now() },
    });
    render(<App search="" />);
    await screen.findByRole('tab', { name: 'Definitions', selected: true });
  });

  it('Start over clears what was saved', async () => {
    await fakeBrowser.storage.session.set({
      [POPUP_STATE_KEY]: { answers: [{ questionId: 'question', optionId: 'yes' }], view: 'triage', savedAt: Date.now() },
    });
    render(<App search="" />);
    await screen.findByRole('heading', { name: /^Priority 4/ });
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get(POPUP_STATE_KEY))[POPUP_STATE_KEY]).toMatchObject({ answers: [] }),
    );
  });
});

describe('which tab the popup talks to', () => {
  it.each([
    ['?tabId=12', 12],
    ['?tabId=0', 0],
    ['?tabId=-1', null],
    ['?tabId=abc', null],
    ['?tabId=1.5', null],
    ['', null],
  ])('%s → %s', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });

  it('is the active tab of the current window when none is named', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 } as never]);
    expect(await resolveTabId('')).toBe(42);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await resolveTabId('?tabId=5')).toBe(5);
  });
});

describe('accessibility (axe-core)', () => {
  const check = async (container: Element) => {
    // happy-dom does no layout: colour contrast is checked in the browsers, not here.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  };

  it('the question step is clean', async () => {
    const { container } = render(<App search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe('Checking this tab…'));
    await check(container);
  });

  it('the result is clean', async () => {
    const { container } = render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 1);
    await screen.findByRole('button', { name: 'Use Priority 4 on this ticket' });
    await check(container);
  });

  it('the result with what the ticket form tells Support is clean', async () => {
    page = {
      status: { type: 'status', armed: true, level: null },
      readiness: () => ({
        type: 'readiness',
        ok: true,
        results: [
          { id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: '2023.8.1' },
          { id: 'support-script', label: 'The support script output.', state: 'missing' },
          { id: 'custom-3', label: 'Change number', state: 'unknown' },
        ],
      }),
    };
    const { container } = render(<App search="?tabId=7" />);
    await answerWith(/working normally/, 1);
    await screen.findByRole('heading', { name: 'What your ticket tells Support' });
    await check(container);
  });

  it('the definitions are clean', async () => {
    const { container } = render(<App search="" />);
    fireEvent.click(screen.getByRole('tab', { name: 'Definitions' }));
    await check(container);
  });
});

describe('the popup and the organisation\u2019s ignored settings', () => {
  const problem = (path: string, source: 'policy' | 'user' = 'policy') => ({ source, path, issue: { code: 'expected', thing: 'text' }, given: { kind: 'scalar', text: '5' }, verdict: 'ignored' });

  it.each([
    [[], null],
    [[problem('plan', 'user')], null],
    [[problem('plan')], '1 organisation setting was ignored.'],
    [[problem('plan'), problem('wording.footer'), problem('plan', 'user')], '2 organisation settings were ignored.'],
  ])('with problems %j it says %j', async (problems, expected) => {
    await fakeBrowser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: { config: DEFAULT_CONFIG, problems } });
    const { container } = render(<App search="" />);
    await question(/working normally/);
    await waitFor(() => expect(container.querySelector('.pg-ignored-settings')?.textContent?.split('.')[0] ?? null).toBe(expected?.split('.')[0] ?? null));
  });

  it('opens the options page at the list of ignored settings', async () => {
    await fakeBrowser.storage.local.set({ [EFFECTIVE_CONFIG_KEY]: { config: DEFAULT_CONFIG, problems: [problem('plan')] } });
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<App search="" />);
    fireEvent.click(await screen.findByRole('button', { name: 'See which in the settings' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/options.html#problems') }));
  });
});
