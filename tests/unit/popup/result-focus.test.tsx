import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';

// The result's heading takes focus when the result opens (so screen readers start there).
// Sighted keyboard users must see that focus: a visible outline whenever the heading is
// focused, including by script, where browsers do not always apply :focus-visible.

const css = readFileSync(resolve(process.cwd(), 'components/popup/popup.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations for `selector` (one of a rule's selector list), later rules winning, as CSS would. */
function declarationsFor(selector: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selectors!.split(',').some((s) => s.trim() === selector)) continue;
    for (const declaration of body!.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) found[declaration.slice(0, colon).trim()] = declaration.slice(colon + 1).trim();
    }
  }
  return found;
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  };
});
afterEach(cleanup);

describe('the focused result heading', () => {
  it('takes focus when the result opens, and shows a visible outline in the focus colour', async () => {
    render(<App search="" />);
    await screen.findByRole('group', { name: /working normally/ });
    fireEvent.keyDown(document.activeElement!, { key: '1' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const heading = await screen.findByRole('heading', { level: 2, name: /^Priority 4/ });
    expect(document.activeElement).toBe(heading);
    expect(heading.tabIndex).toBe(-1);
    expect(heading.matches('.pg-result-title:focus')).toBe(true);

    // :focus, not only :focus-visible, so focus() from script shows it too.
    const focusedStyle = declarationsFor('.pg-result-title:focus');
    const outline = focusedStyle['outline'] ?? '';
    expect(outline, '.pg-result-title:focus { outline }').not.toMatch(/^(none|0)\b/);
    expect(outline).toMatch(/\b(solid|double|dashed|dotted|auto)\b/);
    const width = Number(/(\d+(?:\.\d+)?)px/.exec(outline)?.[1] ?? 0);
    expect(width).toBeGreaterThanOrEqual(2);
    // --pg-focus: at least 3:1 against the background in both themes (theme-contrast.test.ts).
    expect(outline).toContain('var(--pg-focus)');
    expect(focusedStyle['outline-style'] ?? 'unset').not.toBe('none');
  });
});
