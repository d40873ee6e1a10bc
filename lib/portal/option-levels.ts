import { recogniseLabel, recogniseOption, schemeOf, type OptionLike } from '../rules/labels';
import type { Level } from '../rules/levels';

/**
 * How one portal's option texts map to levels: the admin's own map first (for labels the
 * recognition does not know), then lib/rules' label recognition. Every adapter asks this.
 */
export interface OptionLevels {
  /** The level of one option, judged with its siblings (they tell the label scheme). */
  ofOption(option: OptionLike, siblings: readonly OptionLike[]): Level | null;
  /** The level a shown text names (a combobox's current value), judged with the options seen. */
  ofText(text: string, seen: readonly OptionLike[]): Level | null;
  /** The first option that names level. */
  find<T extends OptionLike>(options: readonly T[], level: Level): T | undefined;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function optionLevels(adminLabels: Readonly<Record<string, Level>> = {}): OptionLevels {
  const admin = new Map(Object.entries(adminLabels).map(([text, level]) => [normalise(text), level]));
  const mapped = (text: string) => admin.get(normalise(text)) ?? null;
  const levels: OptionLevels = {
    ofOption: (option, siblings) =>
      mapped(option.label) ?? mapped(option.value) ?? recogniseOption(option, schemeOf(siblings)),
    ofText: (text, seen) => mapped(text) ?? recogniseLabel(text, schemeOf(seen)),
    find: (options, level) => options.find((o) => levels.ofOption(o, options) === level),
  };
  return levels;
}

/** Recognition alone, for portals without an admin map. */
export const RECOGNISED_LEVELS = optionLevels();
