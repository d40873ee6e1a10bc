import type { EffectiveConfig } from '../../lib/config/effective';
import type { PriorityControl } from '../../lib/portal/control';
import { snapshotFromParts, ticketFormParts, type TicketDescription } from '../../lib/portal/ticket-snapshot';
import { essentialsFromConfig, judgeReadiness, type EssentialResult } from '../../lib/rules/readiness';

/** What the ticket tells Support, and where its description is typed. */
export interface TicketReading {
  results: EssentialResult[];
  description: TicketDescription | null;
}

/** Reads the ticket of `control`'s form now, locally, and judges it; nothing is kept. */
export function readTicket(control: PriorityControl, config: EffectiveConfig): TicketReading {
  const parts = ticketFormParts(control);
  const essentials = essentialsFromConfig(config.ticketEssentials, config.ticketEssentialKeywords);
  return { results: judgeReadiness(snapshotFromParts(parts), essentials), description: parts.description };
}

/** What the ticket of `control`'s form tells Support now (the popup asks for this). */
export function readReadiness(control: PriorityControl, config: EffectiveConfig): EssentialResult[] {
  return readTicket(control, config).results;
}
