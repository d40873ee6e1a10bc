import type { Level, LevelDefinition, PlanChoice } from '../lib/rules';
import { responseTargets } from '../lib/rules';

interface Props {
  definitions: readonly LevelDefinition[];
  plan: PlanChoice;
  /** The level to set apart (the dialog highlights Priority 1). */
  highlight?: number;
  headingLevel?: 2 | 3;
  /** Levels whose definition an organisation replaced: marked as its wording, not Puppet's or ours. */
  replaced?: readonly Level[];
}

/** The four priority levels with their wording and response targets. */
export function DefinitionList({ definitions, plan, highlight, headingLevel = 3, replaced = [] }: Props) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <ul class="pg-levels" aria-label="Priority definitions">
      {definitions.map((d) => (
        <li
          key={d.level}
          class={`pg-level pg-level-${d.level}${highlight === d.level ? ' pg-level-highlight' : ''}`}
          data-level={d.level}
        >
          <Heading class="pg-level-name">
            {d.name} <span class="pg-level-tag">{d.tag}</span>
          </Heading>
          <p class="pg-level-definition">
            {d.definition}
            {replaced.includes(d.level) ? (
              <span class="pg-summary-mark pg-replaced-mark"> (your organisation's wording)</span>
            ) : (
              d.wording === 'summary' && <span class="pg-summary-mark"> (summary, not Puppet's published wording)</span>
            )}
          </p>
          <dl class="pg-targets">
            {responseTargets(d.level, plan).map((t) => (
              <div key={t.plan} class="pg-target">
                <dt>{plan === 'unknown' ? `${t.planName} plan` : 'Response target'}</dt>
                <dd>{t.target}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
