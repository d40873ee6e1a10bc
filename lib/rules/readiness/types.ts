// Ticket readiness's data: the snapshot it judges and the results it gives.

/** One field of the form other than priority, subject and description, as the form shows it. */
export interface TicketField {
  label: string;
  value: string;
}

/** What a ticket will carry, read from its form at one moment. */
export interface TicketSnapshot {
  subject: string;
  description: string;
  /** The names of attached files. */
  attachments: readonly string[];
  /** The other fields of the same form: label and shown value. */
  fields: readonly TicketField[];
}

/** The built-in rules. */
export const ESSENTIAL_IDS = ['what-broke-since', 'what-changed', 'pe-version', 'support-script', 'business-impact'] as const;
export type EssentialId = (typeof ESSENTIAL_IDS)[number];

/**
 * One essential: judged by a built-in rule, or by an admin's plain keywords (case-insensitive,
 * whole words, never regular expressions), or by neither (then its state is `unknown`).
 */
export interface EssentialDefinition {
  id: string;
  label: string;
  rule?: EssentialId;
  keywords?: readonly string[];
}

export type EssentialState = 'found' | 'missing' | 'unknown';

/** The judge's answer for one essential (with its label, so the dialog and popup can show it as is). */
export type EssentialResult =
  | { id: string; label: string; state: 'found'; evidence: string }
  | { id: string; label: string; state: 'missing' }
  | { id: string; label: string; state: 'unknown' };


export function isEssentialId(value: unknown): value is EssentialId {
  return (ESSENTIAL_IDS as readonly unknown[]).includes(value);
}

