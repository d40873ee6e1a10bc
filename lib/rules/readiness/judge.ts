import { findBusinessImpact } from './business-impact';
import { cleanKeywords, DEFAULT_ESSENTIALS } from './essentials';
import { headingOf } from './headings';
import { findKeywords } from './keywords';
import { findPeVersion } from './pe-version';
import { Prepared } from './prepared';
import { findSince } from './since';
import { findSupportScript } from './support-script';
import { isEssentialId, type EssentialDefinition, type EssentialId, type EssentialResult, type TicketSnapshot } from './types';
import { findChange } from './what-changed';

// The judge: one state per essential.

const RULES: Record<EssentialId, (p: Prepared) => string | null> = {
  'what-broke-since': findSince,
  'what-changed': findChange,
  'pe-version': findPeVersion,
  'support-script': findSupportScript,
  'business-impact': findBusinessImpact,
};

/** One result per essential, in the essentials' order. */
export function judgeReadiness(
  snapshot: TicketSnapshot,
  essentials: readonly EssentialDefinition[] = DEFAULT_ESSENTIALS,
): EssentialResult[] {
  // Every heading "Add headings for what is missing" can write, the defaults' too (whatever is configured).
  const headings = [...new Set([...DEFAULT_ESSENTIALS, ...essentials].map((e) => headingOf(e.id, e.label)))];
  const p = new Prepared(snapshot, headings);
  return essentials.map((essential): EssentialResult => {
    const { id, label } = essential;
    const rule = essential.rule && isEssentialId(essential.rule) ? RULES[essential.rule] : undefined;
    const keywords = cleanKeywords(essential.keywords);
    if (!rule && !keywords) return { id, label, state: 'unknown' };
    const evidence = (rule ? rule(p) : null) ?? (keywords ? findKeywords(p, keywords) : null);
    return evidence ? { id, label, state: 'found', evidence } : { id, label, state: 'missing' };
  });
}

