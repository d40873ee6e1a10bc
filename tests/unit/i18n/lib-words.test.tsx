// The words lib/ builds (triage reasons, the essentials' labels, the line on what is missing,
// why "Use Priority N" failed) reach the user in their language: the English catalogue says
// exactly what lib/ says, every language has its own words, and an organisation's own words
// are shown as written.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PriorityResult, type HandoffFailure } from '@/components/popup/PriorityResult';
import { triageReasonText } from '@/components/i18n';
import { essentialLabel, missingSummary } from '@/components/readiness-text';
import { SET_LEVEL_FAILURES } from '@/lib/messages';
import { DEFAULT_DEFINITIONS, TRIAGE_REASONS, TRIAGE_TABLE, everyAnswerLeadsTo, type Level } from '@/lib/rules';
import { DEFAULT_TICKET_ESSENTIALS } from '@/lib/rules/checklist';
import { DEFAULT_ESSENTIALS, essentialsFromConfig, judgeReadiness } from '@/lib/rules/readiness';
import { catalogueGetMessage } from '../../support/i18n-catalogue';

const english = fakeBrowser.i18n.getMessage;
async function speak(lang: string) {
  fakeBrowser.i18n.getMessage = (await catalogueGetMessage(lang)) as typeof fakeBrowser.i18n.getMessage;
}
afterEach(() => {
  cleanup();
  fakeBrowser.i18n.getMessage = english;
});

const LANGS = ['de', 'fr', 'es', 'ja', 'pt_BR'];
const empty = { subject: '', description: '', attachments: [], fields: [] };

describe('English: the catalogue says what lib/ says', () => {
  beforeEach(() => speak('en'));

  it('every default triage reason, and the one for a level every remaining answer leads to', () => {
    for (const reason of Object.values(TRIAGE_REASONS)) expect(triageReasonText(reason, 2)).toBe(reason);
    for (const level of [1, 2, 3, 4] as Level[]) expect(triageReasonText(everyAnswerLeadsTo(level), level)).toBe(everyAnswerLeadsTo(level));
  });

  it("every default essential's label", () => {
    for (const e of DEFAULT_ESSENTIALS) expect(essentialLabel(e.label)).toBe(e.label);
  });

  it('the line on what is missing, in the essentials\u2019 order, through Intl.ListFormat', () => {
    const results = judgeReadiness({ ...empty, description: 'Production is down since 09:10 UTC for all 300 users. Nothing changed.' });
    expect(missingSummary(results)).toBe('Add your PE version and the support script output so Support can start at once.');
    expect(missingSummary(judgeReadiness(empty))).toBe(
      'Add when it started, what changed just before it broke, your PE version, the support script output, and who or what in production is affected so Support can start at once.',
    );
    expect(missingSummary([])).toBeNull();
  });

  it("an admin's label is lowered into the sentence unless it starts with an acronym", () => {
    const essentials = essentialsFromConfig(['Change request number.', 'SAN vendor'], { 'Change request number.': ['CHG'], 'SAN vendor': ['netapp'] });
    expect(missingSummary(judgeReadiness(empty, essentials))).toBe('Add change request number and SAN vendor so Support can start at once.');
  });
});

describe.each(LANGS)('%s: lib/ words in the language', (lang) => {
  beforeEach(async () => {
    await speak('en');
    const inEnglish = {
      reasons: Object.values(TRIAGE_REASONS).map((r) => triageReasonText(r, 1)),
      labels: DEFAULT_ESSENTIALS.map((e) => essentialLabel(e.label)),
    };
    await speak(lang);
    return void inEnglish;
  });

  it('triage reasons are translated; a reason of another table is shown as written', () => {
    for (const reason of Object.values(TRIAGE_REASONS)) {
      const text = triageReasonText(reason, 2);
      expect(text).not.toBe('');
      expect(text).not.toBe(reason);
    }
    expect(triageReasonText(everyAnswerLeadsTo(3), 3)).toMatch(/3/);
    expect(triageReasonText('Our own reason.', 2)).toBe('Our own reason.');
  });

  it("default essentials are translated (the support script's command kept); an organisation's are shown as written", () => {
    for (const e of DEFAULT_ESSENTIALS) expect(essentialLabel(e.label)).not.toBe(e.label);
    expect(essentialLabel(DEFAULT_TICKET_ESSENTIALS[3]!)).toContain('/opt/puppetlabs/bin/puppet enterprise support');
    expect(essentialLabel(DEFAULT_TICKET_ESSENTIALS[3]!)).toContain('--ticket');
    expect(essentialLabel('Change request number.')).toBe('Change request number.');
  });

  it('the line on what is missing is one sentence in the language, naming each missing essential', async () => {
    const summary = missingSummary(judgeReadiness(empty))!;
    await speak('en');
    const englishSummary = missingSummary(judgeReadiness(empty))!;
    expect(summary).not.toBe(englishSummary);
    expect(summary).not.toMatch(/Support can start|when it started/);
  });

  it('each reason "Use Priority N" can fail for is worded', () => {
    const failures: HandoffFailure[] = [...SET_LEVEL_FAILURES, 'no-answer', 'page-gone', 'unexpected-answer', 'unexplained'];
    const shown = new Set<string>();
    for (const failure of failures) {
      const { container } = render(
        <PriorityResult
          result={TRIAGE_TABLE[1]!}
          definition={DEFAULT_DEFINITIONS[2]!}
          plan="standard"
          essentials={DEFAULT_TICKET_ESSENTIALS}
          reassurance=""
          p1Phone={null}
          handoff={{ kind: 'use', state: { kind: 'failed', failure }, onUse: () => undefined }}
          onBack={() => undefined}
          onStartOver={() => undefined}
        />,
      );
      const status = container.querySelector('[role="status"]')!.textContent!;
      expect(status).not.toMatch(/The page|The field|There is no/);
      shown.add(status);
      cleanup();
    }
    expect(shown.size).toBe(failures.length);
  });
});
