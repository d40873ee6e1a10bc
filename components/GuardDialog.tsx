import type { DialogStopReason } from '../lib/guard/ui';
import type { ChecklistId, ChecklistItem, Level, LevelDefinition, PlanChoice } from '../lib/rules';
import { DefinitionList } from './DefinitionList';
import type { EssentialResult } from '../lib/rules/readiness/types';
import { TicketReadiness } from './TicketReadiness';

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
          Add headings for what is missing
        </button>
        <p class="pg-hint">Back to the form, with a heading for each missing item at the end of your description. Undo takes them away.</p>
      </div>
    );
  }
  return (
    <div class="pg-headings-help pg-needs-guard">
      <button type="button" class="pg-button" data-action="copy-headings" onClick={props.onCopyHeadings}>
        Copy headings
      </button>
      <p class="pg-hint" role="status" data-state={copied}>
        {copied === 'idle' && 'A heading for each missing item, to paste at the end of your description.'}
        {copied === 'copied' && 'Copied. Go back to the form and paste them at the end of your description.'}
        {copied === 'failed' && 'They could not be copied. Select them here and copy them yourself:'}
      </p>
      {copied === 'failed' && <pre class="pg-headings-text">{help.headings}</pre>}
    </div>
  );
}

const OTHER_LEVELS: readonly Level[] = [2, 3, 4];

export const GUARD_GONE_MESSAGE =
  'Priority Guard was turned off, updated or removed while this was open. Nothing was submitted: go back to the form and submit it again.';
export const FORM_GONE_MESSAGE =
  'The portal replaced or removed this form while you were deciding. Nothing was submitted: go back, check the form and submit it again.';

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
        Is this really a Priority 1?
      </h2>
      <p class="pg-dialog-intro">
        A Priority 1 brings every available engineer onto your ticket at once, and it cannot be undone. Check your
        situation against the definitions before you submit. Nothing you typed in the form will be lost.
      </p>
      <DefinitionList definitions={props.definitions} plan={props.plan} highlight={1} replaced={props.replaced} />
      <fieldset class="pg-checklist">
        <legend>A Priority 1 meets every one of these. Tick what is true:</legend>
        {checklist.map((item) => (
          <label key={item.id} class="pg-check">
            <input
              type="checkbox"
              name="checklist"
              value={item.id}
              checked={ticked.has(item.id)}
              onChange={(e) => props.onToggle(item.id, e)}
            />
            <span>{item.statement}</span>
          </label>
        ))}
      </fieldset>
      <TicketReadiness results={props.readiness.results} summary={props.readiness.summary} />
      {props.headingsHelp && !props.stopped && (
        <HeadingsHelpArea help={props.headingsHelp} copied={props.copied} onAddHeadings={props.onAddHeadings} onCopyHeadings={props.onCopyHeadings} />
      )}
      {allTicked && props.plan === 'premium' && props.p1Phone && (
        <p class="pg-phone">
          Premium support answers Priority 1 by phone around the clock: <strong>{props.p1Phone}</strong>
        </p>
      )}
      <p class="pg-reassurance">{props.reassurance}</p>
      {props.error && (
        <p class="pg-error" role="alert">
          {props.error}
        </p>
      )}
      {props.stopped === 'form-gone' && (
        <p class="pg-status" role="alert">
          {FORM_GONE_MESSAGE}
        </p>
      )}
      {/* Revealed by CSS when the guard stops answering (see guard.css, "pg-gone"). */}
      <p class="pg-gone" role="alert">
        {GUARD_GONE_MESSAGE}
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
            Change to Priority {changeTo}
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
            Submit as Priority 1
          </button>
        )}
        <button type="submit" class="pg-button" data-action="back" disabled={props.busy} onClick={props.onBack}>
          Back to form
        </button>
      </form>
      {!allTicked && !props.stopped && (
        <p id="pg-confirm-hint" class="pg-hint pg-needs-guard">
          "Submit as Priority 1" is available once every statement is ticked.
        </p>
      )}
      {!props.stopped && (
        <p class="pg-other-levels pg-needs-guard">
          <span>{changeTo ? 'Or change to:' : 'Change to:'}</span>
          {others.map((level) => (
            <button
              key={level}
              type="button"
              class="pg-link-button"
              data-action="change"
              data-level={level}
              aria-label={`Change to Priority ${level}`}
              disabled={props.busy}
              onClick={(e) => props.onChangeLevel(level, e)}
            >
              Priority {level}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
