import type { EssentialResult, EssentialState } from '../lib/rules/readiness/types';
import { t } from './i18n';
import { essentialLabel } from './readiness-text';

const STATE_TEXT: Record<EssentialState, () => string> = {
  found: () => t('readiness.state.found'),
  missing: () => t('readiness.state.missing'),
  unknown: () => t('readiness.state.unknown'),
};
/** Not colour alone: each state has its own mark and its own word. */
const STATE_MARK: Record<EssentialState, string> = { found: '✓', missing: '✗', unknown: '?' };

export interface TicketReadinessProps {
  results: readonly EssentialResult[];
  /** The one line on what is missing (null: nothing is). */
  summary: string | null;
  headingLevel?: 2 | 3;
}

/**
 * "What your ticket tells Support": each essential with its state, read from the form as
 * it is now. Presentational only; it never blocks or gates anything.
 */
export function TicketReadiness({ results, summary, headingLevel = 3 }: TicketReadinessProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section class="pg-readiness" aria-labelledby="pg-readiness-title">
      <Heading id="pg-readiness-title">{t('readiness.title')}</Heading>
      <ul>
        {results.map((result) => (
          <li key={result.id} class={`pg-readiness-item pg-readiness-${result.state}`} data-essential={result.id} data-state={result.state}>
            <span class="pg-readiness-mark" aria-hidden="true">
              {STATE_MARK[result.state]}
            </span>
            <span class="pg-readiness-label">{essentialLabel(result.label)}</span>{' '}
            <span class="pg-readiness-state">
              {STATE_TEXT[result.state]()}
              {result.state === 'found' && result.evidence ? t('readiness.foundEvidence', { evidence: result.evidence }) : ''}
            </span>
          </li>
        ))}
      </ul>
      {summary && <p class="pg-readiness-summary">{summary}</p>}
    </section>
  );
}
