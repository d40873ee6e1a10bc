import { FIELD_WRAPPERS, fieldOf } from '../adapters/field-parts';
import { parseTagger } from '../adapters/nesty';
import { byIdRefs, deepQueryAll, labelsOf, textOf } from '../dom';

/**
 * Reading a ticket form's controls for the readiness snapshot: one reader per kind of control,
 * next to the priority adapters (../adapters). A reader only reads what the control shows at
 * call time; it never changes the control, fires no event and keeps nothing.
 */

export type ReadKind = 'text' | 'textarea' | 'rich-text' | 'select' | 'combobox' | 'nesty' | 'radio' | 'checkbox' | 'file';

/** One kind of control. */
export interface ControlReader {
  kind: ReadKind;
  /** The elements this reader may read (matched in the light DOM and in open shadow roots). */
  selector: string;
  /** Whether an element the selector matched is one it reads. */
  accepts(el: Element): boolean;
  /** What the control shows now; '' when nothing is typed or chosen. */
  value(el: Element): string;
  /** What the field is called (radio buttons: their group's name, not their own). */
  label(el: Element): string;
}

/** Wrappers around one field, for its label: the adapters' list plus Garden's text fields. */
const LABEL_WRAPPERS = `${FIELD_WRAPPERS},[data-garden-id="forms.field"]`;

/** Input types that hold text a person typed or picked (not buttons, files, secrets or hidden data). */
const TEXT_TYPES = new Set(['', 'text', 'email', 'number', 'tel', 'url', 'search', 'date', 'datetime-local', 'time', 'month', 'week']);

/** A label's text without the required-field star. */
function cleanLabel(text: string): string {
  let start = 0;
  let end = text.length;
  const stripped = (c: string) => c === '*' || c.trim() === '';
  while (start < end && stripped(text.charAt(start))) start++;
  while (end > start && stripped(text.charAt(end - 1))) end--;
  return text.slice(start, end).replace(/\s+/g, ' ');
}

function byFor(el: Element): string {
  const id = el.getAttribute('id');
  if (!id) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const label of root.querySelectorAll('label[for]')) {
    if (label.getAttribute('for') === id) return textOf(label);
  }
  return '';
}

/**
 * What a control is called: its <label>s, aria-labelledby, aria-label, a label of the field
 * around it, the `label` attribute of the component whose shadow root holds it (Salesforce's
 * lightning-input), then its placeholder or name.
 */
export function labelOf(el: Element, { wrapperFirst = false } = {}): string {
  const own = () =>
    labelsOf(el).map(textOf).join(' ') ||
    byIdRefs(el, 'aria-labelledby').map(textOf).join(' ') ||
    byFor(el);
  const aria = () => el.getAttribute('aria-label') ?? '';
  const wrapper = () => {
    const field = el.closest(LABEL_WRAPPERS);
    const label = field ? [...field.querySelectorAll('label, legend')].find((l) => !l.contains(el)) ?? null : null;
    return textOf(label);
  };
  const host = () => {
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host.getAttribute('label') ?? '' : '';
  };
  const fallback = () => el.getAttribute('placeholder') ?? el.getAttribute('name') ?? '';
  const order = wrapperFirst ? [wrapper, own, aria, host, fallback] : [own, aria, wrapper, host, fallback];
  for (const source of order) {
    const text = cleanLabel(source());
    if (text) return text;
  }
  return '';
}

/** Whether the page hid the element itself (the `hidden` attribute, aria-hidden, display: none set on it). */
export function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    (el as HTMLElement).style?.display === 'none'
  );
}

const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote',
  'table', 'tr', 'section', 'article', 'figure', 'figcaption', 'hr', 'address', 'header', 'footer',
]);

/**
 * The text a person sees in a rich editor, line by line, much as `innerText` gives it but
 * without asking for layout: blocks and <br> end lines, empty lines are dropped, hidden parts
 * (the `hidden` attribute, aria-hidden, display: none on the element) and scripts are left
 * out, white space is folded (in <pre> only within a line; lines are trimmed). HTML markup
 * never shows.
 */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        parts.push(pre ? data : data.replace(/[ \t\r\n\f]+/g, ' '));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.localName;
      if (SKIPPED_TAGS.has(tag) || isHidden(el)) continue;
      if (tag === 'br') {
        parts.push('\n');
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) parts.push('\n');
      walk(el, pre || tag === 'pre');
      if (block) parts.push('\n');
      else if (tag === 'td' || tag === 'th') parts.push(' ');
    }
  };
  walk(root, false);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A radio group's name: its fieldset's legend, its radiogroup's label, else the radios' name. */
function radioGroupLabel(radio: HTMLInputElement): string {
  const group = radio.closest('fieldset, [role="radiogroup"]');
  if (group) {
    const legend = group.localName === 'fieldset' ? group.querySelector('legend') : null;
    const text = cleanLabel(textOf(legend) || byIdRefs(group, 'aria-labelledby').map(textOf).join(' ') || group.getAttribute('aria-label') || '');
    if (text) return text;
  }
  return radio.name;
}

const HIDDEN_VALUE = 'input[type="hidden"][name], input[hidden][name]';
const SHOWN_VALUE = '[data-garden-id="dropdowns.combobox.value"], [class*="singleValue"], [class*="single-value"]';
const PLACEHOLDER = '[class*="placeholder"]';

/** Single-line text, dates, numbers: what is typed. */
export const textInputReader: ControlReader = {
  kind: 'text',
  selector: 'input',
  accepts: (el) => {
    const input = el as HTMLInputElement;
    return (
      TEXT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase()) &&
      input.getAttribute('role') !== 'combobox' &&
      !input.hasAttribute('hidden') &&
      input.getAttribute('aria-hidden') !== 'true'
    );
  },
  value: (el) => (el as HTMLInputElement).value.trim(),
  label: (el) => labelOf(el),
};

/** A plain <textarea>. */
export const textareaReader: ControlReader = {
  kind: 'textarea',
  selector: 'textarea',
  accepts: () => true,
  value: (el) => (el as HTMLTextAreaElement).value.trim(),
  label: (el) => labelOf(el),
};

/** A rich editor (CKEditor, ProseMirror, Quill…): an editable region's visible text, never its HTML. */
export const richTextReader: ControlReader = {
  kind: 'rich-text',
  selector: '[contenteditable], [role="textbox"]',
  accepts: (el) => {
    if (el.localName === 'input' || el.localName === 'textarea') return false;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.trim().toLowerCase() === 'false') return false;
    // Only the outermost editable region: an editable inside another is part of it.
    const parent = el.parentElement?.closest('[contenteditable]:not([contenteditable="false"]), [role="textbox"]');
    return !parent;
  },
  value: (el) => visibleText(el),
  // The editor's own aria-label names the editor ("Rich Text Editor. Editing area: main"), not the field.
  label: (el) => labelOf(el, { wrapperFirst: true }),
};

/** A native <select>: the chosen options' text; nothing when the empty choice ("-") is selected. */
export const selectReader: ControlReader = {
  kind: 'select',
  selector: 'select',
  accepts: () => true,
  value: (el) =>
    [...(el as HTMLSelectElement).selectedOptions]
      .filter((o) => o.value !== '')
      .map(textOf)
      .join(', '),
  label: (el) => labelOf(el),
};

/**
 * A combobox (Garden, react-select, lightning-combobox): the text it shows for its value.
 * Nothing when no value is chosen (an empty hidden input or data-value, a placeholder shown).
 */
export const comboboxReader: ControlReader = {
  kind: 'combobox',
  selector: '[role="combobox"]',
  accepts: () => true,
  value: (el) => {
    const field = fieldOf(el);
    const hidden = deepQueryAll<HTMLInputElement>(field, HIDDEN_VALUE)[0];
    if (hidden && hidden.value.trim() === '') return '';
    if (el.getAttribute('data-value')?.trim() === '') return '';
    const shown = deepQueryAll(field, SHOWN_VALUE)[0];
    if (shown) return textOf(shown);
    if (deepQueryAll(field, PLACEHOLDER).length > 0 && !hidden) return '';
    if (el instanceof HTMLInputElement) return el.value.trim();
    return textOf(el);
  },
  label: (el) => labelOf(el),
};

/** Zendesk's legacy nesty drop-down: the chosen option's label (from data-tagger, as its anchor shows it). */
export const nestyReader: ControlReader = {
  kind: 'nesty',
  selector: 'input[data-tagger]',
  accepts: () => true,
  value: (el) => {
    const input = el as HTMLInputElement;
    if (input.value === '') return '';
    const option = parseTagger(input.getAttribute('data-tagger')).find((o) => o.value === input.value);
    return option?.label.trim() ?? '';
  },
  label: (el) => labelOf(el),
};

/** A radio button: the checked one's label, under its group's name. */
export const radioReader: ControlReader = {
  kind: 'radio',
  selector: 'input[type="radio"]',
  accepts: () => true,
  value: (el) => {
    const radio = el as HTMLInputElement;
    if (!radio.checked) return '';
    return cleanLabel(labelsOf(radio).map(textOf).join(' ') || radio.getAttribute('aria-label') || radio.value);
  },
  label: (el) => radioGroupLabel(el as HTMLInputElement),
};

/** A checkbox: "Yes" when ticked; nothing otherwise. */
export const checkboxReader: ControlReader = {
  kind: 'checkbox',
  selector: 'input[type="checkbox"]',
  accepts: () => true,
  value: (el) => ((el as HTMLInputElement).checked ? 'Yes' : ''),
  label: (el) => labelOf(el),
};

/** A file input: the chosen files' names. */
export const fileReader: ControlReader = {
  kind: 'file',
  selector: 'input[type="file"]',
  accepts: () => true,
  value: (el) => fileNames(el as HTMLInputElement).join(', '),
  label: (el) => labelOf(el),
};

export function fileNames(input: HTMLInputElement): string[] {
  return [...(input.files ?? [])].map((f) => f.name).filter(Boolean);
}

/**
 * Files an upload widget lists after uploading them itself (the file input is emptied):
 * Zendesk Garden's file list (Copenhagen), each `[data-garden-id="forms.file"]` titled with the name.
 */
export const UPLOADED_FILE_SELECTOR = '[data-garden-id="forms.file"]';

export function uploadedFileName(el: Element): string {
  return (el.getAttribute('title') ?? '').trim() || textOf(el);
}

/** Every reader, most specific first: the first that accepts an element reads it. */
export const READERS: readonly ControlReader[] = [
  nestyReader,
  fileReader,
  radioReader,
  checkboxReader,
  comboboxReader,
  selectReader,
  textareaReader,
  richTextReader,
  textInputReader,
];

/** The selector of everything some reader may read (every reader's selector; a literal, so bundles can drop it). */
export const READABLE_SELECTOR = 'input[data-tagger], input[type="file"], input[type="radio"], input[type="checkbox"], [role="combobox"], select, textarea, [contenteditable], [role="textbox"], input';

/** The reader for an element, or null (buttons, hidden data, passwords, a combobox's inner input). */
export function readerFor(el: Element): ControlReader | null {
  for (const reader of READERS) {
    if (el.matches(reader.selector) && reader.accepts(el)) {
      if (reader !== comboboxReader && el.closest('[role="combobox"]') && el.getAttribute('role') !== 'combobox') return null;
      return reader;
    }
  }
  return null;
}
