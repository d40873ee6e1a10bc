// The UI in German (the browser's UI language "de"): the catalogue's words, Puppet's P1 and
// P4 wording kept in English and marked as Puppet's, a translation below marked as one, the
// summaries translated and marked as summaries; targets through Intl plural and number.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DefinitionList } from '@/components/DefinitionList';
import { GuardDialog, type GuardDialogProps } from '@/components/GuardDialog';
import { P1Note } from '@/components/P1Note';
import { PriorityResult } from '@/components/popup/PriorityResult';
import { TriageStep } from '@/components/popup/TriageStep';
import { DEFAULT_CONFIG } from '@/lib/config/effective';
import { DEFAULT_DEFINITIONS, TRIAGE_QUESTIONS, definitionOf } from '@/lib/rules';
import { catalogueGetMessage } from '../../support/i18n-catalogue';

const english = fakeBrowser.i18n.getMessage;
beforeEach(async () => {
  fakeBrowser.i18n.getMessage = (await catalogueGetMessage('de')) as typeof fakeBrowser.i18n.getMessage;
});
afterEach(() => {
  cleanup();
  fakeBrowser.i18n.getMessage = english;
});

const P1 = definitionOf(1).definition;
const P4 = definitionOf(4).definition;

describe('German', () => {
  it('definitions: P1 and P4 exactly as Puppet published them, in English, marked; a marked translation below', () => {
    const { container } = render(<DefinitionList definitions={DEFAULT_DEFINITIONS} plan="standard" />);
    for (const [level, text] of [[1, P1], [4, P4]] as const) {
      const item = container.querySelector(`.pg-level-${level}`)!;
      const quote = item.querySelector('q.pg-published')!;
      expect(quote.textContent).toBe(text);
      expect(quote.getAttribute('lang')).toBe('en');
      expect(item.querySelector('.pg-published-mark')!.textContent).toContain('Puppets veröffentlichter Wortlaut');
      const translation = item.querySelector('.pg-translation')!;
      expect(translation.getAttribute('lang')).toBe('de');
      expect(translation.querySelector('.pg-translation-mark')!.textContent).toContain('Übersetzung, nicht Puppets Text');
      expect(translation.textContent).not.toContain(text);
    }
    const p2 = container.querySelector('.pg-level-2')!;
    expect(p2.querySelector('.pg-level-name')!.textContent).toBe('Priorität 2 Hoch');
    expect(p2.textContent).toContain('Puppet-Funktionalität in der Produktion');
    expect(p2.querySelector('.pg-summary-mark')!.textContent).toContain('Zusammenfassung');
    expect(p2.querySelector('.pg-translation')).toBeNull();
    expect(container.querySelector('.pg-level-1 .pg-targets')!.textContent).toBe('Reaktionszeit1 Geschäftsstunde');
    expect(container.querySelector('.pg-level-3 .pg-targets')!.textContent).toBe('Reaktionszeit12 Geschäftsstunden');
  });

  it("an organisation's replacement is shown as written, never as Puppet's", () => {
    const own = DEFAULT_DEFINITIONS.map((d) => (d.level === 1 ? { ...d, definition: 'Unser eigener Text.' } : d));
    const { container } = render(<DefinitionList definitions={own} plan="premium" replaced={[1]} />);
    const item = container.querySelector('.pg-level-1')!;
    expect(item.querySelector('.pg-published')).toBeNull();
    expect(item.querySelector('.pg-translation')).toBeNull();
    expect(item.textContent).toContain('(Wortlaut Ihrer Organisation)');
    const note = render(<P1Note p1={own[0]!} asksBeforeSubmit />).container;
    expect(note.querySelector('.pg-published')).toBeNull();
    expect(note.textContent).toContain('Unser eigener Text.');
  });

  it('the note and the dialog speak German', () => {
    const note = render(<P1Note p1={definitionOf(1)} asksBeforeSubmit />).container;
    expect(note.textContent).toContain('Priorität 1 ist nur für:');
    expect(note.querySelector('q.pg-published')!.textContent).toBe(P1);
    const props: GuardDialogProps = {
      definitions: DEFAULT_DEFINITIONS,
      replaced: [],
      plan: 'unknown',
      p1Phone: null,
      checklist: DEFAULT_CONFIG.checklist,
      ticked: new Set(),
      suggestion: 2,
      readiness: { results: [], summary: null },
      headingsHelp: null,
      copied: 'idle',
      reassurance: DEFAULT_CONFIG.reassurance,
      error: null,
      busy: false,
      stopped: null,
      onToggle() {},
      onConfirm() {},
      onChangeLevel() {},
      onBack() {},
      onAddHeadings() {},
      onCopyHeadings() {},
    };
    const dialog = render(<GuardDialog {...props} />).container;
    expect(dialog.querySelector('h2')!.textContent).toBe('Ist das wirklich eine Priorität 1?');
    expect([...dialog.querySelectorAll('.pg-check span')].map((s) => s.textContent)).toContain('Es gibt keine Umgehungslösung.');
    expect(dialog.querySelector('.pg-reassurance')!.textContent).toMatch(/in 99,4\s% der Fälle/);
    const buttons = [...dialog.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(buttons).toEqual([
      'Zu Priorität 2 wechseln',
      'Als Priorität 1 absenden',
      'Zurück zum Formular',
      'Zu Priorität 3 wechseln',
      'Zu Priorität 4 wechseln',
    ]);
    expect(dialog.querySelector('.pg-level-1 .pg-targets')!.textContent).toBe('Standard-Plan1 GeschäftsstundePremium-Plan1 Stunde');
  });

  it("the popup's result quotes Puppet's P4 in English with a German translation", () => {
    const level4 = { level: 4 as const, reasons: [] };
    const { container } = render(
      <PriorityResult
        result={level4}
        definition={definitionOf(4)}
        plan="standard"
        essentials={[]}
        reassurance=""
        p1Phone={null}
        handoff={{ kind: 'pending' }}
        onBack={() => {}}
        onStartOver={() => {}}
      />,
    );
    expect(container.querySelector('h2')!.textContent).toBe('Priorität 4 Frage');
    expect(container.querySelector('blockquote')!.getAttribute('lang')).toBe('en');
    expect(container.querySelector('blockquote')!.textContent).toBe(P4);
    expect(container.querySelector('figcaption')!.textContent).toBe('Puppets veröffentlichte Definition.');
    expect(container.querySelector('.pg-translation')!.textContent).toContain('Puppet funktioniert und arbeitet normal.');
    expect(container.querySelector('.pg-result-targets')!.textContent).toBe('Standard-PlanNächster Geschäftstag');
  });

  it('the triage step asks in German', () => {
    const severity = TRIAGE_QUESTIONS[2];
    const { container } = render(<TriageStep question={severity} number={3} onAnswer={() => {}} onBack={() => {}} onStartOver={() => {}} />);
    expect(container.querySelector('legend')!.textContent).toBe('Frage 3Wie schlimm ist es?');
    expect([...container.querySelectorAll('.pg-option-label')].map((l) => l.textContent)).toEqual([
      'Kritische Funktionalität ist ausgefallen oder stark beeinträchtigt',
      'Die Funktionalität ist eingeschränkt, funktioniert aber größtenteils',
    ]);
    expect(container.querySelector('.pg-hint')!.textContent).toContain('Drücken Sie 1–2');
  });
});
