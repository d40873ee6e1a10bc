import { DEFAULT_TICKET_ESSENTIALS } from '../checklist';
import type { EssentialDefinition, EssentialId } from './types';

// The essentials: the defaults, and those an admin configured.

export const BUSINESS_IMPACT_LABEL = 'The business impact: who or what in production is affected.';

/** The rule for each of DEFAULT_TICKET_ESSENTIALS, in its order. */
const DEFAULT_RULES: readonly EssentialId[] = ['what-broke-since', 'what-changed', 'pe-version', 'support-script'];

function defaultEssentials(): readonly EssentialDefinition[] {
  return [
    ...DEFAULT_TICKET_ESSENTIALS.map((label, i) => ({ id: DEFAULT_RULES[i]!, label, rule: DEFAULT_RULES[i]! })),
    { id: 'business-impact', label: BUSINESS_IMPACT_LABEL, rule: 'business-impact' },
  ];
}

/**
 * What Support needs to start on a P1 at once, each with its rule: the wording of
 * DEFAULT_TICKET_ESSENTIALS (lib/rules/checklist.ts), plus the business impact.
 * (Built by a call marked pure, so a bundle that does not use it, the content script, drops it.)
 */
export const DEFAULT_ESSENTIALS: readonly EssentialDefinition[] = /* @__PURE__ */ defaultEssentials();

/** Labels compared as a person would: case, spacing and a final full stop do not matter. */
export function sameLabel(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.。]$/, '').toLowerCase();
  return norm(a) === norm(b);
}

export function cleanKeywords(keywords: readonly string[] | undefined): string[] | undefined {
  if (!keywords) return undefined;
  const clean = keywords.map((k) => k.trim().replace(/\s+/g, ' ')).filter((k) => k.length > 0);
  return clean.length > 0 ? clean : undefined;
}

/** The keywords given for `label` (keys compared as labels are), cleaned; undefined if none. */
function keywordsFor(label: string, keywords: Readonly<Record<string, readonly string[]>>): string[] | undefined {
  const key = Object.keys(keywords).find((k) => sameLabel(k, label));
  return key === undefined ? undefined : cleanKeywords(keywords[key]);
}

/**
 * The essentials for the configured list (`wording.ticketEssentials`) and the keywords
 * configured for its items (`wording.ticketEssentialKeywords`, keyed by an item's text):
 * - the default list itself (DEFAULT_TICKET_ESSENTIALS) gives DEFAULT_ESSENTIALS, business
 *   impact included, each with the keywords given for it;
 * - an item whose text is a default's label keeps that default's rule (and id), and its keywords;
 * - any other text is an admin's essential: judged by its keywords if it has some, else `unknown`.
 * Ids are unique: a rule's id, or `custom-<position>` (1-based) for an admin's essential.
 */
export function essentialsFromConfig(
  items: readonly string[],
  keywords: Readonly<Record<string, readonly string[]>> = {},
): EssentialDefinition[] {
  const withKeywords = (e: EssentialDefinition): EssentialDefinition => {
    const own = keywordsFor(e.label, keywords);
    return own ? { ...e, keywords: own } : { ...e };
  };
  const isDefaultList =
    items.length === DEFAULT_TICKET_ESSENTIALS.length && items.every((text, i) => sameLabel(text, DEFAULT_TICKET_ESSENTIALS[i]!));
  if (isDefaultList) return DEFAULT_ESSENTIALS.map(withKeywords);

  const used = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  };
  return items.map((item, i) => {
    const label = item.trim();
    const known = DEFAULT_ESSENTIALS.find((e) => sameLabel(e.label, label));
    const id = unique(known ? known.id : `custom-${i + 1}`);
    return withKeywords(known ? { id, label, rule: known.rule } : { id, label });
  });
}
