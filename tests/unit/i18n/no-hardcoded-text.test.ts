// No component renders a hard-coded user-visible English string (issue #14): every JSX text
// node, every aria-label / title / placeholder / alt literal and every literal kept as an
// object's error / message / label / hint / title / text / status in components/ and
// entrypoints/ must come from the catalogue (components/i18n.ts). Fails with file:line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'legend', 'hint', 'text']);

/** Properties of objects a component renders as text (state, choices). */
const VISIBLE_PROPERTIES = new Set(['error', 'message', 'label', 'hint', 'title', 'text', 'status']);

/**
 * Files still to be moved to the catalogue (issue #14 part B, in progress). The test fails
 * when a listed file has become clean, so the list can only shrink.
 */
const NOT_YET: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Words a user reads: at least two letters in a row (marks like ✓, ?, : and numbers are fine). */
const WORDS = /\p{L}{2,}/u;

interface Node {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

function hardCoded(file: string): string[] {
  const ast = parse(readFileSync(join(ROOT, file), 'utf8'), { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  const found: string[] = [];
  const report = (node: Node, text: string) => found.push(`${file}:${node.loc?.start.line}: ${JSON.stringify(text.trim())}`);
  /** A literal rendered as text: a string, a template's fixed parts, either side of && / ?: / ??. */
  const literalText = (node: Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'StringLiteral':
        if (WORDS.test(node.value as string)) report(node, node.value as string);
        break;
      case 'TemplateLiteral': {
        const fixed = (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join('…');
        if (WORDS.test(fixed)) report(node, fixed);
        break;
      }
      case 'LogicalExpression':
        literalText(node.right as Node);
        break;
      case 'ConditionalExpression':
        literalText(node.consequent as Node);
        literalText(node.alternate as Node);
        break;
    }
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    if (n.type === 'JSXText' && WORDS.test(n.value as string)) report(n, n.value as string);
    if (n.type === 'JSXExpressionContainer' && n.expression) literalText(n.expression as Node);
    if (n.type === 'JSXAttribute') {
      const name = (n.name as Node).name as string;
      const value = n.value as Node | null;
      if (VISIBLE_ATTRIBUTES.has(name) && value) {
        if (value.type === 'StringLiteral') literalText(value);
        else if (value.type === 'JSXExpressionContainer') literalText(value.expression as Node);
      }
      return; // other attributes (class, data-*, type…) are not read by the user
    }
    // State a component renders later: `{ error: 'Could not …' }`, `{ label: …, hint: … }`.
    if (n.type === 'ObjectProperty') {
      const key = n.key as Node;
      const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'StringLiteral' ? (key.value as string) : '';
      if (VISIBLE_PROPERTIES.has(name)) literalText(n.value as Node);
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'loc' && key !== 'start' && key !== 'end') visit(child);
  };
  visit(ast.program);
  return found;
}

describe('no hard-coded user-visible text in components', () => {
  const files = [...sourceFiles('components'), ...sourceFiles('entrypoints')].sort();

  it('finds the components', () => {
    expect(files).toContain('components/GuardDialog.tsx');
  });

  for (const file of files) {
    it(file, () => {
      const found = hardCoded(file);
      if (NOT_YET.includes(file)) expect(found.length, `${file} is clean now: remove it from NOT_YET`).toBeGreaterThan(0);
      else expect(found, 'hard-coded text (use t() from components/i18n.ts)').toEqual([]);
    });
  }
});
