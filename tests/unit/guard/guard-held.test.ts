// startGuard's held submission: what may happen to a stopped P1 while the user decides
// (README, "Guarantees"). The UI is a stub that hands the test the dialog's actions, so each
// state change can be driven exactly; the real dialog is covered in guard-dialog.test.tsx.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type EffectiveConfig } from '@/lib/config/effective';
import { startGuard } from '@/lib/guard/guard';
import type { DialogActions, DialogStopReason, GuardUi } from '@/lib/guard/ui';
import { ZENDESK_PROFILE, type PortalProfile } from '@/lib/portal/profiles';
import { loadFixtureBody, resetDocument } from '../portal/load-fixture';

interface StubDialog {
  actions: DialogActions;
  closed: boolean;
  stopped: DialogStopReason | null;
}

function stubUi() {
  const dialogs: StubDialog[] = [];
  const ui: GuardUi = {
    openGuardDialog: (_doc, _config, actions) => {
      const dialog: StubDialog = { actions, closed: false, stopped: null };
      dialogs.push(dialog);
      return {
        close: () => void (dialog.closed = true),
        isOpen: () => !dialog.closed,
        stop: (reason) => void (dialog.stopped = reason),
      };
    },
    createP1Note: () => ({ show: () => undefined, hide: () => undefined }),
    isOwnElement: () => false,
    readReadiness: () => [],
  };
  return { ui, dialogs, last: () => dialogs[dialogs.length - 1]! };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let abort: AbortController;
let submitted: string[];
let alive: boolean;

function start(options: { config?: () => EffectiveConfig; profile?: () => PortalProfile } = {}) {
  const stub = stubUi();
  abort = new AbortController();
  alive = true;
  const guard = startGuard({
    doc: document,
    portal: { shadowDom: false, profile: options.profile ?? (() => ZENDESK_PROFILE) },
    config: options.config ?? (() => DEFAULT_CONFIG),
    ui: { current: () => stub.ui, load: async () => stub.ui },
    signal: abort.signal,
    isValid: () => alive && !abort.signal.aborted,
  });
  return { ...stub, guard };
}

const form = () => document.querySelector<HTMLFormElement>('form#new_request')!;
const select = () => document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!;
const submitButton = () => document.querySelector<HTMLInputElement>('input[name="commit"]')!;

function openForm() {
  loadFixtureBody('zendesk-select');
  submitted = [];
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    submitted.push(select().value);
  });
}

async function choose(value: string) {
  select().value = value;
  select().dispatchEvent(new Event('change', { bubbles: true }));
  await flush();
}

/** The zendesk-select form, armed, with Urgent chosen and Submit pressed: the dialog is open. */
async function heldP1(options?: Parameters<typeof start>[0]) {
  openForm();
  const started = start(options);
  await flush();
  await choose('urgent');
  submitButton().click();
  await flush();
  expect(started.dialogs).toHaveLength(1);
  expect(submitted).toEqual([]);
  return started;
}

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => {
  abort.abort();
  resetDocument();
});

describe('a held P1 goes ahead at most once, only as confirmed, only at the level shown', () => {
  it('goes ahead once when the user confirms, through the page\u2019s own submit', async () => {
    const { last } = await heldP1();
    last().actions.confirm();
    last().actions.confirm();
    expect(submitted).toEqual(['urgent']);
    expect(last().closed).toBe(true);
  });

  it('is replaced by a later attempt: confirming sends one submission, the latest', async () => {
    const { dialogs, last } = await heldP1();
    form().requestSubmit(); // the page submits again while the dialog is open
    await flush();
    expect(dialogs).toHaveLength(1); // the open dialog answers for it
    last().actions.confirm();
    expect(submitted).toEqual(['urgent']);
  });

  it('is dropped, and the dialog closed, when the popup sets another level while the dialog is open', async () => {
    const { guard, last } = await heldP1();
    expect(await guard.control()!.set(2)).toBe(true);
    await flush();
    expect(last().closed).toBe(true);
    last().actions.confirm(); // a stale click: nothing
    expect(submitted).toEqual([]);
    submitButton().click();
    expect(submitted).toEqual(['high']);
  });

  it('never sends a level the form does not show: a silent change is caught at confirm', async () => {
    const { last } = await heldP1();
    select().value = 'high'; // a framework's change: no event
    last().actions.confirm();
    expect(submitted).toEqual([]);
    expect(last().closed).toBe(true);
  });

  it('puts the cursor at the end of the description when the dialog names it on its way back', async () => {
    const { last } = await heldP1();
    const description = document.querySelector<HTMLTextAreaElement>('textarea[name="request[description]"]')!;
    description.value = 'Puppet Server is down.';
    last().actions.dismissed(false, description);
    expect(document.activeElement).toBe(description);
    expect(description.selectionStart).toBe(description.value.length);
    expect(submitted).toEqual([]);
  });

  it('does not close the dialog under its own "Change to": the dialog closes itself when done', async () => {
    const { last } = await heldP1();
    const changed = await last().actions.changeLevel(3);
    await flush();
    expect(changed).toBe(true);
    expect(last().closed).toBe(false);
    last().actions.dismissed(true);
    expect(document.activeElement).toBe(select());
    expect(submitted).toEqual([]);
  });
});

describe('a held P1 whose form or guard went away: nothing is sent, and the user is told', () => {
  it('tells the dialog "form-gone" when the form leaves the page, and sends nothing on confirm', async () => {
    const { last } = await heldP1();
    const replacement = form().cloneNode(true) as HTMLFormElement;
    form().replaceWith(replacement);
    last().actions.pageChanged();
    expect(last().stopped).toBe('form-gone');
    last().actions.confirm();
    expect(submitted).toEqual([]);
  });

  it('tells the dialog "form-gone" at confirm if the change was not noticed before', async () => {
    const { last } = await heldP1();
    const old = form();
    old.replaceWith(old.cloneNode(true));
    last().actions.confirm();
    expect(last().stopped).toBe('form-gone');
    expect(submitted).toEqual([]);
  });

  it('tells the dialog "extension-gone" when the extension went away, and sends nothing', async () => {
    const { last } = await heldP1();
    alive = false;
    last().actions.confirm();
    expect(last().stopped).toBe('extension-gone');
    expect(submitted).toEqual([]);
  });

  it('tells an open dialog "extension-gone" when this copy of the guard is ended', async () => {
    const { last } = await heldP1();
    abort.abort();
    expect(last().stopped).toBe('extension-gone');
    expect(submitted).toEqual([]);
  });

  it('keeps the dialog when only the field is re-rendered inside the same form', async () => {
    const { last } = await heldP1();
    const field = select().closest('.form-field')!;
    field.replaceWith(field.cloneNode(true));
    select().value = 'urgent';
    last().actions.pageChanged();
    expect(last().stopped).toBeNull();
    last().actions.confirm();
    expect(submitted).toEqual(['urgent']);
  });
});

describe('the configuration in force when the field is armed decides its levels', () => {
  it('re-arms the field when the organisation\u2019s labels arrive after it was armed with the defaults', async () => {
    openForm();
    let profile: PortalProfile = ZENDESK_PROFILE;
    const { guard, dialogs } = start({ profile: () => profile });
    await flush();
    const armedFirst = guard.control();
    // The organisation's P1 is "High", its P2 is "Urgent" (the configuration arrives now).
    profile = { ...ZENDESK_PROFILE, labels: { High: 1, Urgent: 2 } };
    guard.configChanged();
    expect(guard.control()).not.toBe(armedFirst);

    await choose('urgent');
    submitButton().click();
    await flush();
    expect(dialogs).toHaveLength(0);
    expect(submitted).toEqual(['urgent']);

    await choose('high');
    submitButton().click();
    await flush();
    expect(dialogs).toHaveLength(1);
    expect(submitted).toEqual(['urgent']);
  });

  it('keeps the armed field when a configuration change does not touch how it is found', async () => {
    openForm();
    let config = DEFAULT_CONFIG;
    const { guard } = start({ config: () => config });
    await flush();
    const armed = guard.control();
    config = { ...DEFAULT_CONFIG, plan: 'premium' };
    guard.configChanged();
    expect(guard.control()).toBe(armed);
  });
});
