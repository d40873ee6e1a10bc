import type { Level } from '../../rules/levels';
import type { OptionLike } from '../../rules/labels';
import type { PriorityControl } from '../control';
import { labelsOf, textOf } from '../dom';
import type { OptionLevels } from '../option-levels';
import { fieldOf, formOf } from './field-parts';
import { watchField } from './watch-field';

function labelOf(radio: HTMLInputElement): string {
  return labelsOf(radio).map(textOf).join(' ') || radio.getAttribute('aria-label') || '';
}

/** A group of radio buttons sharing one name. */
export function radioGroupControl(radios: HTMLInputElement[], levels: OptionLevels): PriorityControl {
  const first = radios[0]!;
  const options = (): (OptionLike & { radio: HTMLInputElement })[] =>
    radios.map((radio) => ({ label: labelOf(radio), value: radio.value, radio }));
  const read = (): Level | null => {
    const all = options();
    const chosen = all.find((o) => o.radio.checked);
    return chosen ? levels.ofOption(chosen, all) : null;
  };
  return {
    kind: 'radio',
    field: fieldOf(first),
    get focusTarget() {
      return radios.find((r) => r.checked) ?? first;
    },
    form: formOf(first),
    read,
    options: () => options().map(({ label, value }) => ({ label, value })),
    offers: (level) => levels.find(options(), level) !== undefined,
    async set(level) {
      const option = levels.find(options(), level);
      if (!option) return false;
      option.radio.click();
      return read() === level;
    },
    watch: (onChange) => watchField([fieldOf(first)], onChange),
  };
}
