export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Where a definition's words come from: Puppet's own published text, or our summary. */
export type Wording = 'published' | 'summary';

export interface LevelDefinition {
  level: Level;
  /** "Priority 1" */
  name: string;
  /** "P1" */
  short: string;
  /** One word that sets the level apart: "Critical". */
  tag: string;
  definition: string;
  wording: Wording;
  source: string;
}

export const PRIORITY_ARTICLE_URL =
  'https://support.puppet.com/hc/en-us/articles/360035198994';

export const DEFAULT_DEFINITIONS: readonly LevelDefinition[] = [
  {
    level: 1,
    name: 'Priority 1',
    short: 'P1',
    tag: 'Critical',
    definition:
      'Critical production Puppet functionality is inoperative or severely degraded. No workaround is available.',
    wording: 'published',
    source: PRIORITY_ARTICLE_URL,
  },
  {
    level: 2,
    name: 'Priority 2',
    short: 'P2',
    tag: 'High',
    definition:
      'Production Puppet functionality is impaired with no workaround, or critical functionality is down but a workaround keeps production running.',
    wording: 'summary',
    source: PRIORITY_ARTICLE_URL,
  },
  {
    level: 3,
    name: 'Priority 3',
    short: 'P3',
    tag: 'Normal',
    definition:
      'Puppet services are impacted but a workaround is in use, or the problem is outside production (for example a test or development environment).',
    wording: 'summary',
    source: PRIORITY_ARTICLE_URL,
  },
  {
    level: 4,
    name: 'Priority 4',
    short: 'P4',
    tag: 'Question',
    definition: 'Puppet functioning and performing as normal. Question or informational Request.',
    wording: 'published',
    source: PRIORITY_ARTICLE_URL,
  },
];

export function definitionOf(
  level: Level,
  definitions: readonly LevelDefinition[] = DEFAULT_DEFINITIONS,
): LevelDefinition {
  const found = definitions.find((d) => d.level === level);
  if (!found) throw new Error(`No definition for Priority ${level}`);
  return found;
}
