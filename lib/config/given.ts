import type { Given } from './problem';

const MAX_TEXT = 80;
const KEYS_SHOWN = 4;
const MAX_KEY = 20;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** What was given, as facts for the message: long text cut, nothing traversed deeply. */
export function describeGiven(value: unknown): Given {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'text', text: value.slice(0, MAX_TEXT), length: value.length };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'scalar', text: String(value) };
  if (Array.isArray(value)) return { kind: 'list', count: value.length };
  if (typeof value === 'object') {
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      return { kind: 'other', type: 'object' };
    }
    return { kind: 'object', keys: keys.slice(0, KEYS_SHOWN).map((k) => cut(k, MAX_KEY)), count: keys.length };
  }
  return { kind: 'other', type: typeof value };
}
