import type { ChecklistId } from './checklist';
import type { Level } from './levels';
import { triage } from './triage';

/**
 * The priority that fits when the user could not tick some checklist statements.
 * An unticked "critical" is read as impaired (not as working normally): the milder
 * guess would understate a real problem.
 */
export function suggest(ticked: ReadonlySet<ChecklistId>): Level {
  return triage({
    production: ticked.has('production'),
    functioning: ticked.has('critical') ? 'inoperative' : 'impaired',
    workaround: !ticked.has('no-workaround'),
  }).level;
}
