import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardDialog, type GuardDialogProps } from '../../../components/GuardDialog';
import { DEFAULT_CONFIG } from '../../../lib/config/effective';
import { openGuardDialog } from '../../../lib/guard/dialog';
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
    essentials: DEFAULT_CONFIG.ticketEssentials,
    reassurance: DEFAULT_CONFIG.reassurance,
    error: null,
    busy: false,
    onToggle: vi.fn(),
    onConfirm: vi.fn(),
    onChangeLevel: vi.fn(),
    onBack: vi.fn(),
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

  it('enables confirming when all is ticked and then lists what Support needs', () => {
    const all = new Set<ChecklistId>(['production', 'critical', 'no-workaround']);
    const p = props({ suggestion: 1, ticked: all });
    render(<GuardDialog {...p} />);
    const confirm = screen.getByRole('button', { name: 'Submit as Priority 1' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Change to Priority 1' })).toBeNull();
    expect(screen.getByText(/puppet enterprise support/)).toBeTruthy();
    fireEvent.click(confirm);
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
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

describe('openGuardDialog', () => {
  it('opens a labelled modal dialog in a shadow root and ignores untrusted events', () => {
    const actions = { confirm: vi.fn(), changeLevel: vi.fn(async () => true), dismissed: vi.fn() };
    const opened = openGuardDialog(document, DEFAULT_CONFIG, actions);
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
