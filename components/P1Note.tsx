import { definitionOf, type LevelDefinition } from '../lib/rules';
import { DefinitionText } from './DefinitionList';
import { t, uiLocale } from './i18n';

/** The compact note shown by the priority field while Priority 1 is selected. */
export function P1Note({ p1, asksBeforeSubmit }: { p1: LevelDefinition; asksBeforeSubmit: boolean }) {
  // Puppet's wording only when it is Puppet's text; an organisation's replacement is shown as written.
  const puppets = p1.definition === definitionOf(1).definition;
  return (
    <div class="pg-note" role="status" lang={uiLocale()}>
      <strong>{`${t('note.onlyFor')} `}</strong>
      <span>{puppets ? <DefinitionText definition={p1} replaced={false} /> : p1.definition}</span>
      {asksBeforeSubmit && <span>{` ${t('note.asksBeforeSubmit')}`}</span>}
    </div>
  );
}
