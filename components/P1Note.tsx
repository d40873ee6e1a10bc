import type { LevelDefinition } from '../lib/rules';

/** The compact note shown by the priority field while Priority 1 is selected. */
export function P1Note({ p1, asksBeforeSubmit }: { p1: LevelDefinition; asksBeforeSubmit: boolean }) {
  return (
    <div class="pg-note" role="status">
      <strong>Priority 1 is only for: </strong>
      <span>{p1.definition}</span>
      {asksBeforeSubmit && <span> You will be asked to confirm before the ticket is submitted.</span>}
    </div>
  );
}
