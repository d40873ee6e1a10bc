import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export function LockedNote({ id }: { id?: string }) {
  return (
    <span class="pg-opt-locked" id={id}>
      {t('options.locked')}
    </span>
  );
}

/** One section of the page, named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="pg-opt-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A radio group that saves on change; disabled with a note when the organisation sets it. */
export function ChoiceSetting<T extends string>(props: {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  locked: boolean;
  onChange(value: T): void;
}) {
  const { name, legend, choices, value, locked } = props;
  return (
    <fieldset class="pg-opt-fieldset" disabled={locked} data-setting={name}>
      <legend>
        {legend}
        {locked && (
          <>
            {' '}
            <LockedNote />
          </>
        )}
      </legend>
      {choices.map((c) => (
        <div class="pg-opt-choice" key={c.value}>
          <input
            type="radio"
            id={`${name}-${c.value}`}
            name={name}
            value={c.value}
            checked={value === c.value}
            disabled={locked}
            aria-describedby={c.hint ? `${name}-${c.value}-hint` : undefined}
            onChange={() => props.onChange(c.value)}
          />
          <label for={`${name}-${c.value}`}>{c.label}</label>
          {c.hint && (
            <p class="pg-opt-hint" id={`${name}-${c.value}-hint`}>
              {c.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** An inline error under a field, announced when it appears. */
export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p class="pg-opt-error" id={id} role="alert">
      {text}
    </p>
  );
}
