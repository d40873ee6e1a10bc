import { isEssentialId, type EssentialId, type EssentialResult } from './types';

// What the one line on what is missing names (components/readiness-text.ts words it).

/** A built-in essential, named by its rule; an admin's, by its label. */
export type MissingItem = { rule: EssentialId } | { label: string };

/**
 * An admin's label as part of a sentence: no final stop, and with `lowerFirst` (English)
 * "Change number" → "change number" ("SAN vendor" kept).
 */
export function labelInSentence(label: string, lowerFirst: boolean): string {
  const text = label.trim().replace(/\s+/g, ' ').replace(/[.:;!。]+$/, '');
  return lowerFirst && /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * What is missing, in the essentials' order, none twice; empty when nothing is. Essentials it
 * cannot tell about are not named. A built-in essential is named by its rule (its id, or
 * `<rule>-<n>` for a repeated one); an admin's by its label.
 */
export function missingItems(results: readonly EssentialResult[]): MissingItem[] {
  const items: MissingItem[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    if (r.state !== 'missing') continue;
    const rule = r.id.replace(/-\d+$/, '');
    const item: MissingItem = isEssentialId(rule) ? { rule } : { label: r.label.trim() };
    const key = 'rule' in item ? `rule:${item.rule}` : `label:${item.label}`;
    if (('label' in item && item.label === '') || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}
