import {
  DEFAULT_CHECKLIST,
  DEFAULT_DEFINITIONS,
  DEFAULT_REASSURANCE,
  DEFAULT_TICKET_ESSENTIALS,
  type ChecklistId,
  type ChecklistItem,
  type Level,
  type LevelDefinition,
  type PlanChoice,
} from '../rules';
import { DEFAULT_NEW_TICKET_URL } from '../portal/default-portals';

// No zod in this module: the content script imports it. The zod schema of the same
// settings is lib/config/schema.ts, checked against these types there.

export const GUARD_MODES = ['dialog', 'note', 'off'] as const;
/** dialog: stop a P1 submission and ask; note: only show the note by the field; off: nothing. */
export type GuardMode = (typeof GUARD_MODES)[number];

/** The popup's views: the "Which priority?" triage flow and the definitions. */
export const POPUP_VIEWS = ['triage', 'definitions'] as const;
export type PopupView = (typeof POPUP_VIEWS)[number];

/** A support portal the guard works on. */
export interface PortalConfig {
  /** What people call it: "Puppet Support". */
  name: string;
  /** Match patterns of its pages, https only (see lib/config/match-pattern.ts, match-url.ts). */
  matches: readonly string[];
  /** Where a new ticket is filed. */
  newTicketUrl: string;
  /** CSS selector of the priority field, for portals the heuristics do not cover. */
  fieldSelector?: string;
  /** The portal's option labels → level, for labels the heuristics do not recognise. */
  labels?: Readonly<Record<string, Level>>;
  /** Shipped with the extension (its pages are in the manifest) or configured by an admin or user. */
  builtIn: boolean;
}

/** The portals in the manifest: the guard runs there without asking for access. */
export const BUILT_IN_PORTALS: readonly PortalConfig[] = [
  {
    name: 'Puppet Support',
    matches: ['https://support.puppet.com/hc/*'],
    newTicketUrl: DEFAULT_NEW_TICKET_URL,
    builtIn: true,
  },
  {
    name: 'Perforce Support Portal',
    matches: ['https://portal.perforce.com/s/*'],
    newTicketUrl: 'https://portal.perforce.com/s/',
    builtIn: true,
  },
];

/** The texts an organisation (or user) can reword: `wording` in the settings, for one language or all. */
export interface WordingValues {
  definitions?: Readonly<Partial<Record<Level, string>>>;
  checklist?: Readonly<Partial<Record<ChecklistId, string>>>;
  reassurance?: string;
  ticketEssentials?: readonly string[];
  ticketEssentialKeywords?: Readonly<Record<string, readonly string[]>>;
}

/** The `wording` setting in force: the wording for every language, and the organisation's per language. */
export interface WordingConfig extends WordingValues {
  /** Keyed by BCP 47 language tag ("de", "pt-BR"); see lib/config/wording-for-locale.ts. */
  byLanguage?: Readonly<Record<string, WordingValues>>;
}

/** What every surface (guard, popup, options) works from, after defaults, user and policy. */
export interface EffectiveConfig {
  plan: PlanChoice;
  guardMode: GuardMode;
  definitions: readonly LevelDefinition[];
  checklist: readonly ChecklistItem[];
  ticketEssentials: readonly string[];
  /** Keywords that show a ticket holds an essential, keyed by the essential's text. */
  ticketEssentialKeywords: Readonly<Record<string, readonly string[]>>;
  reassurance: string;
  /** The organisation's own number for P1 on Premium; never invented. */
  p1Phone: string | null;
  /**
   * Every portal, first match wins: the configured ones (policy or user) first, so an
   * entry for a built-in portal's pages can give it a field selector, then the built-in ones.
   */
  portals: readonly PortalConfig[];
  /** Where "Open a new ticket" goes: the first configured portal's, else Puppet Support's. */
  newTicketUrl: string;
  /** Levels whose definition an organisation or user replaced (not Puppet's or our wording). */
  replacedDefinitions: readonly Level[];
  /** The popup's views, in this order; never empty. */
  popupViews: readonly PopupView[];
  /** False when the organisation does not let users change settings. */
  allowUserSettings: boolean;
  /**
   * The `wording` setting in force. The texts above (definitions to reassurance) are its
   * top level's; a surface takes its UI language's with configForLocale (config-for-locale.ts).
   */
  wording: WordingConfig;
}

export const DEFAULT_CONFIG: EffectiveConfig = {
  plan: 'unknown',
  guardMode: 'dialog',
  definitions: DEFAULT_DEFINITIONS,
  checklist: DEFAULT_CHECKLIST,
  ticketEssentials: DEFAULT_TICKET_ESSENTIALS,
  ticketEssentialKeywords: {},
  reassurance: DEFAULT_REASSURANCE,
  p1Phone: null,
  portals: BUILT_IN_PORTALS,
  newTicketUrl: DEFAULT_NEW_TICKET_URL,
  replacedDefinitions: [],
  popupViews: POPUP_VIEWS,
  allowUserSettings: true,
  wording: {},
};
