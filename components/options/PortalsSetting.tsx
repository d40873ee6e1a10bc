import { useState } from 'preact/hooks';
import type { PortalConfig } from '../../lib/config/effective';
import { grantedSites, mayRelease, originsNeeded, siteName } from '../../lib/config/host-access';
import type { ConfigProblem } from '../../lib/config/load';
import { hostLabel } from '../../lib/config/match-pattern';
import { extraPortalPatterns, originsFor } from '../../lib/config/portal-scripts';
import type { PortalSetting } from '../../lib/config/schema';
import { FieldError, LockedNote, Section } from './common';

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

const listNames = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The sites Priority Guard may run on besides the built-in portals', each with the portals using it and "Remove access". */
function SiteAccess({ sites, configured, release }: {
  sites: readonly string[];
  configured: readonly PortalConfig[];
  release(origin: string, users: readonly PortalConfig[]): void;
}) {
  return (
    <>
      <h3 class="pg-opt-subtitle" id="portal-access-title">
        Site access
      </h3>
      <p>
        The other sites you allowed Priority Guard on. Removing access stops the guard on that site; "Allow on …"
        gives it back.
      </p>
      <ul class="pg-opt-portals" aria-labelledby="portal-access-title">
        {sites.map((origin) => {
          const users = configured.filter((p) => originsOf(p).includes(origin));
          const name = siteName(origin);
          return (
            <li class="pg-opt-portal pg-opt-site" key={origin} data-origin={origin}>
              <span>
                <code>{name}</code>:{' '}
                {users.length ? `used by ${listNames(users.map((p) => p.name))}` : 'no portal uses it any more'}
              </span>
              <button
                type="button"
                class="pg-opt-button pg-opt-small"
                aria-label={`Remove access to ${name}`}
                onClick={() => release(origin, users)}
              >
                Remove access
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
        {portal.builtIn ? <span class="pg-opt-tag"> Built in</span> : locked && <> <LockedNote /></>}
      </h3>
      <dl class="pg-opt-facts">
        <div>
          <dt>Pages</dt>
          <dd>
            {portal.matches.map((m) => (
              <code key={m}>{m}</code>
            ))}
          </dd>
        </div>
        <div>
          <dt>New ticket</dt>
          <dd>
            <a href={portal.newTicketUrl} target="_blank" rel="noreferrer">
              {portal.newTicketUrl}
            </a>
          </dd>
        </div>
        {portal.fieldSelector && (
          <div>
            <dt>Priority field</dt>
            <dd>
              <code>{portal.fieldSelector}</code>
            </dd>
          </div>
        )}
        {portal.labels && (
          <div>
            <dt>Option texts</dt>
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
          <dt>Access</dt>
          <dd>
            {portal.builtIn
              ? 'Always on'
              : origins.length === 0
                ? 'Covered by a built-in portal'
                : needed.length === 0
                  ? `Allowed on ${origins.map(hostOf).join(', ')}`
                  : `Not allowed yet on ${needed.map(hostOf).join(', ')}: the guard does not run there`}
          </dd>
        </div>
      </dl>
      <div class="pg-opt-actions">
        {needed.map((origin) => (
          <button type="button" class="pg-opt-button pg-opt-primary" key={origin} data-origin={origin} onClick={() => onAllow?.([origin])}>
            Allow on {hostOf(origin)}
          </button>
        ))}
        {onRemove && (
          <button type="button" class="pg-opt-button" onClick={onRemove}>
            Remove {portal.name}
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
      await props.releaseAccess(release, `${portal.name} removed. No portal is left on ${names}, so Priority Guard gave back its access there.`);
    });
  };

  const releaseOne = (origin: string, users: readonly PortalConfig[]) => {
    const name = siteName(origin);
    void props.releaseAccess(
      [origin],
      users.length
        ? `Priority Guard no longer has access to ${name}: the guard does not run on ${listNames(users.map((p) => p.name))} until you allow it again.`
        : `Priority Guard no longer has access to ${name}.`,
    );
  };
  const sites = props.grantedSites ?? [];

  const add = (event: Event) => {
    event.preventDefault();
    const parsedLabels = parseLabels(labels);
    if (parsedLabels.bad.length) {
      setError(`Option texts, line ${parsedLabels.bad.join(', ')}: write each as "option text = level", level 1 to 4.`);
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
      setError(problems.map((p) => `${p.path.replace(/^portals\[\d+\]\.?/, '') || 'This portal'}: ${p.message}`).join(' '));
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
    <Section id="portals" title="Support portals">
      <p>
        Priority Guard runs on the built-in portals without asking. For a portal on any other site, your browser asks
        you once to allow Priority Guard there: use the "Allow on …" button. An organisation can add portals for
        you, but browsers do not let it grant this access on your behalf (their policies can only block sites for
        extensions), so each person allows it once. Removing a portal gives that access back when no other portal is
        on its site.
      </p>
      <h3 class="pg-opt-subtitle">Built in</h3>
      <ul class="pg-opt-portals">
        {builtIn.map((p) => (
          <PortalItem key={p.name} portal={p} missing={[]} locked={false} />
        ))}
      </ul>
      <h3 class="pg-opt-subtitle">
        Added{locked && <> <LockedNote /></>}
      </h3>
      {configured.length === 0 ? (
        <p>None.</p>
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
            Add a portal
          </h3>
          <label for="portal-name">Name (optional)</label>
          <input id="portal-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} />
          <label for="portal-matches">Pages, one match pattern per line</label>
          <p class="pg-opt-hint" id="portal-matches-hint">
            For example https://support.example.com/* or https://*.example.com/hc/*: https only, and a * in front of
            your own domain only (not *.com or *.co.uk).
          </p>
          <textarea
            id="portal-matches"
            rows={2}
            value={matches}
            aria-describedby="portal-matches-hint"
            onInput={(e) => setMatches(e.currentTarget.value)}
            required
          />
          <label for="portal-new-ticket">New ticket address</label>
          <input
            id="portal-new-ticket"
            type="url"
            value={newTicketUrl}
            placeholder="https://support.example.com/hc/en-us/requests/new"
            onInput={(e) => setNewTicketUrl(e.currentTarget.value)}
            required
          />
          <label for="portal-selector">Priority field, as a CSS selector (optional)</label>
          <p class="pg-opt-hint" id="portal-selector-hint">
            Only when the guard does not find the field by itself.
          </p>
          <input
            id="portal-selector"
            type="text"
            value={fieldSelector}
            aria-describedby="portal-selector-hint"
            onInput={(e) => setFieldSelector(e.currentTarget.value)}
          />
          <label for="portal-labels">Option texts and their level (optional)</label>
          <p class="pg-opt-hint" id="portal-labels-hint">
            One per line, as "option text = level", for example "Sev A - outage = 1".
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
              Add portal
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
