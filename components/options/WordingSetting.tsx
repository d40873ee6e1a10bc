import { useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import type { ConfigProblem } from '../../lib/config/load';
import type { WordingSetting as Wording } from '../../lib/config/schema';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_DEFINITIONS,
  DEFAULT_REASSURANCE,
  DEFAULT_TICKET_ESSENTIALS,
  type ChecklistId,
  type Level,
} from '../../lib/rules';
import { levelName, t } from '../i18n';
import { problemText } from '../problem-text';
import { FieldError, LockedNote, Section } from './common';

interface Field {
  /** Key path, as in locks and problems: `wording.definitions.1`. */
  path: string;
  label: string;
  defaultText: string;
  rows: number;
  /** The value in force, for a locked field. */
  effective: string;
  /** The user's own value, if any. */
  own: string | undefined;
}

export interface WordingProps {
  config: EffectiveConfig;
  own: Wording | undefined;
  isLocked(path: string): boolean;
  check(next: Wording): ConfigProblem[] | null;
  save(next: Wording | undefined): Promise<boolean>;
}

const id = (path: string) => path.replace(/[^a-z0-9]+/gi, '-');
const lines = (list: readonly string[]) => list.join('\n');

function fields(config: EffectiveConfig, own: Wording | undefined): Field[] {
  const out: Field[] = [];
  for (const d of DEFAULT_DEFINITIONS) {
    out.push({
      path: `wording.definitions.${d.level}`,
      label: t('options.wording.definition', { level: levelName(d.level) }),
      defaultText: d.definition,
      rows: 3,
      effective: config.definitions.find((x) => x.level === d.level)?.definition ?? d.definition,
      own: own?.definitions?.[d.level],
    });
  }
  for (const item of DEFAULT_CHECKLIST) {
    out.push({
      path: `wording.checklist.${item.id}`,
      label: t('options.wording.checklist', { id: item.id }),
      defaultText: item.statement,
      rows: 2,
      effective: config.checklist.find((x) => x.id === item.id)?.statement ?? item.statement,
      own: own?.checklist?.[item.id],
    });
  }
  out.push({
    path: 'wording.reassurance',
    label: t('options.wording.reassurance'),
    defaultText: DEFAULT_REASSURANCE,
    rows: 2,
    effective: config.reassurance,
    own: own?.reassurance,
  });
  out.push({
    path: 'wording.ticketEssentials',
    label: t('options.wording.essentials'),
    defaultText: lines(DEFAULT_TICKET_ESSENTIALS),
    rows: 4,
    effective: lines(config.ticketEssentials),
    own: own?.ticketEssentials && lines(own.ticketEssentials),
  });
  return out;
}

/** Builds the user's wording from the drafts: only what differs from the default, keeping locked values as they were. */
function build(list: Field[], drafts: Record<string, string>, isLocked: (p: string) => boolean): Wording {
  const next: Wording = {};
  const definitions: Partial<Record<Level, string>> = {};
  const checklist: Partial<Record<ChecklistId, string>> = {};
  for (const f of list) {
    const text = isLocked(f.path) ? f.own : drafts[f.path]?.trim();
    if (text === undefined || text === '' || text === f.defaultText) continue;
    const [, group, key] = f.path.split('.') as [string, string, string | undefined];
    if (group === 'definitions') definitions[Number(key) as Level] = text;
    else if (group === 'checklist') checklist[key as ChecklistId] = text;
    else if (group === 'reassurance') next.reassurance = text;
    else if (group === 'ticketEssentials') next.ticketEssentials = text.split('\n').map((l) => l.trim()).filter(Boolean);
  }
  if (Object.keys(definitions).length) next.definitions = definitions;
  if (Object.keys(checklist).length) next.checklist = checklist;
  return next;
}

/** Replace any definition, the P1 checklist, the reassurance line and the P1 ticket essentials. */
export function WordingSetting({ config, own, isLocked, check, save }: WordingProps) {
  const list = fields(config, own);
  // Only what the person typed here; the rest shows what is saved (or the default), so
  // changes saved elsewhere show through, and typing is never overwritten by them.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = (f: Field) => edits[f.path] ?? f.own ?? f.defaultText;
  const drafts = Object.fromEntries(list.map((f) => [f.path, shown(f)]));

  const submit = (event: Event) => {
    event.preventDefault();
    const next = build(list, drafts, isLocked);
    const problems = Object.keys(next).length ? check(next) : null;
    if (problems) {
      const byField: Record<string, string> = {};
      for (const p of problems) {
        const field = list.find((f) => p.path === f.path || p.path.startsWith(`${f.path}[`));
        const key = field?.path ?? 'wording';
        byField[key] = `${byField[key] ? `${byField[key]} ` : ''}${problemText(p)}`;
      }
      setErrors(byField);
      return;
    }
    setErrors({});
    void save(Object.keys(next).length ? next : undefined);
  };

  const allLocked = list.every((f) => isLocked(f.path));
  return (
    <Section id="wording" title={t('options.wording.section')}>
      <p>
        {t('options.wording.intro')}
      </p>
      <form class="pg-opt-form" onSubmit={submit} noValidate>
        {list.map((f) => {
          const locked = isLocked(f.path);
          const fid = id(f.path);
          const error = errors[f.path] ?? null;
          return (
            <div class="pg-opt-field" key={f.path} data-setting={f.path}>
              <label for={fid}>
                {f.label}
                {locked && (
                  <>
                    {' '}
                    <LockedNote />
                  </>
                )}
              </label>
              <textarea
                id={fid}
                rows={f.rows}
                disabled={locked}
                value={locked ? f.effective : shown(f)}
                aria-describedby={error ? `${fid}-error` : undefined}
                aria-invalid={error ? true : undefined}
                onInput={(e) => setEdits({ ...edits, [f.path]: e.currentTarget.value })}
              />
              <FieldError id={`${fid}-error`} text={error} />
              {!locked && (
                <button
                  type="button"
                  class="pg-opt-button pg-opt-small"
                  onClick={() => setEdits({ ...edits, [f.path]: f.defaultText })}
                  aria-label={t('options.wording.useDefaultFor', { field: f.label })}
                >
                  {t('options.wording.useDefault')}
                </button>
              )}
            </div>
          );
        })}
        <FieldError id="wording-error" text={errors.wording ?? null} />
        {!allLocked && (
          <div class="pg-opt-actions">
            <button type="submit" class="pg-opt-button pg-opt-primary">
              {t('options.wording.save')}
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}
