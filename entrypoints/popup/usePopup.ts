import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HandoffState } from '../../components/popup/PriorityResult';
import type { TabState } from '../../components/popup/TabStatusLine';
import { uiLocale } from '../../components/i18n';
import { configForLocale } from '../../lib/config/config-for-locale';
import { DEFAULT_CONFIG, POPUP_VIEWS, type EffectiveConfig, type PopupView } from '../../lib/config/effective';
import { loadEffectiveConfig, onEffectiveConfigChanged, policyProblemCount, type EffectiveConfigReport } from '../../lib/config/load';
import { DEFAULT_NEW_TICKET_URL } from '../../lib/portal/default-portals';
import { START, answer, back, startOver, stepOf, type FlowState, type Level } from '../../lib/rules';
import type { EssentialResult } from '../../lib/rules/readiness/types';
import { withTimeout } from '../../lib/timeout';
import { POPUP_STATE_TTL_MS, loadPopupSession, savePopupSession } from './session';
import { fetchReadiness, fetchTabState, resolveTabId, setLevelOnTab } from './tab-bridge';

/** The URL "Open a new ticket" opens: the configured one, else the default portal's form. */
export function newTicketUrl(config: EffectiveConfig): string {
  return config.newTicketUrl || DEFAULT_NEW_TICKET_URL;
}

/** The views the configuration allows, in its order; both when it names none we know. */
export function allowedViews(config: EffectiveConfig): readonly PopupView[] {
  const views = (config.popupViews ?? []).filter((v) => POPUP_VIEWS.includes(v));
  return views.length > 0 ? views : POPUP_VIEWS;
}

/** How long the popup waits for its saved state before it starts afresh (it normally takes milliseconds). */
export const SESSION_WAIT_MS = 1_000;

/**
 * Everything the popup shows, and what its controls do. Renders at once with the
 * defaults (no await before the first paint), then fills in the configuration, the
 * saved state and the active tab's status as they arrive. The triage step waits for the
 * saved state (`restored`), so reopening the popup shows the saved step directly.
 */
export function usePopup(search: string) {
  const [config, setConfig] = useState<EffectiveConfig>(DEFAULT_CONFIG);
  /** How many of the organisation's settings were ignored (listed on the options page). */
  const [ignoredPolicySettings, setIgnoredPolicySettings] = useState(0);
  /** The view the user picked (null: the configuration's first). */
  const [view, setViewState] = useState<PopupView | null>(null);
  const [flow, setFlow] = useState<FlowState>(START);
  /** The saved state has been read (or there was none): the triage step can be shown. */
  const [restored, setRestored] = useState(false);
  /** Counts Start overs: a new round gives the first question a fresh step, nothing picked. */
  const [round, setRound] = useState(0);
  const [tabId, setTabId] = useState<number | null>(null);
  const [tab, setTab] = useState<TabState>({ kind: 'checking' });
  const [handoff, setHandoff] = useState<HandoffState>({ kind: 'idle' });
  /** What the tab's ticket form tells Support, read when the result was shown (null: not known). */
  const [readiness, setReadiness] = useState<EssentialResult[] | null>(null);
  /** The answer Back took away, to show it picked again. */
  const [undone, setUndone] = useState<{ questionId: string; optionId: string } | undefined>();
  /** The user acted before the saved state arrived: theirs wins. */
  const touched = useRef(false);
  /** Whether the step or result that opens next should take focus (not when a tab was clicked). */
  const focusNext = useRef(true);

  useEffect(() => {
    let live = true;
    const take = (report: EffectiveConfigReport) => {
      setConfig(configForLocale(report.config, uiLocale()));
      setIgnoredPolicySettings(policyProblemCount(report));
    };
    void loadEffectiveConfig().then((report) => live && take(report));
    const stop = onEffectiveConfigChanged(take);
    void withTimeout(loadPopupSession(), SESSION_WAIT_MS, null).then((saved) => {
      if (!live) return;
      if (saved && !touched.current) {
        setFlow(saved.flow);
        setViewState(saved.view);
      }
      setRestored(true);
    });
    void resolveTabId(search).then(async (id) => {
      if (!live) return;
      setTabId(id);
      const state = await fetchTabState(id);
      if (live) setTab(state);
    });
    return () => {
      live = false;
      stop();
    };
  }, [search]);

  // Save every change (and every Start over) once the saved state has been read; start
  // over 30 minutes after the last one.
  useEffect(() => {
    if (!restored) return;
    void savePopupSession({ flow, view });
    if (flow.answers.length === 0) return;
    const timer = setTimeout(() => setFlow(START), POPUP_STATE_TTL_MS);
    return () => clearTimeout(timer);
  }, [flow, view, restored, round]);

  const step = useMemo(() => stepOf(flow), [flow]);
  const views = allowedViews(config);
  // A view the configuration does not offer (any more) falls back to its first one.
  const shownView = view && views.includes(view) ? view : views[0]!;

  // Each time the result is shown for a guarded form, ask the tab once what its ticket tells
  // Support (it is read on request only, so it is as fresh as the result view).
  const resultShownOnForm = restored && shownView === 'triage' && step.result !== null && tab.kind === 'armed';
  useEffect(() => {
    setReadiness(null);
    if (!resultShownOnForm || tabId === null) return;
    let live = true;
    void fetchReadiness(tabId).then((results) => live && setReadiness(results));
    return () => {
      live = false;
    };
  }, [resultShownOnForm, tabId]);

  const changeFlow = useCallback((next: (current: FlowState) => FlowState) => {
    touched.current = true;
    focusNext.current = true;
    setHandoff({ kind: 'idle' });
    setFlow(next);
  }, []);

  const refreshTab = useCallback(async () => {
    setTab(await fetchTabState(tabId));
  }, [tabId]);

  return {
    config,
    views,
    view: shownView,
    flow,
    step,
    restored,
    ignoredPolicySettings,
    round,
    tab,
    handoff,
    readiness,
    undone,
    focusNext: focusNext.current,
    setView(next: PopupView) {
      touched.current = true;
      focusNext.current = false;
      setViewState(next);
    },
    answer(questionId: string, optionId: string) {
      setUndone(undefined);
      changeFlow((current) => answer(current, questionId, optionId));
    },
    back() {
      setUndone(flow.answers[flow.answers.length - 1]);
      changeFlow(back);
    },
    startOver() {
      setUndone(undefined);
      // Even when the flow is already at the first question (after Back, or with an answer
      // picked but not given), the step starts afresh: nothing picked, focus on its first answer.
      setRound((r) => r + 1);
      changeFlow(startOver);
    },
    async useLevel(level: Level) {
      if (tabId === null || handoff.kind === 'busy') return;
      setHandoff({ kind: 'busy' });
      const outcome = await setLevelOnTab(tabId, level);
      setHandoff(outcome.ok ? { kind: 'done' } : { kind: 'failed', failure: outcome.failure });
      await refreshTab();
    },
    async showIgnoredSettings() {
      await browser.tabs.create({ url: browser.runtime.getURL('/options.html#problems') });
    },
    async openNewTicket() {
      await browser.tabs.create({ url: newTicketUrl(config) });
    },
  };
}
