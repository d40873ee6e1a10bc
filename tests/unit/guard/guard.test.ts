// startGuard with its UI arriving late, or never: the form must keep working either way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type EffectiveConfig } from '@/lib/config/effective';
import { openGuardDialog } from '@/entrypoints/guard-ui/dialog';
import { startGuard } from '@/lib/guard/guard';
import type { GuardUiLoader } from '@/lib/guard/load-ui';
import { createP1Note } from '@/entrypoints/guard-ui/note';
import { readReadiness } from '@/entrypoints/guard-ui/readiness';
import { isOwnHost } from '@/entrypoints/guard-ui/shadow-host';
import type { GuardUi } from '@/lib/guard/ui';
import { ZENDESK_PROFILE } from '@/lib/portal/profiles';
import { loadFixtureBody, resetDocument, UNNAMED_PRIORITY_FORM } from '../portal/load-fixture';

const UI: GuardUi = { openGuardDialog, createP1Note, isOwnElement: isOwnHost, readReadiness };

/** A loader whose load() the test settles by hand, counting the requests. */
function manualLoader() {
  let current: GuardUi | null = null;
  let settle: { resolve(ui: GuardUi): void; reject(error: Error): void } | null = null;
  let pending: Promise<GuardUi> | null = null;
  const loader: GuardUiLoader & { requests: number } = {
    requests: 0,
    current: () => current,
    load() {
      if (current) return Promise.resolve(current);
      pending ??= new Promise<GuardUi>((resolve, reject) => {
        loader.requests++;
        settle = { resolve, reject };
      });
      return pending;
    },
  };
  return {
    loader,
    async arrive() {
      current = UI;
      settle?.resolve(UI);
      pending = null;
      await flush();
    },
    async fail() {
      settle?.reject(new Error('The guard\u2019s dialog could not be loaded: no access.'));
      pending = null;
      await flush();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let abort: AbortController;
let submissions: number;

function start(loader: GuardUiLoader, config: EffectiveConfig | (() => EffectiveConfig) = DEFAULT_CONFIG, profile = () => ZENDESK_PROFILE) {
  abort = new AbortController();
  return startGuard({
    doc: document,
    portal: { shadowDom: false, profile },
    config: typeof config === 'function' ? config : () => config,
    ui: loader,
    signal: abort.signal,
    isValid: () => true,
  });
}

function openForm() {
  loadFixtureBody('zendesk-select');
  submissions = 0;
  document.querySelector('form#new_request')!.addEventListener('submit', (event) => {
    event.preventDefault();
    submissions++;
  });
}

/** The request form, with the guard armed on it and its UI not loaded yet. */
async function armedForm() {
  const ui = manualLoader();
  openForm();
  start(ui.loader);
  await flush();
  return ui;
}

function choose(value: string) {
  const select = document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const submitButton = () => document.querySelector<HTMLInputElement>('input[name="commit"]')!;
const dialogOpen = () => !!document.querySelector('priority-guard-dialog')?.shadowRoot?.querySelector('dialog[open]');
const noteShown = () => !!document.querySelector('priority-guard-note');

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => {
  abort.abort();
  document.querySelector('priority-guard-dialog')?.remove();
  resetDocument();
});

describe('startGuard and its lazily loaded UI', () => {
  it('asks for the UI once a field is found, and not on a page without a form', async () => {
    const onArticle = manualLoader();
    loadFixtureBody('article');
    start(onArticle.loader);
    await flush();
    expect(document.documentElement.dataset.priorityGuard).toBe('idle');
    expect(onArticle.loader.requests).toBe(0);
    abort.abort();

    const onForm = manualLoader();
    openForm();
    start(onForm.loader);
    await flush();
    expect(document.documentElement.dataset.priorityGuard).toBe('armed');
    expect(onForm.loader.requests).toBe(1);
  });

  it('does not load it when the guard is off', async () => {
    const { loader } = manualLoader();
    openForm();
    start(loader, { ...DEFAULT_CONFIG, guardMode: 'off' });
    await flush();
    choose('urgent');
    expect(loader.requests).toBe(0);
  });

  it('holds a P1 submission made before the UI arrived, then asks about it once', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    submitButton().click();
    expect(submissions).toBe(0);
    expect(dialogOpen()).toBe(false);
    await ui.arrive();
    expect(dialogOpen()).toBe(true);
    expect(document.querySelectorAll('priority-guard-dialog')).toHaveLength(1);
    expect(submissions).toBe(0);
  });

  it('lets the P1 submission through, exactly once, when the UI cannot be loaded (fail open)', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    expect(submissions).toBe(0);
    await ui.fail();
    expect(submissions).toBe(1);
    expect(dialogOpen()).toBe(false);
    expect(console.error).toHaveBeenCalled();
  });

  it('never waits for the UI below Priority 1', async () => {
    const ui = await armedForm();
    choose('high');
    submitButton().click();
    expect(submissions).toBe(1);
  });

  it('shows the P1 note once the UI is here, and hides it when the level changes', async () => {
    const ui = await armedForm();
    choose('urgent');
    expect(noteShown()).toBe(false);
    await ui.arrive();
    expect(noteShown()).toBe(true);
    choose('normal');
    await flush();
    expect(noteShown()).toBe(false);
  });

  it('shows no note from a UI that arrives after the field went away', async () => {
    const ui = await armedForm();
    choose('urgent');
    const form = document.querySelector('form#new_request')!;
    form.remove();
    // The guard learns it when focus moves (in a browser, also from its ResizeObserver).
    document.body.appendChild(document.createElement('input')).focus();
    await flush();
    expect(document.documentElement.getAttribute('data-priority-guard')).toBe('idle');
    await ui.arrive();
    expect(noteShown()).toBe(false);
    expect(form.querySelector('priority-guard-note')).toBeNull();
  });

  it('lets a held P1 through if the extension goes away while the UI loads', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    abort.abort();
    await ui.arrive();
    expect(dialogOpen()).toBe(false);
    expect(submissions).toBe(1);
  });

  it('drops a held P1 when the level changes while the UI loads: only the next submission goes, once', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    choose('high');
    await flush();
    submitButton().click();
    expect(submissions).toBe(1);
    await ui.arrive();
    expect(dialogOpen()).toBe(false);
    expect(submissions).toBe(1);
  });

  it('drops a held P1 when another submission goes ahead while the UI loads (no replay afterwards)', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    // The page submits by itself at another level (no level-change event reached the guard).
    const select = document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!;
    select.value = 'high';
    document.querySelector<HTMLFormElement>('form#new_request')!.requestSubmit();
    expect(submissions).toBe(1);
    await ui.arrive();
    expect(dialogOpen()).toBe(false);
    expect(submissions).toBe(1);
  });

  it('answers only the latest of several P1 attempts made while the UI loads', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    document.querySelector<HTMLFormElement>('form#new_request')!.requestSubmit();
    await ui.arrive();
    expect(document.querySelectorAll('priority-guard-dialog')).toHaveLength(1);
    expect(submissions).toBe(0);
  });

  it('opens no dialog for a form that went away while the UI loaded', async () => {
    const ui = await armedForm();
    choose('urgent');
    submitButton().click();
    document.querySelector('form#new_request')!.remove();
    await flush();
    await ui.arrive();
    expect(dialogOpen()).toBe(false);
    expect(submissions).toBe(0);
  });

  it('steps aside for good once the UI could not be loaded: the next P1 is not held', async () => {
    const ui = await armedForm();
    await ui.fail(); // the preload at arming
    choose('urgent');
    submitButton().click();
    expect(submissions).toBe(1);
    expect(ui.loader.requests).toBe(1);
  });
});

describe('startGuard when the configuration arrives or changes after start', () => {
  it('shows or hides the P1 note as the guard mode changes', async () => {
    const ui = manualLoader();
    openForm();
    let config = DEFAULT_CONFIG;
    const guard = start(ui.loader, () => config);
    await flush();
    choose('urgent');
    await ui.arrive();
    expect(noteShown()).toBe(true);
    config = { ...DEFAULT_CONFIG, guardMode: 'off' };
    guard.configChanged();
    expect(noteShown()).toBe(false);
    config = DEFAULT_CONFIG;
    guard.configChanged();
    expect(noteShown()).toBe(true);
  });

  it('lets go of a field that left the page, and shows the note on the form that replaced it', async () => {
    const ui = manualLoader();
    openForm();
    const guard = start(ui.loader);
    await flush();
    choose('urgent');
    await ui.arrive();
    const form = document.querySelector('form#new_request')!;
    const replacement = form.cloneNode(true) as HTMLFormElement;
    form.replaceWith(replacement);
    replacement.querySelector('priority-guard-note')?.remove(); // the copy of the old note
    replacement.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!.value = 'urgent'; // no event: only a look sees it
    guard.configChanged();
    expect(replacement.querySelector('priority-guard-note')).not.toBeNull();
    expect(form.querySelector('priority-guard-note')).toBeNull();
  });

  it('looks for the field again, with the new profile, when nothing is armed', async () => {
    const { loader } = manualLoader();
    document.body.innerHTML = UNNAMED_PRIORITY_FORM;
    let profile = ZENDESK_PROFILE;
    const guard = start(loader, DEFAULT_CONFIG, () => profile);
    await flush();
    expect(document.documentElement.dataset.priorityGuard).toBe('idle');
    profile = { ...ZENDESK_PROFILE, fieldSelector: '#impact' };
    guard.configChanged();
    await flush();
    expect(document.documentElement.dataset.priorityGuard).toBe('armed');
  });
});
