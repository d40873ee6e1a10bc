import type { PriorityControl } from './control';
import { containsDeep, textOf } from './dom';

/**
 * The one place that decides "is this a submission of the guarded ticket?".
 *
 * The rules, in order:
 * 1. Nothing that comes from the guard's own UI is ever a submission (its dialog is appended
 *    to <body>, so on a page without a <form> it sits in the same region as the page's button).
 * 2. A click counts only when the first button-like element it went through (button, input
 *    button, role="button") is a submit control of the ticket. The priority field itself is
 *    never one.
 * 3. With a <form>:
 *    - a button that declares itself a submitter of that form (`type="submit"`,
 *      `input type="submit"` or `"image"`) is one;
 *    - a `<button>` without a valid type submits by default, but pages use such buttons for
 *      anything ("Add attachment") and cancel their default: it counts only when its name
 *      says it submits ("Submit", "Send request"). If another one does submit, the form's
 *      `submit` event still comes, and that is stopped instead;
 *    - a `submit` event whose target is the form is one (requestSubmit(), Enter, a button).
 * 4. Without a <form> (Salesforce): a button whose whole name says it submits the ticket
 *    ("Submit", "Create case"; not "Open chat", "Send feedback", "Create post"), outside any
 *    page region the field is not in (header, nav, footer, aside, a dialog, search).
 */

/** A name that says "submit the ticket": the verb alone or with the thing being sent. */
const SUBMIT_NAME =
  /^(submit|send|create|open|file|log|raise)(\s+(a|an|the|new|my|this|your)){0,2}(\s+(support\s+)?(request|ticket|case|issue|incident|query))?$/i;

const BUTTON_LIKE = 'button, input[type="submit"], input[type="image"], input[type="button"], [role="button"]';

/** Page regions that hold site chrome or side widgets, not the ticket form. */
const OTHER_REGIONS =
  'header, nav, footer, aside, dialog, [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [role="search"]';

/** The name a user would read on the control: its aria-label, text, or an input's value. */
export function buttonName(el: Element): string {
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return label;
  const text = textOf(el);
  if (text) return text;
  return el instanceof HTMLInputElement ? el.value.trim() : '';
}

/** Whether a control's name says it submits the ticket. Punctuation and arrows around it are ignored. */
export function namesSubmission(name: string): boolean {
  const core = name.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/\s+/g, ' ');
  return SUBMIT_NAME.test(core);
}

/** Whether a button sits in a region of the page (header, footer, side widget…) that does not hold the field. */
function inOtherRegion(button: Element, field: Element): boolean {
  let node: Element | null = button;
  while (node) {
    const region: Element | null = node.closest(OTHER_REGIONS);
    if (region) return !containsDeep(region, field);
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

function isFormSubmitter(button: Element, form: HTMLFormElement): boolean {
  if ((button as HTMLButtonElement).form !== form) return false;
  const type = button.getAttribute('type')?.trim().toLowerCase();
  if (button.localName === 'input') return type === 'submit' || type === 'image';
  if (button.localName !== 'button' || type === 'button' || type === 'reset') return false;
  // A <button> with no (or an invalid) type submits by default: only trust it when it says so.
  return type === 'submit' || namesSubmission(buttonName(button));
}

/**
 * The submit control a click went through, if the click submits the guarded ticket; else null.
 * `path` is the click's composedPath(); `isOwnUi` tells the guard's own elements.
 */
export function clickedSubmitter(
  path: readonly EventTarget[],
  control: Pick<PriorityControl, 'form' | 'field'>,
  isOwnUi: (target: EventTarget) => boolean,
): HTMLElement | null {
  if (path.some(isOwnUi)) return null;
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    if (target === control.field) return null; // a click inside the priority widget
    if (!target.matches(BUTTON_LIKE)) continue;
    if ((target as HTMLButtonElement).disabled) return null;
    if (control.form) return isFormSubmitter(target, control.form) ? (target as HTMLElement) : null;
    if (!namesSubmission(buttonName(target))) return null;
    return inOtherRegion(target, control.field) ? null : (target as HTMLElement);
  }
  return null;
}

/** Whether a submit event submits the guarded ticket's form. */
export function isTicketSubmitEvent(event: Event, control: Pick<PriorityControl, 'form'>): boolean {
  return control.form !== null && event.target === control.form;
}
