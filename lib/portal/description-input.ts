/**
 * Putting the person back in the ticket's description, and adding to it without ever taking
 * anything away. Only called from a real user's click in the guard's dialog.
 */

/** Focuses a text field or an editable region with the caret at the end of what it holds. */
export function focusAtEnd(el: HTMLElement): void {
  el.focus({ preventScroll: false });
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const end = el.value.length;
    el.setSelectionRange(end, end);
    return;
  }
  const doc = el.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Appends `text` at the end of a textarea, through the browser's own editing (so the page's
 * input listeners see it and the browser's undo takes it back), with the caret after it.
 * Where the browser will not edit that way, the text is still appended (not undoable) and an
 * `input` event tells the page. Returns false when the text could not be added.
 */
export function appendToTextarea(textarea: HTMLTextAreaElement, text: string): boolean {
  if (!textarea.isConnected || textarea.disabled || textarea.readOnly) return false;
  const before = textarea.value;
  focusAtEnd(textarea);
  let inserted = false;
  try {
    // Deprecated, yet the only way to edit a field as typing does, with undo, in both browsers.
    inserted = textarea.ownerDocument.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  if (inserted && textarea.value === before + text) return true;
  if (textarea.value !== before) return textarea.value.startsWith(before);
  textarea.setRangeText(text, before.length, before.length, 'end');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
