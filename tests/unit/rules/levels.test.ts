import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS, LEVELS, PRIORITY_ARTICLE_URL, definitionOf, isLevel } from '@/lib/rules/levels';

/** Puppet's published wording, verbatim from the brief §3. */
const P1_PUBLISHED =
  'Critical production Puppet functionality is inoperative or severely degraded. No workaround is available.';
const P4_PUBLISHED = 'Puppet functioning and performing as normal. Question or informational Request.';

describe('levels', () => {
  it('has four levels, 1 to 4', () => {
    expect(LEVELS).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [1, true],
    [4, true],
    [0, false],
    [5, false],
    ['1', false],
    [1.5, false],
    [null, false],
    [undefined, false],
  ] as const)('isLevel(%j) is %s', (value, expected) => {
    expect(isLevel(value)).toBe(expected);
  });

  it('defines each level once, in order', () => {
    expect(DEFAULT_DEFINITIONS.map((d) => d.level)).toEqual([1, 2, 3, 4]);
    expect(DEFAULT_DEFINITIONS.map((d) => d.short)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(DEFAULT_DEFINITIONS.map((d) => d.name)).toEqual(['Priority 1', 'Priority 2', 'Priority 3', 'Priority 4']);
  });

  it('P1 is exactly Puppet\'s published text, marked published', () => {
    expect(definitionOf(1).definition).toBe(P1_PUBLISHED);
    expect(definitionOf(1).wording).toBe('published');
    expect(definitionOf(1).source).toBe(PRIORITY_ARTICLE_URL);
  });

  it('P4 is exactly Puppet\'s published text, marked published', () => {
    expect(definitionOf(4).definition).toBe(P4_PUBLISHED);
    expect(definitionOf(4).wording).toBe('published');
    expect(definitionOf(4).source).toBe(PRIORITY_ARTICLE_URL);
  });

  it.each([2, 3] as const)('P%s is our own summary, marked as such', (level) => {
    const d = definitionOf(level);
    expect(d.wording).toBe('summary');
    expect(d.definition.trim()).not.toBe('');
    expect(d.definition).not.toBe(P1_PUBLISHED);
    expect(d.definition).not.toBe(P4_PUBLISHED);
  });

  it('P3 covers impacted services or use of a workaround, as the article implies', () => {
    expect(definitionOf(3).definition).toMatch(/impacted/i);
    expect(definitionOf(3).definition).toMatch(/workaround/i);
  });

  it('points at the article', () => {
    expect(PRIORITY_ARTICLE_URL).toBe('https://support.puppet.com/hc/en-us/articles/360035198994');
  });

  it('definitionOf reads a replacement list, and throws on a missing level', () => {
    const custom = DEFAULT_DEFINITIONS.map((d) => (d.level === 2 ? { ...d, definition: 'Ours' } : d));
    expect(definitionOf(2, custom).definition).toBe('Ours');
    expect(() => definitionOf(3, custom.filter((d) => d.level !== 3))).toThrow(/Priority 3/);
  });
});
