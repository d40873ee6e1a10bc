import { useState } from 'preact/hooks';
import type { PortalConfig } from '../../lib/config/effective';
import { grantedSites, mayRelease, originsNeeded, siteName } from '../../lib/config/host-access';
import type { ConfigProblem } from '../../lib/config/load';
import { hostLabel } from '../../lib/config/match-pattern';
import { extraPortalPatterns, originsFor } from '../../lib/config/portal-scripts';
import type { PortalSetting } from '../../lib/config/schema';
import { FieldError, LockedNote, Section } from './common';
import { listFormat, t } from '../i18n';
import { problemText } from '../problem-text';

export interface PortalsProps {
  /** The portals in force (report.config.portals). */
  portals: readonly PortalConfig[];
  /** The user's own list (what "Remove" edits). */
  userPortals: readonly PortalSetting[];
  locked: boolean;
  missingHostAccess: readonly string[];
  /** Checks a whole new list synchronously: problems, or null when it is valid. */
  check(next: unknown[]): ConfigProblem[] | null;
  save(next: PortalSetting[] | undefined): Promise<boolean>;
  /** Must be called straight from a click: browsers grant host access only during a user gesture. */
  requestAccess(origins: string[], label: string): void;
  /** The other sites Priority Guard has access to (`https://host/*`); null when the browser does not say. */
  grantedSites: readonly string[] | null;
  /** Gives back access to `origins` (never a built-in portal's site), saying `done` when it did. */
  releaseAccess(origins: string[], done: string): Promise<void>;
}

function originsOf(portal: PortalConfig): string[] {
  return originsNeeded([{ ...portal, builtIn: false }]);
}

const listNames = (names: readonly string[]) => listFormat(names);

/** The sites Priority Guard may run on besides the built-in portals', each with the portals using it and "Remove access". */
function SiteAccess({ sites, configured, release }: {
  sites: readonly string[];
  configured: readonly PortalConfig[];
  release(origin: string, users: readonly PortalConfig[]): void;
}) {
  return (
    <>
      <h3 class="pg-opt-subtitle" id="portal-access-title">
        {t('options.portals.siteAccess')}
      </h3>
      <p>
        {t('options.portals.siteAccessIntro')}
      </p>
      <ul class="pg-opt-portals" aria-labelledby="portal-access-title">
        {sites.map((origin) => {
          const users = configured.filter((p) => originsOf(p).includes(origin));
          const name = siteName(origin);
          return (
            <li class="pg-opt-portal pg-opt-site" key={origin} data-origin={origin}>
              <span>
                <code>{name}</code>:{' '}
                {users.length ? t('options.portals.usedBy', { portals: listNames(users.map((p) => p.name)) }) : t('options.portals.unused')}
              </span>
              <button
                type="button"
                class="pg-opt-button pg-opt-small"
                aria-label={t('options.portals.removeAccessTo', { site: name })}
                onClick={() => release(origin, users)}
              >
                {t('options.portals.removeAccess')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function hostOf(origin: string): string {
  return hostLabel(origin);
}

/** "Sev A = 1" per line → { "Sev A": 1 }; the line numbers of lines that do not parse. */
export function parseLabels(text: string): { labels: Record<string, number>; bad: number[] } {
  const labels: Record<string, number> = {};
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.lastIndexOf('=');
    const label = line.slice(0, at).trim();
    const level = line.slice(at + 1).trim().replace(/^p/i, '');
    if (at < 1 || !label || !/^[1-4]$/.test(level)) bad.push(i + 1);
    else labels[label] = Number(level);
  });
  return { labels, bad };
}

function PortalItem({ portal, missing, onAllow, onRemove, locked }: {
  portal: PortalConfig;
  missing: readonly string[];
  onAllow?: (origins: string[]) => void;
  onRemove?: () => void;
  locked: boolean;
}) {
  const origins = portal.builtIn ? [] : originsOf(portal);
  const needed = origins.filter((o) => missing.includes(o));
  return (
    <li class="pg-opt-portal" data-portal={portal.name}>
      <h3>
        {portal.name}
        {portal.builtIn ? <span class="pg-opt-tag">{` ${t('options.portals.builtIn')}`}</span> : locked && <> <LockedNote /></>}
      </h3>
      <dl class="pg-opt-facts">
        <div>
          <dt>{t('options.portals.pages')}</dt>
          <dd>
            {portal.matches.map((m) => (
              <code key={m}>{m}</code>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('options.portals.newTicket')}</dt>
          <dd>
            <a href={portal.newTicketUrl} target="_blank" rel="noreferrer">
              {portal.newTicketUrl}
            </a>
          </dd>
        </div>
        {portal.fieldSelector && (
          <div>
            <dt>{t('options.portals.field')}</dt>
            <dd>
              <code>{portal.fieldSelector}</code>
            </dd>
          </div>
        )}
        {portal.labels && (
          <div>
            <dt>{t('options.portals.optionTexts')}</dt>
            <dd>
              {Object.entries(portal.labels).map(([label, level]) => (
                <span class="pg-opt-label" key={label}>
                  {label} → P{level}
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('options.portals.access')}</dt>
          <dd>
            {portal.builtIn
              ? t('options.portals.alwaysOn')
              : origins.length === 0
                ? t('options.portals.covered')
                : needed.length === 0
                  ? t('options.portals.allowedOn', { sites: origins.map(hostOf).join(', ') })
                  : t('options.portals.notAllowedOn', { sites: needed.map(hostOf).join(', ') })}
          </dd>
        </div>
      </dl>
      <div class="pg-opt-actions">
        {needed.map((origin) => (
          <button type="button" class="pg-opt-button pg-opt-primary" key={origin} data-origin={origin} onClick={() => onAllow?.([origin])}>
            {t('options.portals.allowOn', { site: hostOf(origin) })}
          </button>
        ))}
        {onRemove && (
          <button type="button" class="pg-opt-button" onClick={onRemove}>
            {t('options.portals.remove', { portal: portal.name })}
          </button>
        )}
      </div>
    </li>
  );
}

/** Built-in and configured portals, host access, and a form to add one. */
export function PortalsSetting(props: PortalsProps) {
  const { portals, locked } = props;
  const builtIn = portals.filter((p) => p.builtIn);
  const configured = portals.filter((p) => !p.builtIn);
  const [name, setName] = useState('');
  const [matches, setMatches] = useState('');
  const [newTicketUrl, setNewTicketUrl] = useState('');
  const [fieldSelector, setFieldSelector] = useState('');
  const [labels, setLabels] = useState('');
  const [error, setError] = useState<string | null>(null);

  /**
   * Removes the user's entry for this portal (matched by its pages and address, not by
   * position), then gives back the access to each of its sites no other portal is on.
   */
  const remove = (portal: PortalConfig) => {
    const same = (u: { matches: readonly string[]; newTicketUrl: string }) =>
      u.newTicketUrl === portal.newTicketUrl && JSON.stringify(u.matches) === JSON.stringify(portal.matches);
    const rest = props.userPortals.filter((u) => !same(u));
    const stillNeeded = originsNeeded(configured.filter((p) => !same(p)));
    const unused = originsOf(portal).filter((o) => !stillNeeded.includes(o) && mayRelease(o));
    void props.save(rest.length ? rest : undefined).then(async (saved) => {
      if (!saved || unused.length === 0) return;
      const granted = await grantedSites();
      const release = unused.filter((o) => granted?.includes(o));
      if (release.length === 0) return;
      const names = listNames(release.map(siteName));
      await props.releaseAccess(release, t('options.portals.removed', { portal: portal.name, sites: names }));
    });
  };

  const releaseOne = (origin: string, users: readonly PortalConfig[]) => {
    const name = siteName(origin);
    void props.releaseAccess(
      [origin],
      users.length
        ? t('options.portals.noAccessUsed', { site: name, portals: listNames(users.map((p) => p.name)) })
        : t('options.portals.noAccess', { site: name }),
    );
  };
  const sites = props.grantedSites ?? [];

  const add = (event: Event) => {
    event.preventDefault();
    const parsedLabels = parseLabels(labels);
    if (parsedLabels.bad.length) {
      setError(t('options.portals.badLines', { lines: parsedLabels.bad.join(', ') }));
      return;
    }
    const candidate: Record<string, unknown> = {
      matches: matches.split('\n').map((m) => m.trim()).filter(Boolean),
      newTicketUrl: newTicketUrl.trim(),
    };
    if (name.trim()) candidate.name = name.trim();
    if (fieldSelector.trim()) candidate.fieldSelector = fieldSelector.trim();
    if (Object.keys(parsedLabels.labels).length) candidate.labels = parsedLabels.labels;
    const problems = props.check([...props.userPortals, candidate]);
    if (problems) {
      setError(
        problems
          .map((p) => t('options.portals.problem', { field: p.path.replace(/^portals\[\d+\]\.?/, '') || t('options.portals.thisPortal'), problem: problemText(p) }))
          .join(' '),
      );
      return;
    }
    setError(null);
    const origins = originsFor(
      extraPortalPatterns([{ name: '', matches: candidate.matches as string[], newTicketUrl: '', builtIn: false }]),
    );
    // Still inside the click: ask for host access now, before anything asynchronous.
    if (origins.length) props.requestAccess(origins, String(candidate.name ?? hostLabel(origins[0]!)));
    void props.save([...props.userPortals, candidate as PortalSetting]).then((saved) => {
      if (!saved) return;
      setName('');
      setMatches('');
      setNewTicketUrl('');
      setFieldSelector('');
      setLabels('');
    });
  };

  return (
    <Section id="portals" title={t('options.portals.section')}>
      <p>
        {t('options.portals.intro')}
      </p>
      <h3 class="pg-opt-subtitle">{t('options.portals.builtIn')}</h3>
      <ul class="pg-opt-portals">
        {builtIn.map((p) => (
          <PortalItem key={p.name} portal={p} missing={[]} locked={false} />
        ))}
      </ul>
      <h3 class="pg-opt-subtitle">
        {t('options.portals.added')}
        {locked && <> <LockedNote /></>}
      </h3>
      {configured.length === 0 ? (
        <p>{t('options.portals.none')}</p>
      ) : (
        <ul class="pg-opt-portals">
          {configured.map((p, i) => (
            <PortalItem
              key={`${i}-${p.name}`}
              portal={p}
              missing={props.missingHostAccess}
              locked={locked}
              onAllow={(origins) => props.requestAccess(origins, p.name)}
              onRemove={locked ? undefined : () => remove(p)}
            />
          ))}
        </ul>
      )}
      {sites.length > 0 && <SiteAccess sites={sites} configured={configured} release={releaseOne} />}
      {!locked && (
        <form class="pg-opt-form" onSubmit={add} aria-labelledby="portal-add-title" noValidate>
          <h3 id="portal-add-title" class="pg-opt-subtitle">
            {t('options.portals.add')}
          </h3>
          <label for="portal-name">{t('options.portals.name')}</label>
          <input id="portal-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} />
          <label for="portal-matches">{t('options.portals.matches')}</label>
          <p class="pg-opt-hint" id="portal-matches-hint">
            {t('options.portals.matchesHint')}
          </p>
          <textarea
            id="portal-matches"
            rows={2}
            value={matches}
            aria-describedby="portal-matches-hint"
            onInput={(e) => setMatches(e.currentTarget.value)}
            required
          />
          <label for="portal-new-ticket">{t('options.portals.newTicketAddress')}</label>
          <input
            id="portal-new-ticket"
            type="url"
            value={newTicketUrl}
            placeholder={t('options.portals.newTicketExample')}
            onInput={(e) => setNewTicketUrl(e.currentTarget.value)}
            required
          />
          <label for="portal-selector">{t('options.portals.selector')}</label>
          <p class="pg-opt-hint" id="portal-selector-hint">
            {t('options.portals.selectorHint')}
          </p>
          <input
            id="portal-selector"
            type="text"
            value={fieldSelector}
            aria-describedby="portal-selector-hint"
            onInput={(e) => setFieldSelector(e.currentTarget.value)}
          />
          <label for="portal-labels">{t('options.portals.labels')}</label>
          <p class="pg-opt-hint" id="portal-labels-hint">
            {t('options.portals.labelsHint')}
          </p>
          <textarea
            id="portal-labels"
            rows={3}
            value={labels}
            aria-describedby="portal-labels-hint"
            onInput={(e) => setLabels(e.currentTarget.value)}
          />
          <FieldError id="portal-add-error" text={error} />
          <div class="pg-opt-actions">
            <button type="submit" class="pg-opt-button pg-opt-primary">
              {t('options.portals.addButton')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
