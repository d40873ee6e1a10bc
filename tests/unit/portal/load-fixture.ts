import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// vitest runs from the repository root (happy-dom replaces URL, so no import.meta.url here).
const FIXTURES = resolve(process.cwd(), 'tests/fixtures') + '/';

/** Puts a replica page's <body> into the test document (its scripts do not run). */
export function loadFixtureBody(name: string): void {
  const html = readFileSync(`${FIXTURES}${name}.html`, 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
}

export function resetDocument(): void {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('data-priority-guard');
}
