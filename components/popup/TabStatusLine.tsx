import type { Level } from '../../lib/rules';
import { t } from '../i18n';

/** What the popup knows about the active tab. */
export type TabState =
  | { kind: 'checking' }
  /** The guard runs here and found the priority field. */
  | { kind: 'armed'; level: Level | null }
  /** The guard runs here, but the page has no ticket form. */
  | { kind: 'no-form' }
  /** The guard does not run here. */
  | { kind: 'not-portal' };

export function tabStatusText(tab: TabState): string {
  switch (tab.kind) {
    case 'checking':
      return t('popup.tab.checking');
    case 'armed':
      return tab.level === null ? t('popup.tab.armedNoLevel') : t('popup.tab.armedLevel', { level: tab.level });
    case 'no-form':
      return t('popup.tab.noForm');
    case 'not-portal':
      return t('popup.tab.notPortal');
  }
}

/** The status of the current tab, in one line. */
export function TabStatusLine({ tab }: { tab: TabState }) {
  return (
    <p class={`pg-tab-status pg-tab-status-${tab.kind}`} role="status" data-state={tab.kind}>
      <span class="pg-status-dot" aria-hidden="true" />
      {tabStatusText(tab)}
    </p>
  );
}
