export interface UiLanguage {
  /** The catalogue's name (locales/<catalogue>.yml). */
  catalogue: string;
  /** Chromium's --lang. */
  chromium: string;
  /** Firefox's intl.locale.requested (its language pack's locale). */
  firefox: string;
  /** Debian's package with Firefox ESR's language pack. */
  apt: string;
}
export const UI_LANGUAGES: readonly UiLanguage[];
export function missingUiLanguages(browser: 'chromium' | 'firefox', executable: string): { language: string; apt: string }[];
