import type { Level } from '../../rules/levels';
import type { OptionLike } from '../../rules/labels';
import type { PriorityControl } from '../control';
import { byIdRefs, deepQueryAll, textOf, waitFor } from '../dom';
import type { OptionLevels } from '../option-levels';
import { fieldOf, formOf } from './field-parts';
import { watchField } from './watch-field';

const HIDDEN_VALUE = 'input[type="hidden"][name], input[hidden][name]';
const SHOWN_VALUE = '[data-garden-id="dropdowns.combobox.value"], [class*="singleValue"], [class*="single-value"]';

interface OptionElement extends OptionLike {
  el: HTMLElement;
}

function key(el: Element, type: 'keydown' | 'keyup', keyName: string) {
  const codes: Record<string, number> = { ArrowDown: 40, Escape: 27, Enter: 13 };
  el.dispatchEvent(
    new KeyboardEvent(type, { key: keyName, code: keyName, keyCode: codes[keyName], bubbles: true, composed: true, cancelable: true }),
  );
}

function press(el: Element) {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const Ctor = type.startsWith('pointer') && typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
    el.dispatchEvent(new Ctor(type, { bubbles: true, composed: true, cancelable: true, button: 0 }));
  }
}

/**
 * A combobox whose options exist only while its list is open: Zendesk Garden (Copenhagen),
 * react-select (Jira), lightning-combobox (Salesforce, inside shadow roots).
 * It is read from the DOM each time: frameworks change it without events.
 */
export function comboboxControl(trigger: HTMLElement, levels: OptionLevels): PriorityControl {
  const field = fieldOf(trigger);
  /** Options seen while the list was open: they tell the label scheme (Blocker/Critical…). */
  let seen: OptionLike[] = [];

  const listOptions = (): OptionElement[] => {
    const lists = [...byIdRefs(trigger, 'aria-controls'), ...byIdRefs(trigger, 'aria-owns')];
    let found = lists.flatMap((list) => deepQueryAll<HTMLElement>(list, '[role="option"]'));
    if (found.length === 0) found = deepQueryAll<HTMLElement>(field, '[role="option"]');
    if (found.length === 0 && trigger.getAttribute('aria-expanded') === 'true') {
      found = [...trigger.ownerDocument.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')];
    }
    const options = found.map((el) => ({ el, label: textOf(el), value: el.getAttribute('data-value') ?? '' }));
    if (options.length > 0) seen = options.map(({ label, value }) => ({ label, value }));
    return options;
  };

  const candidates = (): string[] => {
    const hidden = deepQueryAll<HTMLInputElement>(field, HIDDEN_VALUE)[0];
    const shown = deepQueryAll(field, SHOWN_VALUE)[0];
    const own = trigger instanceof HTMLInputElement ? trigger.value : textOf(trigger);
    return [hidden?.value, trigger.getAttribute('data-value'), shown ? textOf(shown) : undefined, own].filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
  };

  const read = (): Level | null => {
    if (trigger.getAttribute('aria-expanded') === 'true') listOptions();
    for (const text of candidates()) {
      const level = levels.ofText(text, seen);
      if (level !== null) return level;
    }
    return null;
  };

  const whenListed = () => {
    const options = listOptions();
    return options.length > 0 ? options : null;
  };

  const openList = async (): Promise<OptionElement[]> => {
    const open = listOptions();
    if (open.length > 0) return open;
    trigger.focus();
    key(trigger, 'keydown', 'ArrowDown');
    const afterKey = await waitFor(whenListed, 300);
    if (afterKey) return afterKey;
    press(trigger);
    return (await waitFor(whenListed, 600)) ?? [];
  };

  return {
    kind: 'combobox',
    field,
    focusTarget: trigger,
    form: formOf(trigger),
    read,
    options: () => seen,
    offers: (level) => seen.length === 0 || levels.find(seen, level) !== undefined,
    async set(level) {
      if (read() === level) return true;
      const option = levels.find(await openList(), level);
      if (!option) {
        key(trigger, 'keydown', 'Escape');
        return false;
      }
      press(option.el);
      const done = await waitFor(() => read() === level, 800);
      if (trigger.getAttribute('aria-expanded') === 'true') key(trigger, 'keydown', 'Escape');
      return done === true;
    },
    watch: (onChange) => watchField([field], onChange),
  };
}
