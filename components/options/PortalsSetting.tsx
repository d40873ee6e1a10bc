import { useState } from 'preact/hooks';
import type { PortalConfig } from '../../lib/config/effective';
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
}

function originsOf(portal: PortalConfig): string[] {
  return originsFor(extraPortalPatterns([{ ...portal, builtIn: false }]));
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

  /** Removes the user's entry for this portal (matched by its pages and address, not by position). */
  const remove = (portal: PortalConfig) => {
    const same = (u: PortalSetting) =>
      u.newTicketUrl === portal.newTicketUrl && JSON.stringify(u.matches) === JSON.stringify(portal.matches);
    const rest = props.userPortals.filter((u) => !same(u));
    void props.save(rest.length ? rest : undefined);
  };

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
        extensions), so each person allows it once.
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
      {!locked && (
        <form class="pg-opt-form" onSubmit={add} aria-labelledby="portal-add-title" noValidate>
          <h3 id="portal-add-title" class="pg-opt-subtitle">
            Add a portal
          </h3>
          <label for="portal-name">Name (optional)</label>
          <input id="portal-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} />
          <label for="portal-matches">Pages, one match pattern per line</label>
          <p class="pg-opt-hint" id="portal-matches-hint">
            For example https://support.example.com/* or https://*.example.com/hc/*. https only.
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
