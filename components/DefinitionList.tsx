import type { Level, LevelDefinition, PlanChoice } from '../lib/rules';
import { PLANS } from '../lib/rules';
import { definitionTranslation, levelName, levelTag, planName, responseTarget, summaryText, t, translating, uiLocale } from './i18n';

interface Props {
  definitions: readonly LevelDefinition[];
  plan: PlanChoice;
  /** The level to set apart (the dialog highlights Priority 1). */
  highlight?: number;
  headingLevel?: 2 | 3;
  /** Levels whose definition an organisation replaced: marked as its wording, not Puppet's or ours. */
  replaced?: readonly Level[];
}

/**
 * A level's definition as the user should trust it:
 * - an organisation's replacement: as written, marked as the organisation's wording;
 * - Puppet's published wording (P1, P4): exactly as published, in English, in every language;
 *   in another language marked as Puppet's, with a translation below marked as a translation;
 * - our summary (P2, P3): in the UI language, marked as a summary.
 */
export function DefinitionText({ definition: d, replaced }: { definition: LevelDefinition; replaced: boolean }) {
  if (replaced) {
    return (
      <>
        {d.definition}
        <span class="pg-summary-mark pg-replaced-mark">{` ${t('level.mark.replaced')}`}</span>
      </>
    );
  }
  if (d.wording === 'summary') {
    return (
      <>
        {summaryText(d.level)}
        <span class="pg-summary-mark">{` ${t('level.mark.summary')}`}</span>
      </>
    );
  }
  if (!translating()) return <>{d.definition}</>;
  const translation = definitionTranslation(d.level);
  return (
    <>
      <span class="pg-published-mark">{`${t('level.mark.published')} `}</span>
      <q class="pg-published" lang="en" cite={d.source}>
        {d.definition}
      </q>
      <span class="pg-translation" lang={uiLocale()}>
        <span class="pg-translation-mark">{`${t('level.mark.translation')} `}</span>
        {translation}
      </span>
    </>
  );
}

/** The four priority levels with their wording and response targets. */
export function DefinitionList({ definitions, plan, highlight, headingLevel = 3, replaced = [] }: Props) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <ul class="pg-levels" aria-label={t('level.list')}>
      {definitions.map((d) => (
        <li
          key={d.level}
          class={`pg-level pg-level-${d.level}${highlight === d.level ? ' pg-level-highlight' : ''}`}
          data-level={d.level}
        >
          <Heading class="pg-level-name">
            {levelName(d.level)} <span class="pg-level-tag">{levelTag(d.level)}</span>
          </Heading>
          <p class="pg-level-definition">
            <DefinitionText definition={d} replaced={replaced.includes(d.level)} />
          </p>
          <dl class="pg-targets">
            {(plan === 'unknown' ? PLANS : [plan]).map((p) => (
              <div key={p} class="pg-target">
                <dt>{plan === 'unknown' ? t('level.planTarget', { plan: planName(p) }) : t('level.responseTarget')}</dt>
                <dd>{responseTarget(d.level, p)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
