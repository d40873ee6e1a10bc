import {
  DEFAULT_CHECKLIST,
  DEFAULT_DEFINITIONS,
  DEFAULT_REASSURANCE,
  DEFAULT_TICKET_ESSENTIALS,
  type ChecklistItem,
  type LevelDefinition,
  type PlanChoice,
} from '../rules';

/** dialog: stop a P1 submission and ask; note: only show the note by the field; off: nothing. */
export type GuardMode = 'dialog' | 'note' | 'off';

/** What every surface (guard, popup, options) works from, after defaults, user and policy. */
export interface EffectiveConfig {
  plan: PlanChoice;
  guardMode: GuardMode;
  definitions: readonly LevelDefinition[];
  checklist: readonly ChecklistItem[];
  ticketEssentials: readonly string[];
  reassurance: string;
  /** The organisation's own number for P1 on Premium; never invented. */
  p1Phone: string | null;
}

export const DEFAULT_CONFIG: EffectiveConfig = {
  plan: 'unknown',
  guardMode: 'dialog',
  definitions: DEFAULT_DEFINITIONS,
  checklist: DEFAULT_CHECKLIST,
  ticketEssentials: DEFAULT_TICKET_ESSENTIALS,
  reassurance: DEFAULT_REASSURANCE,
  p1Phone: null,
};
