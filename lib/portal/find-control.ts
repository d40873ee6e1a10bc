import { isPriorityFieldName } from '../rules/field-names';
import { isPriorityScale } from '../rules/labels';
import { comboboxControl } from './adapters/combobox';
import { fieldOf } from './adapters/field-parts';
import { nativeSelectControl } from './adapters/native-select';
import { nestyControl } from './adapters/nesty';
import { radioGroupControl } from './adapters/radio-group';
import type { PriorityControl } from './control';
import { byIdRefs, deepQueryAll, labelsOf, textOf } from './dom';
import { optionLevels, type OptionLevels } from './option-levels';
import type { PortalProfile } from './profiles';

/** Elements that can be a priority field. Cheap enough to query on every check. */
export const CANDIDATE_SELECTOR = 'select, input[type="radio"], input[data-tagger], [role="combobox"]';

function radiosNamed(radio: HTMLInputElement): HTMLInputElement[] {
  const root = radio.form ?? (radio.getRootNode() as Document | ShadowRoot);
  return [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === radio.name);
}

/** The adapter for one element, by what the element is. */
export function controlFor(el: Element, levels: OptionLevels): PriorityControl | null {
  if (el.localName === 'select') return nativeSelectControl(el as HTMLSelectElement, levels);
  if (el.getAttribute('role') === 'combobox') return comboboxControl(el as HTMLElement, levels);
  if (el.localName !== 'input') return null;
  const input = el as HTMLInputElement;
  if (input.type === 'radio') return radioGroupControl(radiosNamed(input), levels);
  if (input.hasAttribute('data-tagger')) return nestyControl(input, levels);
  const trigger =
    input.closest<HTMLElement>('[role="combobox"]') ??
    deepQueryAll<HTMLElement>(fieldOf(input), '[role="combobox"]')[0];
  return trigger ? comboboxControl(trigger, levels) : null;
}

/** What a field is called: its labels, aria names, the wrapper's label or legend, its name. */
export function fieldName(el: Element): string {
  const parts = [
    ...labelsOf(el).map(textOf),
    ...byIdRefs(el, 'aria-labelledby').map(textOf),
    el.getAttribute('aria-label') ?? '',
  ].filter(Boolean);
  if (parts.length === 0) {
    const fieldset = el.closest('fieldset');
    const legend = fieldset?.querySelector('legend');
    const label = legend ?? deepQueryAll(fieldOf(el), 'label, legend')[0];
    parts.push(textOf(label));
  }
  parts.push(el.getAttribute('name') ?? '');
  return parts.join(' ');
}

function offersPriorityScale(control: PriorityControl, levels: OptionLevels): boolean {
  const options = control.options();
  return isPriorityScale(options.map((o) => levels.ofOption(o, options)));
}

function isPriorityField(el: Element, control: PriorityControl, levels: OptionLevels): boolean {
  if (!isPriorityFieldName(fieldName(el))) return false;
  // Widgets that list their options must offer a priority scale; comboboxes show none until opened.
  return control.kind === 'combobox' || offersPriorityScale(control, levels);
}

/** An admin's selector may not parse: then it finds nothing and the heuristics take over. */
function queryConfigured(query: (selector: string) => Element[], selector: string): Element[] {
  try {
    return query(selector);
  } catch {
    return [];
  }
}

/** The priority field under root, by the profile's selector first, then by its label and options. */
export function findPriorityControl(root: Document | ShadowRoot, profile: PortalProfile): PriorityControl | null {
  const levels = optionLevels(profile.labels);
  const query = (selector: string) =>
    profile.shadowDom ? deepQueryAll(root, selector) : [...root.querySelectorAll(selector)];
  if (profile.fieldSelector) {
    for (const el of queryConfigured(query, profile.fieldSelector)) {
      const control = controlFor(el, levels);
      if (control) return control;
    }
  }
  const seenRadioNames = new Set<string>();
  for (const el of query(CANDIDATE_SELECTOR)) {
    if (el.localName === 'input' && (el as HTMLInputElement).type === 'radio') {
      const name = (el as HTMLInputElement).name;
      if (seenRadioNames.has(name)) continue;
      seenRadioNames.add(name);
    }
    const control = controlFor(el, levels);
    if (control && isPriorityField(el, control, levels)) return control;
  }
  return null;
}
