import { type Level, type LevelDefinition, type PlanChoice } from '../../lib/rules';
import { DefinitionList } from '../DefinitionList';
import { planHours, planName, t } from '../i18n';

interface Props {
  definitions: readonly LevelDefinition[];
  plan: PlanChoice;
  /** Levels whose definition the organisation replaced. */
  replaced?: readonly Level[];
}

/** The four levels, their wording and the response targets for the user's plan. */
export function DefinitionsView({ definitions, plan, replaced }: Props) {
  return (
    <div class="pg-definitions">
      <p class="pg-intro">
        {plan === 'unknown'
          ? t('popup.targetsBoth')
          : t('popup.targetsFor', { plan: planName(plan), hours: planHours(plan) })}
      </p>
      <DefinitionList definitions={definitions} plan={plan} headingLevel={2} replaced={replaced} />
    </div>
  );
}
