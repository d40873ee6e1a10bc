import type { Level } from '../../rules/levels';
import type { OptionLike } from '../../rules/labels';
import type { PriorityControl } from '../control';
import { fire, setNativeValue } from '../dom';
import type { OptionLevels } from '../option-levels';
import { fieldOf, formOf } from './field-parts';
import { watchField } from './watch-field';

interface TaggerEntry {
  label?: unknown;
  value?: unknown;
  options?: unknown;
}

/** The leaf options of a data-tagger JSON list; nested groups are flattened. */
export function parseTagger(json: string | null): OptionLike[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  const leaves: OptionLike[] = [];
  const visit = (entries: unknown) => {
    if (!Array.isArray(entries)) return;
    for (const entry of entries as TaggerEntry[]) {
      if (!entry || typeof entry !== 'object') continue;
      if (Array.isArray(entry.options)) visit(entry.options);
      else if (typeof entry.label === 'string') {
        leaves.push({ label: entry.label, value: typeof entry.value === 'string' ? entry.value : '' });
      }
    }
  };
  visit(parsed);
  return leaves;
}

/** Zendesk's legacy "nesty" drop-down: a hidden input, its data-tagger options, a.nesty-input. */
export function nestyControl(input: HTMLInputElement, levels: OptionLevels): PriorityControl {
  const field = fieldOf(input);
  const shown = () => field.querySelector<HTMLElement>('a.nesty-input');
  const options = () => parseTagger(input.getAttribute('data-tagger'));
  const read = (): Level | null => {
    const all = options();
    const chosen = all.find((o) => o.value === input.value);
    return chosen ? levels.ofOption(chosen, all) : null;
  };
  return {
    kind: 'nesty',
    field,
    get focusTarget() {
      return shown() ?? input;
    },
    form: formOf(input),
    read,
    options,
    offers: (level) => levels.find(options(), level) !== undefined,
    async set(level) {
      const option = levels.find(options(), level);
      if (!option) return false;
      setNativeValue(input, option.value);
      const anchor = shown();
      if (anchor) anchor.textContent = option.label;
      fire(input, 'change');
      return read() === level;
    },
    watch: (onChange) => watchField([field], onChange),
  };
}
