import { closestDeep } from '../dom';

/** Wrappers portals put around one field, most specific first. */
export const FIELD_WRAPPERS = [
  '[data-garden-id="dropdowns.combobox.field"]',
  '[data-test-id^="request-field-"]',
  '.form-field',
  'lightning-combobox',
  'fieldset',
  '[role="radiogroup"]',
  '.slds-form-element',
].join(',');

export function fieldOf(el: Element): Element {
  return closestDeep(el, FIELD_WRAPPERS) ?? el.parentElement ?? el;
}

/** The form a control submits with, or null (Salesforce pages have no <form>). */
export function formOf(el: Element): HTMLFormElement | null {
  return (el as HTMLInputElement).form ?? (closestDeep(el, 'form') as HTMLFormElement | null);
}
