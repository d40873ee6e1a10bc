import type { OptionLike } from '../rules/labels';
import type { Level } from '../rules/levels';

export type WidgetKind = 'select' | 'nesty' | 'radio' | 'combobox';

/**
 * One priority field on a portal, whatever widget draws it. Each widget kind has an
 * adapter in ./adapters that builds one of these.
 */
export interface PriorityControl {
  kind: WidgetKind;
  /** The field's wrapper: the note goes after it. */
  field: Element;
  /** Where focus goes after the guard changed the level. */
  focusTarget: HTMLElement;
  /** The form submitted, or null where the portal submits without one (Salesforce). */
  form: HTMLFormElement | null;
  /** The level selected now, read from the DOM at call time. */
  read(): Level | null;
  /** Selects `level` as a user would; resolves true once read() confirms it. */
  set(level: Level): Promise<boolean>;
  /** Calls back when the selected level may have changed; returns a stop function. */
  watch(onChange: () => void): () => void;
  /** The options offered, when the widget exposes them without opening. */
  options(): OptionLike[];
  /** Whether one of the options names level (true where the widget cannot tell until opened). */
  offers(level: Level): boolean;
}
