// The content script (guard.js), the guard's UI (guard-ui.js) and the popup have size
// budgets (scripts/check-size.mjs, docs/performance.md). The checks of match patterns carry
// the Public Suffix List (tldts), and the settings schema and its validation the whole of
// zod: they belong to the background and the options page only. This follows the static
// imports of each budgeted entry point, as the bundler does, and fails as soon as one of
// them reaches those modules.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

/** Module specifiers a file imports for its values: static and dynamic imports, re-exports; not `import type`. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(statement)) found.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  spec = spec.split('?')[0]!;
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && /\.(tsx?|css|json)$/.test(candidate)) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`);
}

/** Every local file and every package an entry point reaches through value imports. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(relative(ROOT, file));
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(file, spec);
      if (local) {
        if (!files.has(relative(ROOT, local))) queue.push(local);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files, packages };
}

describe('what the budgeted scripts bundle', () => {
  it('finds the imports it follows', () => {
    const guard = graph('entrypoints/guard.ts');
    expect(guard.files).toContain('lib/config/portal-for-url.ts');
    expect(guard.files).toContain('lib/config/match-url.ts');
    expect(guard.packages).toContain('wxt');
    const options = graph('entrypoints/options/main.tsx');
    expect(options.files).toContain('lib/config/public-suffix.ts');
    expect(options.packages).toContain('tldts');
    expect(options.packages).toContain('zod');
  });

  it.each(['entrypoints/guard.ts', 'entrypoints/guard-ui/index.ts', 'entrypoints/popup/main.tsx'])(
    '%s reaches neither the Public Suffix List nor the settings checks',
    (entry) => {
      const { files, packages } = graph(entry);
      expect([...packages].filter((p) => p.startsWith('tldts') || p === 'psl')).toEqual([]);
      expect([...files].filter((f) => /lib\/config\/(match-pattern|public-suffix|schema|validate)\.ts$/.test(f))).toEqual([]);
    },
  );
});
