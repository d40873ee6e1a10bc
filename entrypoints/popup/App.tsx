import { DefinitionsView } from '../../components/popup/DefinitionsView';
import { IgnoredSettingsLine } from '../../components/popup/IgnoredSettingsLine';
import { PriorityResult, type Handoff } from '../../components/popup/PriorityResult';
import { TabStatusLine } from '../../components/popup/TabStatusLine';
import { TriageStep } from '../../components/popup/TriageStep';
import { ViewTabs, type ViewTab } from '../../components/popup/ViewTabs';
import { definitionOf } from '../../lib/rules';
import type { PopupView } from '../../lib/config/effective';
import { usePopup } from './usePopup';
import { t } from '../../components/i18n';

const VIEW_LABELS: Record<PopupView, () => string> = {
  triage: () => t('popup.view.triage'),
  definitions: () => t('popup.view.definitions'),
};

/** The popup: "Which priority?" (the triage flow) and "Definitions", one click apart. */
export function App({ search }: { search: string }) {
  const p = usePopup(search);
  const { step, config } = p;
  const tabs: ViewTab<PopupView>[] = p.views.map((id) => ({ id, label: VIEW_LABELS[id]() }));

  let triage;
  if (!p.restored) {
    // Until the saved state is read, a neutral placeholder: never a first question that
    // the saved step would replace a moment later.
    triage = <div class="pg-step-pending" aria-busy="true" />;
  } else if (step.question) {
    const number = p.flow.answers.length + 1;
    const initial = p.undone?.questionId === step.question.id ? p.undone.optionId : undefined;
    triage = (
      <TriageStep
        key={`${p.round}-${number}-${step.question.id}`}
        question={step.question}
        number={number}
        initial={initial}
        autoFocus={p.focusNext}
        onAnswer={(optionId) => p.answer(step.question!.id, optionId)}
        onBack={p.back}
        onStartOver={p.startOver}
      />
    );
  } else if (step.result) {
    const level = step.result.level;
    const handoff: Handoff =
      p.tab.kind === 'checking'
        ? { kind: 'pending' }
        : p.tab.kind === 'armed'
          ? { kind: 'use', state: p.handoff, onUse: () => void p.useLevel(level) }
          : { kind: 'open', onOpen: () => void p.openNewTicket() };
    triage = (
      <PriorityResult
        key={`result-${p.flow.answers.length}`}
        result={step.result}
        definition={definitionOf(level, config.definitions)}
        replaced={config.replacedDefinitions.includes(level)}
        plan={config.plan}
        essentials={config.ticketEssentials}
        readiness={p.readiness}
        reassurance={config.reassurance}
        p1Phone={config.p1Phone}
        handoff={handoff}
        autoFocus={p.focusNext}
        onBack={p.back}
        onStartOver={p.startOver}
      />
    );
  }

  return (
    <main class="pg-popup">
      <h1>{t('popup.title')}</h1>
      <TabStatusLine tab={p.tab} />
      <IgnoredSettingsLine count={p.ignoredPolicySettings} onShow={() => void p.showIgnoredSettings()} />
      <ViewTabs tabs={tabs} selected={p.view} onSelect={p.setView} label={t('popup.views')}>
        {p.view === 'triage' ? (
          triage
        ) : (
          <DefinitionsView
            definitions={config.definitions}
            plan={config.plan}
            replaced={config.replacedDefinitions}
          />
        )}
      </ViewTabs>
    </main>
  );
}
