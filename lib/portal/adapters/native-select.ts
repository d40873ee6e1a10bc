import type { Level } from '../../rules/levels';
import type { OptionLike } from '../../rules/labels';
import type { PriorityControl } from '../control';
import { fire, setNativeValue, textOf } from '../dom';
import type { OptionLevels } from '../option-levels';
import { fieldOf, formOf } from './field-parts';
import { watchField } from './watch-field';

function optionsOf(select: HTMLSelectElement): OptionLike[] {
  return [...select.options].map((o) => ({ label: textOf(o), value: o.value }));
}

/** A native <select>: Zendesk's system priority or a custom drop-down. */
export function nativeSelectControl(select: HTMLSelectElement, levels: OptionLevels): PriorityControl {
  const read = (): Level | null => {
    const chosen = select.options[select.selectedIndex];
    if (!chosen) return null;
    return levels.ofOption({ label: textOf(chosen), value: chosen.value }, optionsOf(select));
  };
  return {
    kind: 'select',
    field: fieldOf(select),
    focusTarget: select,
    form: formOf(select),
    read,
    options: () => optionsOf(select),
    offers: (level) => levels.find(optionsOf(select), level) !== undefined,
    async set(level) {
      const option = levels.find(optionsOf(select), level);
      if (!option) return false;
      setNativeValue(select, option.value);
      fire(select, 'input');
      fire(select, 'change');
      return read() === level;
    },
    // Events only: a select's choice changes by the user (change, input) or by a script
    // setting .value / .selectedIndex, which no MutationObserver sees either; submissions
    // read the level when they happen.
    watch: (onChange) => watchField([select], onChange, { mutations: false }),
  };
}
