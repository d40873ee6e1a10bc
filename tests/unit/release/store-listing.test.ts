// @vitest-environment node
// The listing texts in docs/store against each store's limits (docs/store/README.md, "Limits")
// and against the manifest, which Chrome and Edge read the name and short description from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { section } from '../../../scripts/release/permission-claims';
import { catalogueGetMessage } from '../../support/i18n-catalogue';

/** The languages the extension (and so each store's listing) comes in: locales/<lang>.yml. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'pt_BR'];

/** A manifest text as a browser shows it in `lang`: `__MSG_name__` read from that catalogue. */
async function shown(text: string | undefined, lang = 'en'): Promise<string> {
  const key = /^__MSG_(\w+)__$/.exec(text ?? '')?.[1];
  return key ? (await catalogueGetMessage(lang))(key) : (text ?? '');
}

const LISTING = readFileSync('docs/store/listing.md', 'utf8');

/** The ```text block of `## heading` in listing.md. */
function field(heading: string): string {
  const body = section(LISTING, heading);
  const text = body && /```text\n([\s\S]*?)\n```/.exec(body)?.[1];
  if (!text) throw new Error(`docs/store/listing.md: no text block under "## ${heading}"`);
  return text;
}

async function chromeManifest() {
  const fn = config.manifest;
  if (typeof fn !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return fn({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
}

describe('store listing texts', () => {
  it('the name is the manifest\'s, within the shortest store limit (Edge, 45), in every language', async () => {
    const { name } = await chromeManifest();
    expect(field('Name')).toBe(await shown(name));
    for (const lang of LANGUAGES) expect((await shown(name, lang)).length, lang).toBeLessThanOrEqual(45);
  });

  it('the short description is the manifest\'s, within 132 characters, in every language', async () => {
    const { description } = await chromeManifest();
    expect(field('Short description')).toBe(await shown(description));
    for (const lang of LANGUAGES) {
      const text = await shown(description, lang);
      expect(text, lang).not.toBe('');
      expect(text.length, lang).toBeLessThanOrEqual(132);
    }
  });

  it('the AMO summary is within 250 characters; the full description within 10,000 (Edge)', () => {
    expect(field('Summary').length).toBeLessThanOrEqual(250);
    expect(field('Full description').length).toBeLessThanOrEqual(10_000);
    expect(field('Full description').length).toBeGreaterThan(500);
    expect(field('Single purpose').length).toBeGreaterThan(100);
  });

  it("Edge's search terms: at most 7, 30 characters each, 21 words in all", () => {
    const terms = field('Search terms').split('\n').filter(Boolean);
    expect(terms.length).toBeLessThanOrEqual(7);
    for (const term of terms) expect(term.length, term).toBeLessThanOrEqual(30);
    expect(terms.join(' ').split(/\s+/).length).toBeLessThanOrEqual(21);
  });

  it('the full description names the portals the manifest guards, and the texts make no claim of collecting', async () => {
    const { content_scripts } = await chromeManifest();
    for (const match of content_scripts!.flatMap((c) => c.matches ?? [])) expect(field('Full description')).toContain(match);
    expect(field('Summary')).toContain('Collects nothing');
  });

  it('every store page links the privacy policy', () => {
    for (const page of ['chrome-web-store.md', 'edge-add-ons.md', 'amo.md', 'README.md']) {
      expect(readFileSync(`docs/store/${page}`, 'utf8'), page).toContain('(../../PRIVACY.md)');
    }
  });
});
