import { PLAN_INFO, type Level, type LevelDefinition, type PlanChoice } from '../../lib/rules';
import { DefinitionList } from '../DefinitionList';

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
          ? 'Response targets are shown for both support plans.'
          : `Response targets for your ${PLAN_INFO[plan].name} plan (${PLAN_INFO[plan].hours}).`}
      </p>
      <DefinitionList definitions={definitions} plan={plan} headingLevel={2} replaced={replaced} />
    </div>
  );
}
