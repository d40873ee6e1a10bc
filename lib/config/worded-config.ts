import { DEFAULT_CHECKLIST, DEFAULT_DEFINITIONS, DEFAULT_REASSURANCE, DEFAULT_TICKET_ESSENTIALS, type Level } from '../rules';
import type { EffectiveConfig, WordingValues } from './effective';

// No zod here: the content script applies its UI language's wording with this.

/** The parts of the effective configuration that the wording sets. */
export type WordedConfig = Pick<
  EffectiveConfig,
  'definitions' | 'checklist' | 'ticketEssentials' | 'ticketEssentialKeywords' | 'reassurance' | 'replacedDefinitions'
>;

/** The built-in texts with `wording` laid over them; what it does not set stays the default. */
export function wordedConfig(wording: WordingValues): WordedConfig {
  const replaced: Level[] = [];
  const definitions = DEFAULT_DEFINITIONS.map((d) => {
    const text = wording.definitions?.[d.level];
    if (text === undefined || text === d.definition) return d;
    replaced.push(d.level);
    return { ...d, definition: text };
  });
  const checklist = DEFAULT_CHECKLIST.map((item) => {
    const text = wording.checklist?.[item.id];
    return text === undefined ? item : { ...item, statement: text };
  });
  return {
    definitions,
    checklist,
    ticketEssentials: wording.ticketEssentials ?? DEFAULT_TICKET_ESSENTIALS,
    ticketEssentialKeywords: wording.ticketEssentialKeywords ?? {},
    reassurance: wording.reassurance ?? DEFAULT_REASSURANCE,
    replacedDefinitions: replaced,
  };
}
