import type { DialogStopReason } from '../lib/guard/ui';
import type { ChecklistId, ChecklistItem, Level, LevelDefinition, PlanChoice } from '../lib/rules';
import { DefinitionList } from './DefinitionList';
import type { EssentialResult } from '../lib/rules/readiness/types';
import { TicketReadiness } from './TicketReadiness';
import { checklistStatement, levelName, reassuranceText, t, translating } from './i18n';

export interface GuardDialogProps {
  definitions: readonly LevelDefinition[];
  /** Levels whose definition the organisation replaced. */
  replaced: readonly Level[];
  plan: PlanChoice;
  /** The organisation's phone number for P1 (shown on Premium only); never invented. */
  p1Phone: string | null;
  checklist: readonly ChecklistItem[];
  ticked: ReadonlySet<ChecklistId>;
  suggestion: Level;
  /** What the ticket tells Support now, read from the form when the P1 was stopped. */
  readiness: { results: readonly EssentialResult[]; summary: string | null };
  /** Help to add what is missing: only when something is and the form has a description. */
  headingsHelp: HeadingsHelp | null;
  /** Where "Copy headings" stands. */
  copied: CopyState;
  reassurance: string;
  /** Why the last "Change to" did not work, if it did not. */
  error: string | null;
  busy: boolean;
  /** Set once the dialog can no longer submit: then only "Back to form" is offered. */
  stopped: DialogStopReason | null;
  /** Each handler receives the DOM event so the caller can refuse untrusted ones. */
  onToggle(id: ChecklistId, event: Event): void;
  onConfirm(event: Event): void;
  onChangeLevel(level: Level, event: Event): void;
  onBack(event: Event): void;
  onAddHeadings(event: Event): void;
  onCopyHeadings(event: Event): void;
}

/**
 * "add": a plain textarea, which the guard appends the headings to (undoable);
 * "copy": a rich editor, never written to: the headings go to the clipboard.
 */
export interface HeadingsHelp {
  kind: 'add' | 'copy';
  /** One line per missing essential. */
  headings: string;
}

export type CopyState = 'idle' | 'copied' | 'failed';

function HeadingsHelpArea({ help, copied, ...props }: { help: HeadingsHelp; copied: CopyState; onAddHeadings(event: Event): void; onCopyHeadings(event: Event): void }) {
  if (help.kind === 'add') {
    return (
      <div class="pg-headings-help pg-needs-guard">
        <button type="button" class="pg-button" data-action="add-headings" onClick={props.onAddHeadings}>
          {t('dialog.headings.add')}
        </button>
        <p class="pg-hint">{t('dialog.headings.addHint')}</p>
        <InEnglishHint />
      </div>
    );
  }
  return (
    <div class="pg-headings-help pg-needs-guard">
      <button type="button" class="pg-button" data-action="copy-headings" onClick={props.onCopyHeadings}>
        {t('dialog.headings.copy')}
      </button>
      <p class="pg-hint" role="status" data-state={copied}>
        {copied === 'idle' && t('dialog.headings.copyIdle')}
        {copied === 'copied' && t('dialog.headings.copied')}
        {copied === 'failed' && t('dialog.headings.copyFailed')}
      </p>
      {copied === 'failed' && <pre class="pg-headings-text" lang="en">{help.headings}</pre>}
      <InEnglishHint />
    </div>
  );
}

/** The headings themselves are English (lib/rules/readiness/headings.ts): said so in any other language. */
function InEnglishHint() {
  return translating() ? <p class="pg-hint">{t('dialog.headings.inEnglish')}</p> : null;
}

const OTHER_LEVELS: readonly Level[] = [2, 3, 4];

export const guardGoneMessage = () => t('dialog.guardGone');
export const formGoneMessage = () => t('dialog.formGone');

/** The Priority 1 check: definitions, checklist and three ways out. Presentational only. */
export function GuardDialog(props: GuardDialogProps) {
  const { checklist, ticked, suggestion } = props;
  const allTicked = checklist.every((item) => ticked.has(item.id));
  // With every statement ticked the suggestion is P1 itself: then only the other levels are offered.
  const changeTo = suggestion === 1 ? null : suggestion;
  const others = OTHER_LEVELS.filter((l) => l !== changeTo);
  return (
    <div class="pg-dialog-body">
      <h2 id="pg-dialog-title" class="pg-dialog-title" tabIndex={-1}>
        {t('dialog.title')}
      </h2>
      <p class="pg-dialog-intro">{t('dialog.intro')}</p>
      <DefinitionList definitions={props.definitions} plan={props.plan} highlight={1} replaced={props.replaced} />
      <fieldset class="pg-checklist">
        <legend>{t('dialog.checklistLegend')}</legend>
        {checklist.map((item) => (
          <label key={item.id} class="pg-check">
            <input
              type="checkbox"
              name="checklist"
              value={item.id}
              checked={ticked.has(item.id)}
              onChange={(e) => props.onToggle(item.id, e)}
            />
            <span>{checklistStatement(item)}</span>
          </label>
        ))}
      </fieldset>
      <TicketReadiness results={props.readiness.results} summary={props.readiness.summary} />
      {props.headingsHelp && !props.stopped && (
        <HeadingsHelpArea help={props.headingsHelp} copied={props.copied} onAddHeadings={props.onAddHeadings} onCopyHeadings={props.onCopyHeadings} />
      )}
      {allTicked && props.plan === 'premium' && props.p1Phone && (
        <p class="pg-phone">
          {`${t('dialog.phone')} `}
          <strong>{props.p1Phone}</strong>
        </p>
      )}
      <p class="pg-reassurance">{reassuranceText(props.reassurance)}</p>
      {props.error && (
        <p class="pg-error" role="alert">
          {props.error}
        </p>
      )}
      {props.stopped === 'form-gone' && (
        <p class="pg-status" role="alert">
          {formGoneMessage()}
        </p>
      )}
      {/* Revealed by CSS when the guard stops answering (see guard.css, "pg-gone"). */}
      <p class="pg-gone" role="alert">
        {guardGoneMessage()}
      </p>
      {/* method="dialog": "Back to form" closes the dialog natively, even if the guard's script is gone. */}
      <form method="dialog" class="pg-actions">
        {changeTo && !props.stopped && (
          <button
            type="button"
            class="pg-button pg-button-primary pg-needs-guard"
            data-action="change"
            data-level={changeTo}
            disabled={props.busy}
            onClick={(e) => props.onChangeLevel(changeTo, e)}
          >
            {t('dialog.changeToLevel', { level: changeTo })}
          </button>
        )}
        {!props.stopped && (
          <button
            type="button"
            class="pg-button pg-button-danger pg-needs-guard"
            data-action="confirm"
            disabled={!allTicked || props.busy}
            aria-describedby={allTicked ? undefined : 'pg-confirm-hint'}
            onClick={props.onConfirm}
          >
            {t('dialog.confirm')}
          </button>
        )}
        <button type="submit" class="pg-button" data-action="back" disabled={props.busy} onClick={props.onBack}>
          {t('dialog.back')}
        </button>
      </form>
      {!allTicked && !props.stopped && (
        <p id="pg-confirm-hint" class="pg-hint pg-needs-guard">
          {t('dialog.confirmHint')}
        </p>
      )}
      {!props.stopped && (
        <p class="pg-other-levels pg-needs-guard">
          <span>{changeTo ? t('dialog.orChangeTo') : t('dialog.changeTo')}</span>
          {others.map((level) => (
            <button
              key={level}
              type="button"
              class="pg-link-button"
              data-action="change"
              data-level={level}
              aria-label={t('dialog.changeToLevel', { level })}
              disabled={props.busy}
              onClick={(e) => props.onChangeLevel(level, e)}
            >
              {levelName(level)}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
