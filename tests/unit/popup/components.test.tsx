import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DefinitionsView } from '@/components/popup/DefinitionsView';
import { PriorityResult, type PriorityResultProps } from '@/components/popup/PriorityResult';
import { TabStatusLine, type TabState } from '@/components/popup/TabStatusLine';
import { TriageStep } from '@/components/popup/TriageStep';
import { ViewTabs } from '@/components/popup/ViewTabs';
import { DEFAULT_CONFIG } from '@/lib/config/effective';
import { TRIAGE_QUESTIONS, definitionOf, triage, type Level } from '@/lib/rules';

afterEach(cleanup);

const [FIRST, PRODUCTION, SEVERITY] = TRIAGE_QUESTIONS;

describe('TriageStep', () => {
  function renderStep(props: Partial<Parameters<typeof TriageStep>[0]> = {}) {
    const handlers = { onAnswer: vi.fn(), onBack: vi.fn(), onStartOver: vi.fn() };
    render(<TriageStep question={SEVERITY} number={3} autoFocus {...handlers} {...props} />);
    return handlers;
  }

  it('asks one question, its answers named radio buttons, every control named', () => {
    renderStep();
    expect(screen.getByRole('group', { name: /Question 3\s*How bad is it\?/ })).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['inoperative', 'impaired']);
    expect(screen.getByRole('radio', { name: /inoperative or severely degraded/ })).toBeTruthy();
    for (const name of ['Next', 'Back', 'Start over']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('focuses the first answer when it opens', () => {
    renderStep();
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
  });

  it('number keys pick an answer and Enter goes on', () => {
    const { onAnswer } = renderStep();
    const [first] = screen.getAllByRole('radio') as HTMLInputElement[];
    fireEvent.keyDown(first!, { key: '2' });
    const second = screen.getAllByRole('radio')[1] as HTMLInputElement;
    expect(second.checked).toBe(true);
    expect(document.activeElement).toBe(second);
    expect(onAnswer).not.toHaveBeenCalled();
    fireEvent.keyDown(second, { key: 'Enter' });
    expect(onAnswer).toHaveBeenCalledWith('impaired');
  });

  it('arrow keys move between answers, wrapping around', () => {
    const { onAnswer } = renderStep();
    const radios = () => screen.getAllByRole('radio') as HTMLInputElement[];
    // From the focused answer, as native radio buttons do.
    fireEvent.keyDown(radios()[0]!, { key: 'ArrowDown' });
    expect(radios()[1]!.checked).toBe(true);
    expect(document.activeElement).toBe(radios()[1]);
    fireEvent.keyDown(radios()[1]!, { key: 'ArrowDown' });
    expect(radios()[0]!.checked).toBe(true);
    fireEvent.keyDown(radios()[0]!, { key: 'ArrowUp' });
    expect(radios()[1]!.checked).toBe(true);
    fireEvent.keyDown(radios()[1]!, { key: 'Enter' });
    expect(onAnswer).toHaveBeenCalledWith('impaired');
  });

  it('ignores number keys beyond the answers and with modifiers', () => {
    renderStep();
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    fireEvent.keyDown(radios[0]!, { key: '3' });
    fireEvent.keyDown(radios[0]!, { key: '1', ctrlKey: true });
    expect(radios.some((r) => r.checked)).toBe(false);
  });

  it('asks for an answer when Enter is pressed with none picked', () => {
    const { onAnswer } = renderStep();
    fireEvent.keyDown(screen.getAllByRole('radio')[0]!, { key: 'Enter' });
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Pick an answer first.');
  });

  it('clicking an answer and Next goes on; Back and Start over call back', () => {
    const { onAnswer, onBack, onStartOver } = renderStep();
    fireEvent.click(screen.getByRole('radio', { name: /impaired, but mostly works/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onAnswer).toHaveBeenCalledWith('impaired');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(onBack).toHaveBeenCalledOnce();
    expect(onStartOver).toHaveBeenCalledOnce();
  });

  it('shows the earlier answer picked when coming back, and focuses it', () => {
    renderStep({ question: PRODUCTION, number: 2, initial: 'no' });
    const no = screen.getByRole('radio', { name: /test or development/ }) as HTMLInputElement;
    expect(no.checked).toBe(true);
    expect(document.activeElement).toBe(no);
  });

  it('has Back disabled on the first question (nothing to go back to)', () => {
    renderStep({ question: FIRST, number: 1 });
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Start over' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('does not take focus unless asked to', () => {
    render(<TriageStep question={FIRST} number={1} onAnswer={vi.fn()} onBack={vi.fn()} onStartOver={vi.fn()} />);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('PriorityResult', () => {
  function props(level: Level, overrides: Partial<PriorityResultProps> = {}): PriorityResultProps {
    const situations = {
      1: { functioning: 'inoperative', production: true, workaround: false },
      2: { functioning: 'impaired', production: true, workaround: false },
      3: { functioning: 'impaired', production: false, workaround: true },
      4: { functioning: 'normal', production: true, workaround: true },
    } as const;
    return {
      result: triage(situations[level]),
      definition: definitionOf(level),
      plan: 'unknown',
      essentials: DEFAULT_CONFIG.ticketEssentials,
      reassurance: DEFAULT_CONFIG.reassurance,
      p1Phone: null,
      handoff: { kind: 'pending' },
      onBack: vi.fn(),
      onStartOver: vi.fn(),
      ...overrides,
    };
  }

  it.each([1, 2, 3, 4] as const)('Priority %i: name, quoted definition, why, targets of both plans, what to include', (level) => {
    const p = props(level);
    const { container } = render(<PriorityResult {...p} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(`Priority ${level}`);
    expect(container.querySelector('blockquote')!.textContent).toBe(p.definition.definition);
    const caption = container.querySelector('figcaption')!.textContent!;
    if (level === 2 || level === 3) expect(caption).toMatch(/summary/i);
    else expect(caption).toMatch(/published/);
    const reasons = [...container.querySelectorAll('.pg-reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual([...p.result.reasons]);
    const targets = container.querySelector('.pg-result-targets')!.textContent!;
    expect(targets).toContain('Standard plan');
    expect(targets).toContain('Premium plan');
    const essentials = [...container.querySelectorAll('.pg-essentials-list li')].map((li) => li.textContent);
    expect(essentials).toEqual([...DEFAULT_CONFIG.ticketEssentials]);
  });

  it('shows only the response target of a known plan', () => {
    const { container } = render(<PriorityResult {...props(2, { plan: 'standard' })} />);
    const targets = container.querySelector('.pg-result-targets')!.textContent!;
    expect(targets).toContain('4 business hours');
    expect(targets).not.toContain('Premium');
  });

  it.each([
    ['P1, Premium, number set', 1, 'premium', '+1 503 555 0100', true],
    ['P1, Premium, no number', 1, 'premium', null, false],
    ['P1, Premium, blank number', 1, 'premium', '  ', false],
    ['P1, Standard, number set', 1, 'standard', '+1 503 555 0100', false],
    ['P1, plan unknown, number set', 1, 'unknown', '+1 503 555 0100', false],
    ['P2, Premium, number set', 2, 'premium', '+1 503 555 0100', false],
  ] as const)('phone route: %s', (_name, level, plan, p1Phone, shown) => {
    const { container } = render(<PriorityResult {...props(level, { plan, p1Phone })} />);
    const phone = container.querySelector('.pg-phone');
    expect(phone !== null).toBe(shown);
    if (shown) {
      expect(phone!.textContent).toContain('+1 503 555 0100');
      expect(phone!.querySelector('a')!.getAttribute('href')).toBe('tel:+15035550100');
    }
    // Never a number of our own.
    if (!shown) expect(container.textContent).not.toMatch(/tel:|\+\d/);
  });

  it('offers "Use Priority N on this ticket" and reports what happened', () => {
    const onUse = vi.fn();
    const { rerender } = render(<PriorityResult {...props(3, { handoff: { kind: 'use', state: { kind: 'idle' }, onUse } })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use Priority 3 on this ticket' }));
    expect(onUse).toHaveBeenCalledOnce();
    rerender(<PriorityResult {...props(3, { handoff: { kind: 'use', state: { kind: 'done' }, onUse } })} />);
    expect(screen.getByRole('status').textContent).toBe('Done: the ticket form now has Priority 3.');
    rerender(
      <PriorityResult
        {...props(3, { handoff: { kind: 'use', state: { kind: 'failed', failure: 'no-option' }, onUse } })}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Could not set Priority 3: The priority field has no option for Priority 3.');
    expect(screen.queryByRole('button', { name: 'Open a new ticket' })).toBeNull();
  });

  it('does not send twice while busy', () => {
    const onUse = vi.fn();
    render(<PriorityResult {...props(2, { handoff: { kind: 'use', state: { kind: 'busy' }, onUse } })} />);
    const button = screen.getByRole('button', { name: 'Use Priority 2 on this ticket' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onUse).not.toHaveBeenCalled();
  });

  it('offers "Open a new ticket" when the tab is not a guarded form', () => {
    const onOpen = vi.fn();
    render(<PriorityResult {...props(4, { handoff: { kind: 'open', onOpen } })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open a new ticket' }));
    expect(onOpen).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: /Use Priority/ })).toBeNull();
  });

  it('shows what the open ticket form tells Support in place of the plain list, when it has it', () => {
    const readiness = [
      { id: 'what-broke-since', label: 'What broke, and since when.', state: 'found', evidence: 'Since 09:10 UTC' },
      { id: 'support-script', label: 'The support script output.', state: 'missing' },
      { id: 'custom-3', label: 'Change number', state: 'unknown' },
    ] as const;
    const { container, rerender } = render(<PriorityResult {...props(2, { readiness: null })} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Include in the ticket' })).toBeTruthy();
    expect(container.querySelectorAll('.pg-essentials-list li')).toHaveLength(DEFAULT_CONFIG.ticketEssentials.length);

    rerender(<PriorityResult {...props(2, { readiness: [...readiness] })} />);
    expect(screen.getByRole('heading', { level: 3, name: 'What your ticket tells Support' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Include in the ticket' })).toBeNull();
    expect(container.querySelector('.pg-essentials-list')).toBeNull();
    const items = [...container.querySelectorAll('.pg-readiness [data-essential]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      '\u2713What broke, and since when. Found: Since 09:10 UTC',
      '\u2717The support script output. Missing',
      "?Change number Can't tell",
    ]);
    expect(container.querySelector('.pg-readiness-summary')!.textContent).toBe('Add the support script output so Support can start at once.');
  });

  it('leaves focus where it is when the readiness replaces the plain list', () => {
    const readiness = [{ id: 'support-script', label: 'The support script output.', state: 'missing' }] as const;
    const onUse = vi.fn();
    const handoff = { kind: 'use', state: { kind: 'idle' }, onUse } as const;
    const { rerender } = render(<PriorityResult {...props(4, { handoff, readiness: null })} />);
    for (const name of ['Use Priority 4 on this ticket', 'Back']) {
      const button = screen.getByRole('button', { name });
      button.focus();
      rerender(<PriorityResult {...props(4, { handoff, readiness: [...readiness] })} />);
      expect(document.activeElement).toBe(button);
      rerender(<PriorityResult {...props(4, { handoff, readiness: null })} />);
    }
  });

  it('with nothing missing, says no more than the states', () => {
    const readiness = [{ id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: '2023.8.1' }] as const;
    const { container } = render(<PriorityResult {...props(3, { readiness: [...readiness] })} />);
    expect(container.querySelector('.pg-readiness-summary')).toBeNull();
  });

  it('has Back and Start over, and focuses its heading when asked', () => {
    const p = props(1, { autoFocus: true });
    render(<PriorityResult {...p} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(p.onBack).toHaveBeenCalledOnce();
    expect(p.onStartOver).toHaveBeenCalledOnce();
  });
});

describe('TabStatusLine', () => {
  it.each<[TabState, string]>([
    [{ kind: 'checking' }, 'Checking this tab…'],
    [{ kind: 'armed', level: 3 }, 'This tab: guard active on the ticket form (Priority 3 selected).'],
    [{ kind: 'armed', level: null }, 'This tab: guard active on the ticket form (no priority selected).'],
    [{ kind: 'no-form' }, 'This tab: guard active, but no ticket form on this page.'],
    [{ kind: 'not-portal' }, 'This tab: not a support portal page.'],
  ])('%o → one line', (tab, text) => {
    render(<TabStatusLine tab={tab} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });
});

describe('ViewTabs', () => {
  const TABS = [
    { id: 'triage', label: 'Which priority?' },
    { id: 'definitions', label: 'Definitions' },
  ] as const;

  function renderTabs(selected: 'triage' | 'definitions', onSelect = vi.fn()) {
    render(
      <ViewTabs tabs={TABS} selected={selected} onSelect={onSelect} label="Views">
        <p>content of {selected}</p>
      </ViewTabs>,
    );
    return onSelect;
  }

  it('is a named tablist whose tabs control their panels', () => {
    renderTabs('triage');
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
      ['Which priority?', 'true', 0],
      ['Definitions', 'false', -1],
    ]);
    const panel = screen.getByRole('tabpanel', { name: 'Which priority?' });
    expect(panel.id).toBe(tabs[0]!.getAttribute('aria-controls'));
    expect(panel.textContent).toBe('content of triage');
    const other = document.getElementById(tabs[1]!.getAttribute('aria-controls')!)!;
    expect(other.hidden).toBe(true);
  });

  it.each([
    ['ArrowRight', 'triage', 'definitions'],
    ['ArrowLeft', 'triage', 'definitions'],
    ['ArrowRight', 'definitions', 'triage'],
    ['End', 'triage', 'definitions'],
    ['Home', 'definitions', 'triage'],
  ] as const)('%s on %s selects %s', (key, from, to) => {
    const onSelect = renderTabs(from);
    fireEvent.keyDown(screen.getByRole('tab', { selected: true }), { key });
    expect(onSelect).toHaveBeenCalledWith(to);
  });

  it('selects a tab on click', () => {
    const onSelect = renderTabs('triage');
    fireEvent.click(screen.getByRole('tab', { name: 'Definitions' }));
    expect(onSelect).toHaveBeenCalledWith('definitions');
  });
});

describe('DefinitionsView', () => {
  it('lists the four levels, P2 and P3 marked as summaries, targets of both plans when unknown', () => {
    const { container } = render(<DefinitionsView definitions={DEFAULT_CONFIG.definitions} plan="unknown" />);
    expect(container.querySelectorAll('.pg-level')).toHaveLength(4);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Priority 1 Critical',
      'Priority 2 High',
      'Priority 3 Normal',
      'Priority 4 Question',
    ]);
    const summaries = [...container.querySelectorAll('.pg-summary-mark')].map((m) => m.closest('.pg-level')!.getAttribute('data-level'));
    expect(summaries).toEqual(['2', '3']);
    expect(container.textContent).toContain('both support plans');
    expect(container.querySelector('.pg-level-1')!.textContent).toContain('Premium plan');
  });

  it("shows one plan's targets when the plan is known", () => {
    const { container } = render(<DefinitionsView definitions={DEFAULT_CONFIG.definitions} plan="premium" />);
    expect(container.textContent).toContain('your Premium plan');
    expect(container.querySelector('.pg-level-1')!.textContent).toContain('1 hour');
    expect(container.textContent).not.toContain('business hour');
  });
});
