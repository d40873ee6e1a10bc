import type { Level } from '../../lib/rules';

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
      return 'Checking this tab…';
    case 'armed':
      return `This tab: guard active on the ticket form (${
        tab.level === null ? 'no priority selected' : `Priority ${tab.level} selected`
      }).`;
    case 'no-form':
      return 'This tab: guard active, but no ticket form on this page.';
    case 'not-portal':
      return 'This tab: not a support portal page.';
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
