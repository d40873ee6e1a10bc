import type { TicketField, TicketSnapshot } from '../rules/readiness';
import type { PriorityControl } from './control';
import { closestDeep, containsDeep, deepQueryAll, type QueryRoot } from './dom';
import {
  fileNames,
  isHidden,
  READABLE_SELECTOR,
  readerFor,
  UPLOADED_FILE_SELECTOR,
  uploadedFileName,
  type ControlReader,
} from './snapshot/readers';

/**
 * The snapshot of a ticket form that readiness is judged on (lib/rules/readiness.ts): read
 * locally, only when called (a P1 held, the popup asking), from the form the priority field
 * submits with, or, on a page without a <form> (Salesforce), from the region around the field
 * that holds the description, across open shadow roots. Nothing read is stored, logged or sent.
 */

/** The guard's own elements: never part of the ticket. */
const OWN_UI = 'priority-guard-dialog, priority-guard-note';
/** Page regions that are not the ticket form (a search box in the header). */
const OTHER_REGIONS = '[role="search"], header, nav, footer, aside, dialog, [role="dialog"]';

const SUBJECT_NAME = /\b(?:subject|summary)\b/i;
const DESCRIPTION_NAME = /\b(?:description|details?|body|comments?|message|problem)\b/i;

/** A control of the form and the reader that reads it. */
export interface ReadElement {
  el: Element;
  reader: ControlReader;
}

/** The description as the user sees it: a plain textarea, or a rich editor (which may fill a hidden textarea on submit). */
export interface TicketDescription {
  kind: 'textarea' | 'rich-text';
  /** Where the user types: the textarea, or the editor's editable region. */
  element: HTMLElement;
  /** The textarea a rich editor fills on submit, if there is one. */
  textarea: HTMLTextAreaElement | null;
}

/** The parts of the ticket form the snapshot reads. */
export interface TicketFormParts {
  /** The form, or the region of a formless page that holds the ticket's fields. */
  scope: Element | ShadowRoot | Document;
  subject: HTMLInputElement | null;
  description: TicketDescription | null;
  /** Every other control read, in document order (the priority field, subject and description left out). */
  others: readonly ReadElement[];
  fileInputs: readonly HTMLInputElement[];
  /** Entries of upload widgets that list the files they uploaded. */
  uploadedFiles: readonly Element[];
}

/** The parent of an element, stepping out of a shadow root to its host. */
function parentDeep(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/**
 * What belongs to the priority field itself: its wrapper, or the control alone where the
 * adapter found no wrapper smaller than the form (its fallback is the control's parent).
 */
function priorityRoot(control: PriorityControl): Element {
  const field = control.field;
  const tooWide = field.localName === 'form' || field.localName === 'body' || (control.form !== null && containsDeep(field, control.form));
  return tooWide ? control.focusTarget : field;
}

/** Whether an element belongs to the priority field itself (the field, its widget, its options, its radio group). */
function inPriorityField(control: PriorityControl, el: Element): boolean {
  if (el === control.focusTarget || containsDeep(priorityRoot(control), el)) return true;
  const target = control.focusTarget as HTMLInputElement;
  const input = el as HTMLInputElement;
  return target.type === 'radio' && input.type === 'radio' && input.name === target.name && input.form === target.form;
}

function isDescriptionCandidate(control: PriorityControl, el: Element): boolean {
  const reader = readerFor(el);
  return (reader?.kind === 'textarea' || reader?.kind === 'rich-text') && !inPriorityField(control, el);
}

/**
 * Where a formless page keeps the ticket: the closest region around the priority field that
 * also holds a description (a textarea or an editor), crossing shadow roots; else the document.
 */
function formlessScope(control: PriorityControl, doc: Document): Element | Document {
  for (let node = parentDeep(control.field); node; node = parentDeep(node)) {
    if (node.localName === 'body' || node.localName === 'html') break;
    if (deepQueryAll(node, 'textarea, [contenteditable], [role="textbox"]').some((el) => isDescriptionCandidate(control, el))) {
      return node;
    }
  }
  return doc;
}

/** Every element of the scope a reader reads, in document order, with the ones never read left out. */
function readable(scope: QueryRoot, control: PriorityControl): ReadElement[] {
  const form = control.form;
  const found = deepQueryAll(scope, READABLE_SELECTOR);
  // Controls outside the <form> that belong to it through their form="…" attribute.
  if (form) {
    for (const el of form.elements) if (!found.includes(el)) found.push(el);
  }
  const out: ReadElement[] = [];
  for (const el of found) {
    if (inPriorityField(control, el) || closestDeep(el, OWN_UI)) continue;
    if ((el as HTMLInputElement).disabled) continue;
    if (form) {
      const owner = (el as HTMLInputElement).form ?? (closestDeep(el, 'form') as HTMLFormElement | null);
      if (owner && owner !== form) continue;
    } else if (closestDeep(el, 'form') || closestDeep(el, OTHER_REGIONS)) {
      continue;
    }
    const reader = readerFor(el);
    if (reader) out.push({ el, reader });
  }
  return out;
}

function nameOf(item: ReadElement): string {
  return `${item.el.getAttribute('name') ?? ''} ${item.reader.label(item.el)}`;
}

/** The field wrapper an element sits in, for pairing an editor with the textarea it fills. */
function sameField(a: Element, b: Element): boolean {
  for (let node = parentDeep(a), depth = 0; node && depth < 4; node = parentDeep(node), depth++) {
    if (containsDeep(node, b)) return !node.matches('form') && node.localName !== 'body';
  }
  return false;
}

function pickDescription(items: readonly ReadElement[]): { description: TicketDescription | null; used: Element[] } {
  const textareas = items.filter((i) => i.reader.kind === 'textarea');
  const editors = items.filter((i) => i.reader.kind === 'rich-text' && !isHidden(i.el));
  const textarea = textareas.find((i) => DESCRIPTION_NAME.test(nameOf(i))) ?? textareas[0] ?? null;
  let editor: ReadElement | null = null;
  if (textarea) editor = editors.find((e) => sameField(e.el, textarea.el)) ?? null;
  if (!editor && (!textarea || isHidden(textarea.el))) {
    editor = editors.find((e) => DESCRIPTION_NAME.test(nameOf(e))) ?? (editors.length === 1 ? editors[0]! : null);
  }
  const used = [textarea?.el, editor?.el].filter((el): el is Element => !!el);
  if (editor) {
    return {
      description: {
        kind: 'rich-text',
        element: editor.el as HTMLElement,
        textarea: (textarea?.el as HTMLTextAreaElement | undefined) ?? null,
      },
      used,
    };
  }
  if (textarea) {
    return { description: { kind: 'textarea', element: textarea.el as HTMLTextAreaElement, textarea: textarea.el as HTMLTextAreaElement }, used };
  }
  return { description: null, used };
}

/**
 * The parts of the ticket form the priority field belongs to: its subject, its description
 * (a rich editor over the textarea it fills, when there is one), file inputs, upload lists and
 * every other field, read where the page draws them (open shadow roots included).
 */
export function ticketFormParts(control: PriorityControl, doc: Document = control.field.ownerDocument): TicketFormParts {
  const scope: TicketFormParts['scope'] = control.form ?? formlessScope(control, doc);
  const items = readable(scope, control);
  const subjectItem = items.find((i) => i.reader.kind === 'text' && SUBJECT_NAME.test(nameOf(i))) ?? null;
  const { description, used } = pickDescription(items);
  const skip = new Set<Element>([...used, ...(subjectItem ? [subjectItem.el] : [])]);
  const others = items.filter((i) => !skip.has(i.el) && i.reader.kind !== 'file');
  const fileInputs = items.filter((i) => i.reader.kind === 'file').map((i) => i.el as HTMLInputElement);
  const uploadedFiles = deepQueryAll(scope, UPLOADED_FILE_SELECTOR).filter((el) => !closestDeep(el, OWN_UI));
  return {
    scope,
    subject: (subjectItem?.el as HTMLInputElement | undefined) ?? null,
    description,
    others,
    fileInputs,
    uploadedFiles,
  };
}

/** The text of the description as the user sees it now. */
export function descriptionText(description: TicketDescription | null): string {
  if (!description) return '';
  return readerFor(description.element)?.value(description.element) ?? '';
}

/**
 * What the ticket will carry, read from the form at this moment: subject, description (the
 * text shown in a rich editor, else the textarea's), attached file names (file inputs and
 * upload lists) and the other fields of the same form with the value each shows. The priority
 * field, hidden inputs, passwords and buttons are never read.
 */
export function readTicketSnapshot(control: PriorityControl, doc?: Document): TicketSnapshot {
  return snapshotFromParts(ticketFormParts(control, doc));
}

/** The snapshot of parts already found (ticketFormParts), read at this moment. */
export function snapshotFromParts(parts: TicketFormParts): TicketSnapshot {
  const fields: TicketField[] = [];
  for (const { el, reader } of parts.others) {
    const value = reader.value(el);
    if (value) fields.push({ label: reader.label(el), value });
  }
  const attachments = [
    ...parts.fileInputs.flatMap(fileNames),
    ...parts.uploadedFiles.map(uploadedFileName),
  ].filter((name, i, all) => name !== '' && all.indexOf(name) === i);
  return {
    subject: parts.subject?.value.trim() ?? '',
    description: descriptionText(parts.description),
    attachments,
    fields,
  };
}
