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

/** The form a control submits with, or null; and the container to look for its submit button in. */
export function formAndScope(el: Element): { form: HTMLFormElement | null; scope: Element } {
  const form = (el as HTMLInputElement).form ?? (closestDeep(el, 'form') as HTMLFormElement | null);
  if (form) return { form, scope: form };
  // No <form> (Salesforce LWR): the outermost custom element or main region holding the field.
  let scope: Element = el;
  let node: Element | null = el;
  while (node) {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) {
      scope = root.host;
      node = root.host;
    } else {
      scope = node.closest('main, [role="main"], body') ?? scope;
      break;
    }
  }
  return { form: null, scope };
}
