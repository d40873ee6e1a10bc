import type { EffectiveConfig } from '../../lib/config/effective';
import type { PriorityControl } from '../../lib/portal/control';
import { readTicketSnapshot } from '../../lib/portal/ticket-snapshot';
import { essentialsFromConfig, judgeReadiness, type EssentialResult } from '../../lib/rules/readiness';

/** What the ticket of `control`'s form tells Support now: read locally, judged, never kept. */
export function readReadiness(control: PriorityControl, config: EffectiveConfig): EssentialResult[] {
  return judgeReadiness(readTicketSnapshot(control), essentialsFromConfig(config.ticketEssentials, config.ticketEssentialKeywords));
}
