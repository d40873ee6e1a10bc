import { describe, expect, it } from 'vitest';
import { labelsOf } from '../../../lib/portal/dom';

/** A fresh document body holding `html`; returns the element with id "x" (or the selector's). */
function setUp(html: string, selector = '#x'): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

const texts = (el: Element) => labelsOf(el).map((l) => l.textContent?.trim());

// labelsOf must list what `el.labels` lists (the HTML standard's "labeled control"),
// without creating the live list Firefox keeps informed of every change in the document.
describe('labelsOf: the <label>s of a form control', () => {
  it.each([
    ['label[for] before the field', '<label for="x">Priority</label><select id="x"></select>', ['Priority']],
    ['a label wrapping the field', '<label>Priority <select id="x"></select></label>', ['Priority']],
    ['both, in tree order', '<label>Severity <select id="x"></select></label><label for="x">Priority</label>', ['Severity', 'Priority']],
    ['a label for another field, wrapping this one', '<label for="y">Other <select id="x"></select></label><input id="y">', []],
    ['a wrapping label labels only its first labelable descendant', '<label>Both <input id="first"><select id="x"></select></label>', []],
    ['no label', '<select id="x" aria-label="Priority"></select>', []],
    ['a label whose for names no element', '<label for="nope">Priority</label><select id="x"></select>', []],
  ])('%s', (_case, html, expected) => {
    expect(texts(setUp(html))).toEqual(expected);
  });

  it('a non-labelable element (a combobox div) has none', () => {
    expect(texts(setUp('<label for="x">Priority</label><div id="x" role="combobox"></div>'))).toEqual([]);
  });

  it('looks in the field\'s own shadow root, not the document around it', () => {
    const host = setUp('<label for="x">Outside</label><div id="host"></div>', '#host');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="x">Inside</label><select id="x"></select>';
    expect(texts(root.querySelector('#x')!)).toEqual(['Inside']);
  });
});
