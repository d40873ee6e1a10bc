import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, triageOptionLabel, triageQuestionText } from '../i18n';

export interface StepQuestion {
  id: string;
  text: string;
  options: readonly { id: string; label: string }[];
}

interface Props {
  question: StepQuestion;
  /** 1 for the first question asked. */
  number: number;
  /** The answer to show as picked when the step opens (the one given before Back). */
  initial?: string;
  /** Move focus to the picked (or first) answer when the step opens. */
  autoFocus?: boolean;
  onAnswer(optionId: string): void;
  onBack(): void;
  onStartOver(): void;
}

/**
 * One question of the triage flow. Number keys 1–n or the arrow keys pick an answer,
 * Enter (or Next) goes on; Back and Start over are always there.
 */
export function TriageStep({ question, number, initial, autoFocus, onAnswer, onBack, onStartOver }: Props) {
  const [picked, setPicked] = useState<string | undefined>(initial);
  const [nudge, setNudge] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const options = question.options;

  const radio = (optionId: string) =>
    [...(fieldset.current?.querySelectorAll('input') ?? [])].find((input) => input.value === optionId) ?? null;

  // A layout effect: focus moves in the same task as the render, so a key pressed right
  // after the previous answer already lands here.
  useLayoutEffect(() => {
    if (!autoFocus) return;
    const target = (picked && radio(picked)) || fieldset.current?.querySelector<HTMLInputElement>('input');
    target?.focus();
    // Only when the step opens.
  }, []);

  const pick = (optionId: string, focus: boolean) => {
    setPicked(optionId);
    setNudge(false);
    if (focus) radio(optionId)?.focus();
  };

  const goOn = () => {
    if (picked) onAnswer(picked);
    else setNudge(true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onRadio = target instanceof HTMLInputElement && target.type === 'radio';
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : NaN;
    if (digit >= 1 && digit <= options.length) {
      event.preventDefault();
      pick(options[digit - 1]!.id, true);
      return;
    }
    if (onRadio && ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft'].includes(event.key)) {
      event.preventDefault();
      const current = options.findIndex((o) => o.id === (picked ?? (target as HTMLInputElement).value));
      const forward = event.key === 'ArrowDown' || event.key === 'ArrowRight';
      const next = current < 0 ? 0 : (current + (forward ? 1 : -1) + options.length) % options.length;
      pick(options[next]!.id, true);
      return;
    }
    // Enter on an answer goes on; on a button it presses that button, as usual.
    if (event.key === 'Enter' && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      goOn();
    }
  };

  const hintId = `pg-hint-${question.id}`;
  const nudgeId = `pg-nudge-${question.id}`;
  return (
    <form
      class="pg-step"
      data-question={question.id}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        goOn();
      }}
    >
      <fieldset ref={fieldset} class="pg-question" aria-describedby={nudge ? `${hintId} ${nudgeId}` : hintId}>
        <legend class="pg-question-text">
          <span class="pg-step-number">{t('popup.question', { number })}</span>
          <span class="pg-question-words">{triageQuestionText(question)}</span>
        </legend>
        {options.map((o, i) => (
          <label key={o.id} class={`pg-option${picked === o.id ? ' pg-option-picked' : ''}`}>
            <input
              type="radio"
              name={`pg-${question.id}`}
              value={o.id}
              checked={picked === o.id}
              onChange={() => pick(o.id, false)}
            />
            <kbd class="pg-key" aria-hidden="true">
              {i + 1}
            </kbd>
            <span class="pg-option-label">{triageOptionLabel(question, o)}</span>
          </label>
        ))}
      </fieldset>
      <p id={hintId} class="pg-hint">
        {t('popup.keysHint', { count: options.length })}
      </p>
      {nudge && (
        <p id={nudgeId} class="pg-nudge" role="alert">
          {t('popup.pickFirst')}
        </p>
      )}
      <div class="pg-actions">
        <button type="submit" class="pg-button pg-button-primary" data-action="next">
          {t('popup.next')}
        </button>
        <button type="button" class="pg-button" data-action="back" disabled={number === 1} onClick={onBack}>
          {t('popup.back')}
        </button>
        <button type="button" class="pg-button" data-action="start-over" onClick={onStartOver}>
          {t('popup.startOver')}
        </button>
      </div>
    </form>
  );
}
