import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The popup's colours in both themes meet WCAG AA: 4.5:1 for text, 3:1 for borders and
// marks. (axe checks contrast in the real browsers, but only in the light theme there.)

const css = ['components/theme.css', 'components/popup/popup.css']
  .map((f) => readFileSync(resolve(process.cwd(), f), 'utf8'))
  .join('\n');

/** The custom properties of one theme: light = outside @media, dark = inside prefers-color-scheme: dark. */
function palette(scheme: 'light' | 'dark'): Record<string, string> {
  const vars: Record<string, string> = {};
  const darkBlocks = [...css.matchAll(/@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/g)].map((m) => m[1]!);
  const light = css.replace(/@media \(prefers-color-scheme: dark\) \{[\s\S]*?\n\}/g, '');
  for (const block of scheme === 'light' ? [light] : [light, ...darkBlocks]) {
    for (const [, name, value] of block.matchAll(/(--pg-[\w-]+):\s*(#[0-9a-f]{6})/gi)) vars[name!] = value!;
  }
  return vars;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT: [string, string][] = [
  ['--pg-fg', '--pg-bg'],
  ['--pg-fg', '--pg-card'],
  ['--pg-muted', '--pg-bg'],
  ['--pg-muted', '--pg-card'],
  ['--pg-accent-fg', '--pg-accent'],
  ['--pg-danger', '--pg-bg'],
  ['--pg-fg', '--pg-danger-bg'],
  ['--pg-ok', '--pg-bg'],
];
const NON_TEXT: [string, string][] = [
  ['--pg-border', '--pg-bg'],
  ['--pg-accent', '--pg-bg'],
  ['--pg-focus', '--pg-bg'],
  ['--pg-warn', '--pg-bg'],
];

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  const colours = palette(scheme);

  it.each(TEXT)('text %s on %s: at least 4.5:1', (fg, bg) => {
    expect(colours[fg], fg).toBeDefined();
    expect(colours[bg], bg).toBeDefined();
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT)('%s against %s: at least 3:1', (fg, bg) => {
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(3);
  });

  it('is a different palette from the other theme', () => {
    expect(palette(scheme === 'light' ? 'dark' : 'light')['--pg-bg']).not.toBe(colours['--pg-bg']);
  });
});
