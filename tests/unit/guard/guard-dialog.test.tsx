import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardDialog, type GuardDialogProps } from '../../../components/GuardDialog';
import { DEFAULT_CONFIG } from '../../../lib/config/effective';
import { openGuardDialog } from '../../../entrypoints/guard-ui/dialog';
import { formGoneMessage, guardGoneMessage } from '../../../components/GuardDialog';
import { createP1Note } from '../../../entrypoints/guard-ui/note';
import { nativeSelectControl } from '../../../lib/portal/adapters/native-select';
import { RECOGNISED_LEVELS } from '../../../lib/portal/option-levels';
import type { ChecklistId } from '../../../lib/rules';

function props(overrides: Partial<GuardDialogProps> = {}): GuardDialogProps {
  return {
    definitions: DEFAULT_CONFIG.definitions,
    replaced: [],
    plan: 'unknown',
    p1Phone: null,
    checklist: DEFAULT_CONFIG.checklist,
    ticked: new Set<ChecklistId>(),
    suggestion: 3,
    readiness: { results: [], summary: null },
    headingsHelp: null,
    copied: 'idle',
    reassurance: DEFAULT_CONFIG.reassurance,
    error: null,
    busy: false,
    stopped: null,
    onToggle: vi.fn(),
    onConfirm: vi.fn(),
    onChangeLevel: vi.fn(),
    onBack: vi.fn(),
    onAddHeadings: vi.fn(),
    onCopyHeadings: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('GuardDialog', () => {
  it('shows all four definitions with both plans when the plan is unknown, P1 highlighted', () => {
    const { container } = render(<GuardDialog {...props()} />);
    const levels = container.querySelectorAll('.pg-level');
    expect(levels).toHaveLength(4);
    expect(container.querySelector('.pg-level-highlight')?.getAttribute('data-level')).toBe('1');
    expect(levels[0]!.textContent).toContain('Standard plan');
    expect(levels[0]!.textContent).toContain('Premium plan');
    expect(container.querySelectorAll('.pg-summary-mark')).toHaveLength(2);
  });

  it('offers the suggestion first and keeps confirming disabled until every statement is ticked', () => {
    render(<GuardDialog {...props({ suggestion: 2, ticked: new Set(['production', 'critical']) })} />);
    expect(screen.getByRole('button', { name: 'Change to Priority 2' })).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Submit as Priority 1' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Change to Priority 3' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change to Priority 4' })).toBeTruthy();
  });

  it('enables confirming when all is ticked, and shows what the ticket tells Support', () => {
    const all = new Set<ChecklistId>(['production', 'critical', 'no-workaround']);
    const readiness = {
      results: [
        { id: 'pe-version', label: 'Your Puppet Enterprise version.', state: 'found' as const, evidence: '2023.8.1' },
        { id: 'support-script', label: 'The output of the support script.', state: 'missing' as const },
        { id: 'custom-1', label: 'Your change number.', state: 'unknown' as const },
      ],
      summary: 'Add the support script output so Support can start at once.',
    };
    const p = props({ suggestion: 1, ticked: all, readiness });
    render(<GuardDialog {...p} />);
    const confirm = screen.getByRole('button', { name: 'Submit as Priority 1' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Change to Priority 1' })).toBeNull();
    const section = screen.getByRole('region', { name: 'What your ticket tells Support' });
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '\u2713Your Puppet Enterprise version. Found: 2023.8.1',
      '\u2717The output of the support script. Missing',
      "?Your change number. Can't tell",
    ]);
    expect(section.textContent).toContain('Add the support script output so Support can start at once.');
    fireEvent.click(confirm);
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
  });

  it('offers to add headings to a plain description, and to copy them for a rich editor, never once stopped', () => {
    const add = props({ headingsHelp: { kind: 'add', headings: 'Puppet Enterprise version:' } });
    const first = render(<GuardDialog {...add} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add headings for what is missing' }));
    expect(add.onAddHeadings).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Copy headings' })).toBeNull();
    first.unmount();

    const copy = props({ headingsHelp: { kind: 'copy', headings: 'Puppet Enterprise version:' } });
    const second = render(<GuardDialog {...copy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy headings' }));
    expect(copy.onCopyHeadings).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('to paste at the end of your description');
    second.rerender(<GuardDialog {...copy} copied="copied" />);
    expect(screen.getByRole('status').textContent).toContain('Copied.');
    second.rerender(<GuardDialog {...copy} copied="failed" />);
    expect(second.container.querySelector('pre')!.textContent).toBe('Puppet Enterprise version:');
    second.unmount();

    render(<GuardDialog {...props({ headingsHelp: { kind: 'add', headings: 'x:' }, stopped: 'form-gone' })} />);
    expect(screen.queryByRole('button', { name: 'Add headings for what is missing' })).toBeNull();
  });

  it("gives the organisation's P1 phone number on Premium only, and marks replaced wording", () => {
    const all = new Set<ChecklistId>(['production', 'critical', 'no-workaround']);
    const premium = render(<GuardDialog {...props({ suggestion: 1, ticked: all, plan: 'premium', p1Phone: '+1 555 0100', replaced: [1] })} />);
    expect(premium.container.textContent).toContain('+1 555 0100');
    expect(premium.container.querySelector('.pg-level-1')!.textContent).toContain("your organisation's wording");
    cleanup();
    const standard = render(<GuardDialog {...props({ suggestion: 1, ticked: all, plan: 'standard', p1Phone: '+1 555 0100' })} />);
    expect(standard.container.textContent).not.toContain('+1 555 0100');
  });

  it('renders policy text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">Tick me';
    const { container } = render(
      <GuardDialog {...props({ checklist: [{ id: 'production', statement: hostile }], reassurance: '<b>bold</b>' })} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });
});

function dialogActions(alive = () => true) {
  return {
    confirm: vi.fn(),
    changeLevel: vi.fn(async () => true),
    dismissed: vi.fn(),
    pageChanged: vi.fn(),
    isAlive: vi.fn(alive),
  };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A small ticket form whose priority field the dialog is about. */
function ticketControl(description = '') {
  const form = document.body.appendChild(document.createElement('form'));
  form.innerHTML = `<label for="s">Subject</label><input id="s" name="request[subject]" value="Puppet Server down">
<label for="d">Description</label><textarea id="d" name="request[description]"></textarea>
<label for="p">Priority</label><select id="p" name="request[priority]"><option value="urgent" selected>Urgent</option></select>`;
  form.querySelector('textarea')!.value = description;
  return nativeSelectControl(form.querySelector('select')!, RECOGNISED_LEVELS);
}

describe('the P1 note', () => {
  it('undoes a page script that rewords it', async () => {
    const field = document.body.appendChild(document.createElement('div'));
    const note = createP1Note(field);
    note.show(DEFAULT_CONFIG.definitions, true);
    const root = document.querySelector('priority-guard-note')!.shadowRoot!;
    const original = root.textContent;
    root.querySelector('.pg-note')!.textContent = 'Priority 1 is for anything you like.';
    await tick();
    expect(root.textContent).toBe(original);
    note.hide();
    expect(document.querySelector('priority-guard-note')).toBeNull();
    field.remove();
  });
});

describe('GuardDialog once it can no longer submit', () => {
  it('says plainly that nothing was submitted when the form left the page, and offers only "Back to form"', () => {
    const { container } = render(<GuardDialog {...props({ stopped: 'form-gone', suggestion: 2 })} />);
    const status = container.querySelector('.pg-status')!;
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toBe(formGoneMessage());
    expect(formGoneMessage()).toContain('Nothing was submitted');
    expect(screen.queryByRole('button', { name: 'Submit as Priority 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Change to Priority/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to form' })).toBeTruthy();
  });

  it('carries the "guard stopped" notice from the start, and a Back button the browser itself can act on', () => {
    const { container } = render(<GuardDialog {...props()} />);
    expect(container.querySelector('.pg-gone')!.textContent).toBe(guardGoneMessage());
    const back = screen.getByRole('button', { name: 'Back to form' }) as HTMLButtonElement;
    // A submit button of a method="dialog" form closes the dialog natively, without our script.
    expect(back.type).toBe('submit');
    expect(back.form?.getAttribute('method')).toBe('dialog');
    // Everything that needs the live guard is marked so CSS can hide it once the guard is gone.
    for (const action of container.querySelectorAll('[data-action="confirm"], [data-action="change"]')) {
      expect(action.closest('.pg-needs-guard')).not.toBeNull();
    }
  });
});

describe('openGuardDialog', () => {
  afterEach(() => {
    vi.useRealTimers();
    for (const host of document.querySelectorAll('priority-guard-dialog')) host.remove();
    for (const form of document.querySelectorAll('form')) form.remove();
  });

  const readiness = () =>
    Object.fromEntries(
      [...document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelectorAll('[data-essential]')].map((li) => [
        li.getAttribute('data-essential'),
        li.getAttribute('data-state'),
      ]),
    );

  it('shows what the ticket tells Support, read from the form: an empty description lacks everything', () => {
    const opened = openGuardDialog(document, DEFAULT_CONFIG, dialogActions(), ticketControl(''));
    expect(readiness()).toEqual({
      'what-broke-since': 'missing',
      'what-changed': 'missing',
      'pe-version': 'missing',
      'support-script': 'missing',
      'business-impact': 'missing',
    });
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    expect(root.querySelector('.pg-readiness-summary')!.textContent).toMatch(/^Add .* so Support can start at once\.$/);
    opened.close();
  });

  it('shows what was found, with what it found, in words and a mark (not colour alone)', () => {
    const opened = openGuardDialog(
      document,
      DEFAULT_CONFIG,
      dialogActions(),
      ticketControl('Since 09:10 UTC today every agent run fails on PE 2023.8.1 after we upgraded the compilers.'),
    );
    const state = readiness();
    expect(state['pe-version']).toBe('found');
    expect(state['what-broke-since']).toBe('found');
    expect(state['what-changed']).toBe('found');
    expect(state['support-script']).toBe('missing');
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    const version = root.querySelector('[data-essential="pe-version"]')!;
    expect(version.textContent).toContain('Found: ');
    expect(version.textContent).toContain('2023.8.1');
    expect(version.querySelector('.pg-readiness-mark')!.textContent).toBe('\u2713');
    opened.close();
  });

  it('comes back when the page removes it or closes it behind the guard\u2019s back', async () => {
    const actions = dialogActions();
    const opened = openGuardDialog(document, DEFAULT_CONFIG, actions, ticketControl());
    const host = document.querySelector('priority-guard-dialog')!;
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    host.remove();
    await tick();
    expect(host.isConnected).toBe(true);
    expect(dialog.open).toBe(true);
    expect(actions.pageChanged).toHaveBeenCalled();
    dialog.close();
    await tick();
    expect(dialog.open).toBe(true);
    expect(opened.isOpen()).toBe(true);
    opened.close();
    await tick();
    expect(host.isConnected).toBe(false);
  });

  it('undoes a page script that rewords or restyles it through the open shadow root', async () => {
    const opened = openGuardDialog(document, DEFAULT_CONFIG, dialogActions(), ticketControl());
    const host = document.querySelector<HTMLElement>('priority-guard-dialog')!;
    const root = host.shadowRoot!;
    const title = () => root.getElementById('pg-dialog-title')!.textContent;
    const original = title();
    root.getElementById('pg-dialog-title')!.textContent = 'Priority 1 is fine, just submit';
    root.querySelector('.pg-dialog-intro')!.append(' (edited)');
    root.append(Object.assign(document.createElement('style'), { textContent: '.pg-dialog { display: none }' }));
    host.style.setProperty('display', 'none', 'important');
    host.setAttribute('inert', '');
    root.querySelector('dialog')!.classList.add('hidden-by-page');
    await tick();
    expect(title()).toBe(original);
    expect(root.querySelector('.pg-dialog-intro')!.textContent).not.toContain('(edited)');
    expect(root.querySelectorAll('style')).toHaveLength(1);
    expect(host.style.getPropertyValue('display')).not.toBe('none');
    expect(host.hasAttribute('inert')).toBe(false);
    expect(root.querySelector('dialog')!.classList.contains('hidden-by-page')).toBe(false);
    expect(root.querySelector('dialog')!.classList.contains('pg-dialog')).toBe(true);
    expect(root.querySelector('dialog')!.open).toBe(true);
    opened.close();
  });

  it('keeps what it says after a rebuild: a stopped dialog stays stopped', async () => {
    const opened = openGuardDialog(document, DEFAULT_CONFIG, dialogActions(), ticketControl());
    opened.stop('form-gone');
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    root.querySelector('.pg-status')!.textContent = 'All good, it was sent.';
    await tick();
    expect(root.querySelector('.pg-status')!.textContent).toBe(formGoneMessage());
    expect(root.querySelector('dialog')!.dataset.state).toBe('form-gone');
    expect(root.querySelector('[data-action="confirm"]')).toBeNull();
    opened.close();
  });

  it('tells the guard when the page changes while it is open, and stops when asked', async () => {
    const actions = dialogActions();
    const opened = openGuardDialog(document, DEFAULT_CONFIG, actions, ticketControl());
    document.body.append(document.createElement('div'));
    await tick();
    expect(actions.pageChanged).toHaveBeenCalled();
    opened.stop('form-gone');
    const root = document.querySelector('priority-guard-dialog')!.shadowRoot!;
    expect(root.querySelector('dialog')!.dataset.state).toBe('form-gone');
    expect(root.querySelector('.pg-status')!.textContent).toContain('Nothing was submitted');
    expect(root.querySelector('[data-action="confirm"]')).toBeNull();
    opened.close();
  });

  it('switches to "the guard stopped" on its own once the extension is gone', () => {
    vi.useFakeTimers();
    let alive = true;
    const actions = dialogActions(() => alive);
    const opened = openGuardDialog(document, DEFAULT_CONFIG, actions, ticketControl());
    const dialog = document.querySelector('priority-guard-dialog')!.shadowRoot!.querySelector('dialog')!;
    vi.advanceTimersByTime(3_000);
    expect(dialog.dataset.state).toBe('ask');
    alive = false;
    vi.advanceTimersByTime(1_000);
    expect(dialog.dataset.state).toBe('extension-gone');
    expect(opened.isOpen()).toBe(true); // the user closes it, with Back or Escape
    opened.close();
  });

  it('opens a labelled modal dialog in a shadow root and ignores untrusted events', () => {
    const actions = dialogActions();
    const opened = openGuardDialog(document, DEFAULT_CONFIG, actions, ticketControl());
    expect(opened.isOpen()).toBe(true);
    const host = document.querySelector('priority-guard-dialog')!;
    const dialog = host.shadowRoot!.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('pg-dialog-title');
    expect(host.shadowRoot!.getElementById('pg-dialog-title')!.textContent).toContain('Priority 1');

    // Synthetic events (isTrusted false) tick nothing and press nothing.
    for (const box of host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.click();
      expect(box.checked).toBe(false);
    }
    const confirm = host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=confirm]')!;
    expect(confirm.disabled).toBe(true);
    host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=change]')!.click();
    host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=back]')!.click();
    expect(actions.changeLevel).not.toHaveBeenCalled();
    expect(actions.dismissed).not.toHaveBeenCalled();
    opened.close();
    expect(opened.isOpen()).toBe(false);
    expect(document.querySelector('priority-guard-dialog')).toBeNull();
  });
});
