import { ignoredSummary, t } from '../i18n';

/**
 * Tells the user (and the admin helping them) that some of the organisation's settings
 * were ignored, with a way to the options page that lists them. Nothing when none were.
 */
export function IgnoredSettingsLine({ count, onShow }: { count: number; onShow(): void }) {
  if (count === 0) return null;
  return (
    <p class="pg-ignored-settings" data-count={count}>
      {ignoredSummary(count, 'policy')}.{' '}
      <button type="button" class="pg-link-button" onClick={onShow}>
        {t('popup.seeIgnored')}
      </button>
    </p>
  );
}
