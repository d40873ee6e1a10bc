// A stand-in for browser.i18n.getMessage in unit tests, answering from a locale's catalogue
// (locales/<lang>.yml, built the way the extension's build does it).
import { resolve } from 'node:path';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';

export async function catalogueGetMessage(lang: string) {
  const messages = JSON.parse(
    generateChromeMessagesText(await parseMessagesFile(resolve(__dirname, `../../locales/${lang}.yml`))),
  ) as Record<string, { message: string }>;
  /** Chrome's rules: $1…$9 are the substitutions, $$ a dollar sign; an unknown name gives "". */
  return (name: string, substitutions?: string | string[]): string => {
    if (name === '@@ui_locale') return lang;
    const entry = messages[name];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
  };
}

/** A locale's words by the catalogue's keys ("dialog.title"), with {name} placeholders filled in. */
export async function catalogueWords(lang: string) {
  const texts = new Map<string, string>();
  for (const m of await parseMessagesFile(resolve(__dirname, `../../locales/${lang}.yml`))) {
    if (m.type !== 'plural') texts.set(m.key.join('.'), String(m.message));
  }
  return (key: string, vars: Record<string, string | number> = {}): string => {
    const text = texts.get(key);
    if (text === undefined) throw new Error(`locales/${lang}.yml has no message "${key}"`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}
