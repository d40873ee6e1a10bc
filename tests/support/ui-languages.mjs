// The extension's languages other than English (locales/*.yml), as each browser names its UI
// language: the end-to-end tests start the browsers in each, and check-prereqs makes sure
// the browsers can speak them (Debian's chromium-l10n and firefox-esr-l10n-* packages).
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const UI_LANGUAGES = [
  { catalogue: 'de', chromium: 'de', firefox: 'de', apt: 'firefox-esr-l10n-de' },
  { catalogue: 'fr', chromium: 'fr', firefox: 'fr', apt: 'firefox-esr-l10n-fr' },
  { catalogue: 'es', chromium: 'es', firefox: 'es-ES', apt: 'firefox-esr-l10n-es-es' },
  { catalogue: 'ja', chromium: 'ja', firefox: 'ja', apt: 'firefox-esr-l10n-ja' },
  { catalogue: 'pt_BR', chromium: 'pt-BR', firefox: 'pt-BR', apt: 'firefox-esr-l10n-pt-br' },
];

/** Debian's /usr/bin/chromium is a wrapper script: its locales are in /usr/lib/chromium. */
function chromiumLocalesDir(executable) {
  if (executable === '/usr/bin/chromium') return '/usr/lib/chromium/locales';
  return join(dirname(realpathSync(executable)), 'locales');
}

/** The UI languages a browser cannot show: each as { language, apt } (the package that adds it). */
export function missingUiLanguages(browser, executable) {
  return UI_LANGUAGES.filter((l) => {
    if (browser === 'chromium') return !existsSync(join(chromiumLocalesDir(executable), `${l.chromium}.pak`));
    const packs = join(dirname(realpathSync(executable)), 'browser/extensions');
    return !existsSync(join(packs, `langpack-${l.firefox}@firefox-esr.mozilla.org.xpi`));
  }).map((l) => ({ language: l[browser], apt: browser === 'chromium' ? 'chromium-l10n' : l.apt }));
}
