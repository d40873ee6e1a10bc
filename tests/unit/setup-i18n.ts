// The fake browser (WXT's) has no i18n: answer getMessage from the English catalogue, as the
// browser does with the built _locales/en/messages.json, so components render their English words.
import { resolve } from 'node:path';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = JSON.parse(
  generateChromeMessagesText(await parseMessagesFile(resolve(__dirname, '../../locales/en.yml'))),
) as Record<string, { message: string }>;

/** Chrome's rules: $1…$9 are the substitutions, $$ is a dollar sign; unknown names give "". */
export function getMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return 'en';
  const entry = messages[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
