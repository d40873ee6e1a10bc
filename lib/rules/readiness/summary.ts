import { isEssentialId, type EssentialId, type EssentialResult } from './types';

// The one line on what is missing.

const ASK: Record<EssentialId, string> = {
  'what-broke-since': 'when it started',
  'what-changed': 'what changed just before it broke',
  'pe-version': 'your PE version',
  'support-script': 'the support script output',
  'business-impact': 'who or what in production is affected',
};

/** An admin's label as part of a sentence: no final stop; "Change number" → "change number", "SAN vendor" kept. */
function askFor(label: string): string {
  const text = label.trim().replace(/\s+/g, ' ').replace(/[.:;!。]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * One plain sentence naming what is missing, in the essentials' order, e.g. "Add your PE
 * version and the support script output so Support can start at once."; null when nothing is
 * missing. Essentials it cannot tell about are not named. A built-in essential is named by its
 * rule (its id, or `<rule>-<n>` for a repeated one); an admin's by its label.
 */
export function missingSummary(results: readonly EssentialResult[]): string | null {
  const parts = results
    .filter((r) => r.state === 'missing')
    .map((r) => {
      const rule = r.id.replace(/-\d+$/, '');
      return isEssentialId(rule) ? ASK[rule] : askFor(r.label);
    })
    .filter((part, i, all) => part !== '' && all.indexOf(part) === i);
  if (parts.length === 0) return null;
  return `Add ${joinAnd(parts)} so Support can start at once.`;
}
