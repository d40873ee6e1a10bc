import { afterEach, describe, expect, it } from 'vitest';
import { appendToTextarea, focusAtEnd } from '@/lib/portal/description-input';

afterEach(() => {
  document.body.replaceChildren();
  delete (document as { execCommand?: unknown }).execCommand;
});

/** The test DOM has no execCommand: give it one. */
function stubExecCommand(impl: (command: string, ui: boolean, text: string) => boolean) {
  Object.defineProperty(document, 'execCommand', { value: impl, configurable: true, writable: true });
}

function textarea(value: string): HTMLTextAreaElement {
  const el = document.createElement('textarea');
  el.value = value;
  document.body.append(el);
  return el;
}

describe('focusAtEnd', () => {
  it('puts the caret at the end of a textarea', () => {
    const el = textarea('Puppet Server is down.');
    focusAtEnd(el);
    expect(document.activeElement).toBe(el);
    expect([el.selectionStart, el.selectionEnd]).toEqual([22, 22]);
  });

  it('puts the caret at the end of an editable region', () => {
    const el = document.createElement('div');
    el.contentEditable = 'true';
    el.innerHTML = '<p>One</p><p>Two</p>';
    document.body.append(el);
    focusAtEnd(el);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.collapsed).toBe(true);
    expect(el.contains(range.endContainer)).toBe(true);
    expect(range.endContainer === el ? range.endOffset : -1).toBe(el.childNodes.length);
  });
});

describe('appendToTextarea', () => {
  it("appends through the browser's editing when it takes it, caret after it", () => {
    const el = textarea('Down.');
    stubExecCommand((_command, _ui, text) => {
      el.setRangeText(text, el.value.length, el.value.length, 'end');
      return true;
    });
    const inputs: string[] = [];
    el.addEventListener('input', () => inputs.push(el.value));
    expect(appendToTextarea(el, '\n\nPE version:')).toBe(true);
    expect(el.value).toBe('Down.\n\nPE version:');
    expect(inputs).toEqual([]); // the browser's own editing fires it: not sent twice
  });

  it('still appends, never replaces, and tells the page, where the browser will not edit that way', () => {
    const el = textarea('Down.');
    stubExecCommand(() => false);
    const inputs: string[] = [];
    el.addEventListener('input', (e) => inputs.push(`${(e as InputEvent).inputType}:${el.value}`));
    expect(appendToTextarea(el, '\n\nPE version:')).toBe(true);
    expect(el.value).toBe('Down.\n\nPE version:');
    expect(inputs).toEqual(['insertText:Down.\n\nPE version:']);
    expect(el.selectionStart).toBe(el.value.length);
  });

  it('appends where there is no such editing at all', () => {
    const el = textarea('');
    expect(appendToTextarea(el, 'PE version:')).toBe(true);
    expect(el.value).toBe('PE version:');
  });

  it('writes nothing to a read-only, disabled or detached textarea', () => {
    const readOnly = textarea('a');
    readOnly.readOnly = true;
    const disabled = textarea('b');
    disabled.disabled = true;
    const detached = document.createElement('textarea');
    for (const el of [readOnly, disabled, detached]) {
      const before = el.value;
      expect(appendToTextarea(el, 'x')).toBe(false);
      expect(el.value).toBe(before);
    }
  });
});
