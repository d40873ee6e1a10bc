import { fold } from './labels';

/**
 * What a priority field is called, in the languages of the extension's catalogues: the words
 * the guard looks for in a field's labels, aria names and name attribute when no selector
 * names the field. Zendesk's own names for its priority field ("Priorität", "Priorité",
 * "Prioridad", "Prioridade", "優先度") are cited in lib/rules/labels.ts; the severity and
 * urgency words are the common ones.
 *
 * A Latin-script word counts only as a whole word ("request[priority]", "Priorité :", not
 * "Prioritätsstufe" or "impriority"); Japanese has no spaces, so its words count anywhere
 * ("チケットの優先度"). Compared folded, as labels are: "PRIORITÉ" is "priorité".
 */
const WHOLE_WORDS = [
  'priority severity urgency',
  'priorität dringlichkeit schweregrad',
  'priorité gravité sévérité urgence',
  'prioridad gravedad severidad urgencia',
  'prioridade gravidade severidade urgência',
].join(' ');
const JAPANESE_WORDS = '優先度 優先順位 重大度 緊急度';

let pattern: RegExp | undefined;

/** Whether a field's name (labels, aria names and name attribute, as one text) says it is a priority field. */
export function isPriorityFieldName(name: string): boolean {
  pattern ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${fold(WHOLE_WORDS).split(' ').join('|')})(?![\\p{L}\\p{N}])|${fold(JAPANESE_WORDS).split(' ').join('|')}`,
    'u',
  );
  return pattern.test(fold(name));
}
