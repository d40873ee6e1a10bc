/** One essential as the dialog and the popup show it. */
export interface ReadinessItem {
  id: string;
  label: string;
  state: 'found' | 'missing' | 'unknown';
  /** What was found (a version, a file name, the words that say it), when found. */
  evidence?: string;
}

const STATE_TEXT: Record<ReadinessItem['state'], string> = {
  found: 'Found',
  missing: 'Missing',
  unknown: "Can't tell",
};
/** Not colour alone: each state has its own mark and its own word. */
const STATE_MARK: Record<ReadinessItem['state'], string> = { found: '✓', missing: '✗', unknown: '?' };

/**
 * "What your ticket tells Support": each essential with its state, read from the form as
 * it is now. Presentational only; it never blocks or gates anything.
 */
export function TicketReadiness({ items, summary, headingLevel = 3 }: { items: readonly ReadinessItem[]; summary: string | null; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section class="pg-readiness" aria-labelledby="pg-readiness-title">
      <Heading id="pg-readiness-title">What your ticket tells Support</Heading>
      <ul>
        {items.map((item) => (
          <li key={item.id} class={`pg-readiness-item pg-readiness-${item.state}`} data-essential={item.id} data-state={item.state}>
            <span class="pg-readiness-mark" aria-hidden="true">
              {STATE_MARK[item.state]}
            </span>
            <span class="pg-readiness-label">{item.label}</span>{' '}
            <span class="pg-readiness-state">
              {STATE_TEXT[item.state]}
              {item.state === 'found' && item.evidence ? `: ${item.evidence}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {summary && <p class="pg-readiness-summary">{summary}</p>}
    </section>
  );
}
