import { DEFAULT_DEFINITIONS } from '../lib/rules';
import { DefinitionList } from './DefinitionList';

/** The definitions at a glance, for the popup and options page. */
export function QuickReference({ title }: { title: string }) {
  return (
    <main class="pg-page">
      <h1>{title}</h1>
      <p>Check the definitions before you open a Priority 1 ticket.</p>
      <DefinitionList definitions={DEFAULT_DEFINITIONS} plan="unknown" headingLevel={2} />
    </main>
  );
}
