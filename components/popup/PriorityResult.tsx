import { useLayoutEffect, useRef } from 'preact/hooks';
import { PLANS, type LevelDefinition, type PlanChoice, type TriageResult } from '../../lib/rules';
import type { EssentialResult } from '../../lib/rules/readiness/types';
import type { SetLevelFailure } from '../../lib/messages';
import { TicketReadiness } from '../TicketReadiness';
import { essentialLabel, missingSummary } from '../readiness-text';
import { definitionTranslation, formatNumber, triageReasonText, reassuranceText, levelName, levelTag, planName, responseTarget, summaryText, t, translating, uiLocale } from '../i18n';

/**
 * Why "Use Priority N on this ticket" did not work: the content script's own reason
 * (lib/messages.ts), or what the popup saw (no answer in time, the page gone, an answer
 * that was not valid, a refusal without a reason).
 */
export type HandoffFailure = SetLevelFailure | 'no-answer' | 'page-gone' | 'unexpected-answer' | 'unexplained';

const FAILURE_TEXT: Record<HandoffFailure, (level: number) => string> = {
  'no-field': () => t('popup.failure.noField'),
  'no-option': (level) => t('popup.failure.noOption', { level: formatNumber(level) }),
  timeout: (level) => t('popup.failure.timeout', { level: formatNumber(level) }),
  refused: (level) => t('popup.failure.refused', { level: formatNumber(level) }),
  'no-answer': () => t('popup.failure.noAnswer'),
  'page-gone': () => t('popup.failure.pageGone'),
  'unexpected-answer': () => t('popup.failure.unexpectedAnswer'),
  unexplained: () => t('popup.failure.unexplained'),
};

/** Where "Use Priority N on this ticket" stands. */
export type HandoffState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; failure: HandoffFailure };

/** What the result offers to do with the priority. */
export type Handoff =
  /** The active tab's status is not known yet. */
  | { kind: 'pending' }
  /** The active tab is a guarded ticket form. */
  | { kind: 'use'; state: HandoffState; onUse(): void }
  /** Anything else: open a new ticket on the configured portal. */
  | { kind: 'open'; onOpen(): void };

export interface PriorityResultProps {
  result: TriageResult;
  definition: LevelDefinition;
  /** The organisation replaced this level's definition (it is then neither Puppet's nor our summary). */
  replaced?: boolean;
  plan: PlanChoice;
  essentials: readonly string[];
  /** What the open tab's ticket form tells Support; null or absent: not known, so the plain list of essentials. */
  readiness?: readonly EssentialResult[] | null;
  reassurance: string;
  /** The organisation's number for P1 on Premium; shown only then, never invented. */
  p1Phone: string | null;
  handoff: Handoff;
  /** Move focus to the result's heading when it opens. */
  autoFocus?: boolean;
  onBack(): void;
  onStartOver(): void;
}

/** A dialable tel: URL from what an admin typed ("+1 (503) 555-0100 ext. 2" → tel:+15035550100). */
function telUrl(phone: string): string | null {
  const digits = phone.replace(/ext.*$/i, '').replace(/[^\d+]/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}

function HandoffArea({ handoff, level }: { handoff: Handoff; level: number }) {
  if (handoff.kind === 'pending') return null;
  if (handoff.kind === 'open') {
    return (
      <div class="pg-handoff">
        <button type="button" class="pg-button pg-button-primary" data-action="open-ticket" onClick={handoff.onOpen}>
          {t('popup.openTicket')}
        </button>
      </div>
    );
  }
  const { state } = handoff;
  return (
    <div class="pg-handoff">
      <button
        type="button"
        class="pg-button pg-button-primary"
        data-action="use-level"
        data-level={level}
        aria-disabled={state.kind === 'busy' ? 'true' : undefined}
        onClick={() => state.kind !== 'busy' && handoff.onUse()}
      >
        {t('popup.useLevel', { level })}
      </button>
      <p class={`pg-handoff-message pg-handoff-${state.kind}`} role="status" data-state={state.kind}>
        {state.kind === 'busy' && t('popup.settingLevel', { level })}
        {state.kind === 'done' && t('popup.setDone', { level })}
        {state.kind === 'failed' && t('popup.setFailed', { level, reason: FAILURE_TEXT[state.failure](level) })}
      </p>
    </div>
  );
}

/** The triage result: the priority, its definition, why, the response target and what to include. */
export function PriorityResult(props: PriorityResultProps) {
  const { result, definition, plan, handoff } = props;
  const { level } = result;
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, []);
  const phone = level === 1 && plan === 'premium' && props.p1Phone?.trim() ? props.p1Phone.trim() : null;
  const tel = phone ? telUrl(phone) : null;
  const plans = plan === 'unknown' ? PLANS : [plan];
  const published = definition.wording === 'published' && !props.replaced;
  const summary = definition.wording === 'summary' && !props.replaced;
  return (
    <div class={`pg-result pg-result-${level}`} data-level={level}>
      <h2 id="pg-result-title" class="pg-result-title" tabIndex={-1} ref={heading}>
        {levelName(level)} <span class="pg-level-tag">{levelTag(level)}</span>
      </h2>
      <figure class="pg-quote">
        <blockquote cite={published ? definition.source : undefined} lang={published && translating() ? 'en' : undefined}>
          <p>{summary ? summaryText(level) : definition.definition}</p>
        </blockquote>
        <figcaption>
          {props.replaced
            ? t('popup.caption.replaced')
            : definition.wording === 'published'
              ? t('popup.caption.published')
              : t('popup.caption.summary')}
        </figcaption>
        {published && translating() && (
          <p class="pg-translation" lang={uiLocale()}>
            <span class="pg-translation-mark">{`${t('level.mark.translation')} `}</span>
            {definitionTranslation(level)}
          </p>
        )}
      </figure>
      <h3 class="pg-subheading">{t('popup.why')}</h3>
      <ul class="pg-reasons">
        {result.reasons.map((r) => (
          <li key={r}>{triageReasonText(r, level)}</li>
        ))}
      </ul>
      <h3 class="pg-subheading">{t('popup.responseTarget')}</h3>
      <dl class="pg-result-targets">
        {plans.map((p) => (
          <div key={p} class="pg-target">
            <dt>{t('level.planTarget', { plan: planName(p) })}</dt>
            <dd>{responseTarget(level, p)}</dd>
          </div>
        ))}
      </dl>
      {phone && (
        <p class="pg-phone">
          {`${t('popup.phone')} `}
          {tel ? <a href={tel}>{phone}</a> : <span>{phone}</span>}
        </p>
      )}
      <HandoffArea handoff={handoff} level={level} />
      {props.readiness ? (
        <TicketReadiness results={props.readiness} summary={missingSummary(props.readiness)} headingLevel={3} />
      ) : (
        <>
          <h3 class="pg-subheading">{t('popup.include')}</h3>
          <ul class="pg-essentials-list">
            {props.essentials.map((e) => (
              <li key={e}>{essentialLabel(e)}</li>
            ))}
          </ul>
        </>
      )}
      {level !== 1 && props.reassurance && <p class="pg-reassurance">{reassuranceText(props.reassurance)}</p>}
      <div class="pg-actions">
        <button type="button" class="pg-button" data-action="back" onClick={props.onBack}>
          {t('popup.back')}
        </button>
        <button type="button" class="pg-button" data-action="start-over" onClick={props.onStartOver}>
          {t('popup.startOver')}
        </button>
      </div>
    </div>
  );
}
