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

/**
 * A form whose only select is a priority scale under a name the recognition does not take
 * for priority ("Business impact"): found only with an admin's selector, `#impact`.
 */
export const UNNAMED_PRIORITY_FORM = `<form action="/hc/en-us/requests"><div class="form-field"><label for="impact">Business impact</label>
<select id="impact" name="request[custom_fields_1]"><option value="low">Low</option><option value="normal">Normal</option>
<option value="high">High</option><option value="urgent">Urgent</option></select></div></form>`;
