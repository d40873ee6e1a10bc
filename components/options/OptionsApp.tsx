import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { POPUP_VIEWS, type GuardMode, type PopupView } from '../../lib/config/effective';
import { configForLocale } from '../../lib/config/config-for-locale';
import { grantedSites, mayRelease, onSitesChanged, releaseSites, siteName } from '../../lib/config/host-access';
import {
  isLocked,
  loadEffectiveConfig,
  onEffectiveConfigChanged,
  type ConfigProblem,
  type EffectiveConfigReport,
} from '../../lib/config/load';
import { languageWordingPaths } from '../../lib/config/language-wording-paths';
import { readProblems } from '../../lib/config/problem-schema';
import type { SettingKey, Settings } from '../../lib/config/schema';
import { checkUserSetting, onUserSettingsChanged, readUserSettings, saveUserSetting } from '../../lib/config/user-settings';
import type { PlanChoice } from '../../lib/rules';
import { ChoiceSetting, FieldError, LockedNote, Section, type Choice } from './common';
import { PortalsSetting } from './PortalsSetting';
import { ProblemList } from './ProblemList';
import { WordingSetting } from './WordingSetting';
import { planName, t, uiLocale } from '../i18n';
import { problemsText } from '../problem-text';

const guardChoices = (): readonly Choice<GuardMode>[] => [
  { value: 'dialog', label: t('options.guard.dialog'), hint: t('options.guard.dialogHint') },
  { value: 'note', label: t('options.guard.note') },
  { value: 'off', label: t('options.guard.off') },
];

const planChoices = (): readonly Choice<PlanChoice>[] => [
  { value: 'standard', label: planName('standard'), hint: t('options.plan.standardHint') },
  { value: 'premium', label: planName('premium'), hint: t('options.plan.premiumHint') },
  { value: 'unknown', label: t('options.plan.unknown'), hint: t('options.plan.unknownHint') },
];

const viewLabel = (view: PopupView): string => (view === 'triage' ? t('options.popup.triage') : t('options.popup.definitions'));

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The options page: every setting, what the organisation set (locked), and what was ignored. */
export function OptionsApp() {
  const [report, setReport] = useState<EffectiveConfigReport | null>(null);
  const [user, setUser] = useState<Settings>({});
  const [status, setStatus] = useState<Status>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [sites, setSites] = useState<readonly string[] | null>(null);
  const refreshSites = () => void grantedSites().then(setSites);

  useEffect(() => {
    let alive = true;
    void loadEffectiveConfig().then((r) => alive && setReport(r));
    const stopReport = onEffectiveConfigChanged((r) => {
      setReport(r);
      // The background recomputes when host access changes: the list of sites may have too.
      refreshSites();
    });
    const refreshUser = () => void readUserSettings().then((u) => alive && setUser(u));
    refreshUser();
    const stopUser = onUserSettingsChanged(refreshUser);
    refreshSites();
    const stopSites = onSitesChanged(refreshSites);
    return () => {
      alive = false;
      stopReport();
      stopUser();
      stopSites();
    };
  }, []);

  if (!report) {
    return (
      <main class="pg-page pg-opt">
        <h1>{t('options.title')}</h1>
        <p>{t('options.loading')}</p>
      </main>
    );
  }

  const { config } = report;
  const locked = (path: string) => isLocked(report, path);
  // The organisation's wording for this UI language is in force here, whatever the top level says.
  const languageLocked = languageWordingPaths(config.wording, uiLocale());
  const anyLocked = report.locked.length > 0;

  const save = async <K extends SettingKey>(key: K, value: unknown, label: string): Promise<boolean> => {
    try {
      if (value === undefined) {
        await saveUserSetting(key, undefined);
        setStatus({ kind: 'ok', text: t('options.savedDefault', { setting: label }) });
        return true;
      }
      const checked = checkUserSetting(key, value);
      if (!checked.ok) {
        setStatus({ kind: 'error', text: t('options.notSavedProblems', { setting: label, problems: problemsText(checked.problems) }) });
        return false;
      }
      await saveUserSetting(key, checked.value);
      setStatus({ kind: 'ok', text: t('options.saved', { setting: label }) });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: t('options.notSavedError', { setting: label, error: error instanceof Error ? error.message : String(error) }) });
      return false;
    }
  };

  const check = (key: SettingKey, value: unknown): ConfigProblem[] | null => {
    const checked = checkUserSetting(key, value);
    return checked.ok ? null : checked.problems;
  };

  /** Called straight from a click handler: no await before the request. */
  const requestAccess = (origins: string[], label: string) => {
    browser.permissions
      .request({ origins })
      .then((granted) =>
        setStatus(
          granted
            ? { kind: 'ok', text: t('options.accessGranted', { site: label }) }
            : { kind: 'error', text: t('options.accessRefused', { site: label }) },
        ),
      )
      .catch((error: unknown) =>
        setStatus({
          kind: 'error',
          text:
            error instanceof Error
              ? t('options.accessError', { site: label, error: error.message })
              : t('options.accessErrorPlain', { site: label }),
        }),
      )
      .finally(refreshSites);
  };

  /** Gives back host access (never a built-in portal's site: those are required, not the user's to give). */
  const releaseAccess = async (origins: string[], done: string) => {
    const removable = origins.filter(mayRelease);
    if (removable.length === 0) return;
    const names = removable.map(siteName).join(', ');
    try {
      const released = await releaseSites(removable);
      setStatus(released.length ? { kind: 'ok', text: done } : { kind: 'error', text: t('options.notRemoved', { sites: names }) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text:
          error instanceof Error
            ? t('options.removeError', { sites: names, error: error.message })
            : t('options.removeErrorPlain', { sites: names }),
      });
    }
    refreshSites();
  };

  const phoneLocked = locked('p1Phone');
  const phoneValue = phoneLocked ? (config.p1Phone ?? '') : (phone ?? user.p1Phone ?? config.p1Phone ?? '');
  const viewsLocked = locked('popupViews');
  const views = viewsLocked ? config.popupViews : (user.popupViews ?? config.popupViews);

  return (
    <main class="pg-page pg-opt">
      <h1>{t('options.title')}</h1>
      {!config.allowUserSettings ? (
        <p class="pg-opt-banner" data-managed="all">
          {t('options.managedAll')}
        </p>
      ) : (
        anyLocked && (
          <p class="pg-opt-banner" data-managed="some">
            {t('options.managedSome')}
          </p>
        )
      )}
      <p class={`pg-opt-status${status?.kind === 'error' ? ' pg-opt-status-error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>

      <ProblemList problems={readProblems(report.problems)} />

      <Section id="guard" title={t('options.guard.section')}>
        <ChoiceSetting
          name="guardMode"
          legend={t('options.guard.legend')}
          choices={guardChoices()}
          value={locked('guardMode') ? config.guardMode : (user.guardMode ?? config.guardMode)}
          locked={locked('guardMode')}
          onChange={(v) => void save('guardMode', v, t('options.guard.setting'))}
        />
      </Section>

      <Section id="plan" title={t('options.plan.section')}>
        <ChoiceSetting
          name="plan"
          legend={t('options.plan.legend')}
          choices={planChoices()}
          value={locked('plan') ? config.plan : (user.plan ?? config.plan)}
          locked={locked('plan')}
          onChange={(v) => void save('plan', v, t('options.plan.section'))}
        />
      </Section>

      <Section id="phone" title={t('options.phone.section')}>
        <form
          class="pg-opt-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const value = phoneValue.trim();
            const problems = value ? check('p1Phone', value) : null;
            setPhoneError(problems ? problemsText(problems) : null);
            if (!problems) void save('p1Phone', value || undefined, t('options.phone.setting')).then((ok) => ok && setPhone(null));
          }}
        >
          <label for="p1Phone">
            {t('options.phone.label')}
            {phoneLocked && (
              <>
                {' '}
                <LockedNote />
              </>
            )}
          </label>
          <p class="pg-opt-hint" id="p1Phone-hint">
            {t('options.phone.hint')}
          </p>
          <input
            id="p1Phone"
            type="tel"
            autoComplete="off"
            value={phoneValue}
            disabled={phoneLocked}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? 'p1Phone-hint p1Phone-error' : 'p1Phone-hint'}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
          <FieldError id="p1Phone-error" text={phoneError} />
          {!phoneLocked && (
            <div class="pg-opt-actions">
              <button type="submit" class="pg-opt-button pg-opt-primary">
                {t('options.phone.save')}
              </button>
            </div>
          )}
        </form>
      </Section>

      <Section id="popup" title={t('options.popup.section')}>
        <fieldset class="pg-opt-fieldset" disabled={viewsLocked} data-setting="popupViews">
          <legend>
            {t('options.popup.legend')}
            {viewsLocked && (
              <>
                {' '}
                <LockedNote />
              </>
            )}
          </legend>
          {POPUP_VIEWS.map((view) => (
            <div class="pg-opt-choice" key={view}>
              <input
                type="checkbox"
                id={`popupViews-${view}`}
                name="popupViews"
                value={view}
                checked={views.includes(view)}
                disabled={viewsLocked}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const next = POPUP_VIEWS.filter((v) => (v === view ? on : views.includes(v)));
                  if (next.length === 0) {
                    e.currentTarget.checked = true;
                    setStatus({ kind: 'error', text: t('options.popup.keepOne') });
                    return;
                  }
                  void save('popupViews', next, t('options.popup.setting'));
                }}
              />
              <label for={`popupViews-${view}`}>{viewLabel(view)}</label>
            </div>
          ))}
        </fieldset>
      </Section>

      <PortalsSetting
        portals={config.portals}
        userPortals={user.portals ?? []}
        locked={locked('portals')}
        missingHostAccess={report.missingHostAccess}
        check={(next) => check('portals', next)}
        save={(next) => save('portals', next, t('options.portalsSetting'))}
        requestAccess={requestAccess}
        grantedSites={sites}
        releaseAccess={releaseAccess}
      />

      <WordingSetting
        config={configForLocale(config, uiLocale())}
        own={user.wording}
        isLocked={(path) => locked(path) || languageLocked.includes(path)}
        check={(next) => check('wording', next)}
        save={(next) => save('wording', next, t('options.wordingSetting'))}
      />
    </main>
  );
}
