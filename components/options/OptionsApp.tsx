import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { POPUP_VIEWS, type GuardMode, type PopupView } from '../../lib/config/effective';
import { grantedSites, mayRelease, onSitesChanged, releaseSites, siteName } from '../../lib/config/host-access';
import {
  isLocked,
  loadEffectiveConfig,
  onEffectiveConfigChanged,
  type ConfigProblem,
  type EffectiveConfigReport,
} from '../../lib/config/load';
import type { SettingKey, Settings } from '../../lib/config/schema';
import { checkUserSetting, onUserSettingsChanged, readUserSettings, saveUserSetting } from '../../lib/config/user-settings';
import type { PlanChoice } from '../../lib/rules';
import { ChoiceSetting, FieldError, LockedNote, Section, type Choice } from './common';
import { PortalsSetting } from './PortalsSetting';
import { ProblemList } from './ProblemList';
import { WordingSetting } from './WordingSetting';

const GUARD_CHOICES: readonly Choice<GuardMode>[] = [
  {
    value: 'dialog',
    label: 'Ask before a Priority 1 is submitted (recommended)',
    hint: 'Shows the four definitions and a short checklist when a P1 ticket is submitted.',
  },
  { value: 'note', label: 'Only show the Priority 1 definition by the priority field' },
  { value: 'off', label: 'Off: do nothing on the ticket form' },
];

const PLAN_CHOICES: readonly Choice<PlanChoice>[] = [
  { value: 'standard', label: 'Standard', hint: 'Monday to Friday, 8:00–18:00 in your time zone.' },
  { value: 'premium', label: 'Premium', hint: '24x7x365, with phone support for Priority 1.' },
  { value: 'unknown', label: "I don't know", hint: 'Response targets are shown for both plans.' },
];

const VIEW_LABELS: Record<PopupView, string> = {
  triage: '"Which priority?" questions',
  definitions: 'Definitions',
};

type Status = { kind: 'ok' | 'error'; text: string } | null;

function problemText(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => p.message).join(' ');
}

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
        <h1>Priority Guard settings</h1>
        <p>Loading…</p>
      </main>
    );
  }

  const { config } = report;
  const locked = (path: string) => isLocked(report, path);
  const anyLocked = report.locked.length > 0;

  const save = async <K extends SettingKey>(key: K, value: unknown, label: string): Promise<boolean> => {
    try {
      if (value === undefined) {
        await saveUserSetting(key, undefined);
        setStatus({ kind: 'ok', text: `${label}: back to the default.` });
        return true;
      }
      const checked = checkUserSetting(key, value);
      if (!checked.ok) {
        setStatus({ kind: 'error', text: `${label} was not saved. ${problemText(checked.problems)}` });
        return false;
      }
      await saveUserSetting(key, checked.value);
      setStatus({ kind: 'ok', text: `${label} saved.` });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: `${label} was not saved: ${error instanceof Error ? error.message : String(error)}` });
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
            ? { kind: 'ok', text: `Priority Guard may now run on ${label}.` }
            : { kind: 'error', text: `Access to ${label} was not allowed: the guard will not run there.` },
        ),
      )
      .catch((error: unknown) =>
        setStatus({
          kind: 'error',
          text: `Your browser refused access to ${label}${error instanceof Error ? ` (${error.message})` : ''}. Your organisation's browser policy may block extensions there.`,
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
      setStatus(released.length ? { kind: 'ok', text: done } : { kind: 'error', text: `Access to ${names} was not removed.` });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `Your browser did not remove access to ${names}${error instanceof Error ? ` (${error.message})` : ''}.`,
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
      <h1>Priority Guard settings</h1>
      {!config.allowUserSettings ? (
        <p class="pg-opt-banner" data-managed="all">
          Your organisation manages these settings. You can see them here, but not change them.
        </p>
      ) : (
        anyLocked && (
          <p class="pg-opt-banner" data-managed="some">
            Your organisation sets some of these settings. They are marked "Set by your organisation" and cannot be
            changed here.
          </p>
        )
      )}
      <p class={`pg-opt-status${status?.kind === 'error' ? ' pg-opt-status-error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>

      <ProblemList problems={report.problems} />

      <Section id="guard" title="On the ticket form">
        <ChoiceSetting
          name="guardMode"
          legend="When Priority 1 is chosen"
          choices={GUARD_CHOICES}
          value={locked('guardMode') ? config.guardMode : (user.guardMode ?? config.guardMode)}
          locked={locked('guardMode')}
          onChange={(v) => void save('guardMode', v, 'Guard mode')}
        />
      </Section>

      <Section id="plan" title="Support plan">
        <ChoiceSetting
          name="plan"
          legend="Your organisation's Puppet support plan"
          choices={PLAN_CHOICES}
          value={locked('plan') ? config.plan : (user.plan ?? config.plan)}
          locked={locked('plan')}
          onChange={(v) => void save('plan', v, 'Support plan')}
        />
      </Section>

      <Section id="phone" title="Priority 1 phone number">
        <form
          class="pg-opt-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const value = phoneValue.trim();
            const problems = value ? check('p1Phone', value) : null;
            setPhoneError(problems ? problemText(problems) : null);
            if (!problems) void save('p1Phone', value || undefined, 'Phone number').then((ok) => ok && setPhone(null));
          }}
        >
          <label for="p1Phone">
            Your organisation's number for Priority 1 calls
            {phoneLocked && (
              <>
                {' '}
                <LockedNote />
              </>
            )}
          </label>
          <p class="pg-opt-hint" id="p1Phone-hint">
            Shown with Priority 1 on the Premium plan. Leave it empty for none: Priority Guard never makes one up.
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
                Save phone number
              </button>
            </div>
          )}
        </form>
      </Section>

      <Section id="popup" title="Toolbar popup">
        <fieldset class="pg-opt-fieldset" disabled={viewsLocked} data-setting="popupViews">
          <legend>
            Views shown in the popup
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
                    setStatus({ kind: 'error', text: 'Keep at least one view in the popup.' });
                    return;
                  }
                  void save('popupViews', next, 'Popup views');
                }}
              />
              <label for={`popupViews-${view}`}>{VIEW_LABELS[view]}</label>
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
        save={(next) => save('portals', next, 'Portals')}
        requestAccess={requestAccess}
        grantedSites={sites}
        releaseAccess={releaseAccess}
      />

      <WordingSetting
        config={config}
        own={user.wording}
        isLocked={locked}
        check={(next) => check('wording', next)}
        save={(next) => save('wording', next, 'Wording')}
      />
    </main>
  );
}
