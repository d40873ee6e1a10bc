// A priority field is found by what it is called, in each language of the catalogues; prose,
// compounds and other fields are not taken for one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPriorityFieldName } from '@/lib/rules/field-names';

describe('isPriorityFieldName', () => {
  it.each([
    // Zendesk's system field as help centres label it, with its name attribute.
    ['Priority request[priority]'],
    ['Priorität request[priority]'],
    ['Priorité request[priority]'],
    ['Prioridad request[priority]'],
    ['Prioridade request[priority]'],
    ['優先度 request[priority]'],
    // Custom fields, labels only (no name attribute that gives it away).
    ['Severity'],
    ['Customer Severity'],
    ['Urgency *'],
    ['Schweregrad'],
    ['Dringlichkeit:'],
    ['Ticket-Priorität'],
    ['PRIORITÉ'],
    ['Gravité de l’incident'],
    ['Sévérité'],
    ['Urgence'],
    ['Gravedad del problema'],
    ['Severidad'],
    ['Urgencia'],
    ['Gravidade'],
    ['Severidade'],
    ['Urgência'],
    ['重大度'],
    ['チケットの優先度'],
    ['緊急度（必須）'],
    ['優先順位'],
    ['ticket_priority'],
    ['ＰＲＩＯＲＩＴＹ'],
  ])('%j names a priority field', (name) => {
    expect(isPriorityFieldName(name)).toBe(true);
  });

  it.each([
    ['Subject request[subject]'],
    ['Product'],
    ['Prioritätsstufe der Abteilung'], // a compound: not the word on its own
    ['Betreff'],
    ['Sujet'],
    ['Asunto'],
    ['Assunto'],
    ['件名'],
    ['緊急時の連絡先'], // emergency contact
    ['Priorities of the week'],
    ['Severe weather'],
    ['urgent'],
    [''],
  ])('%j does not', (name) => {
    expect(isPriorityFieldName(name)).toBe(false);
  });

  it('the word among other words and marks still counts, and case and accents do not matter (property)', () => {
    const word = fc.constantFrom('priority', 'Priorität', 'PRIORIDADE', 'gravite', 'Urgência', '優先度');
    const before = fc.constantFrom('', ' ', 'Ticket ', 'request[', '* ', '1. ');
    const after = fc.constantFrom('', ' ', ' (required)', ': ', ']', ' *');
    fc.assert(fc.property(before, word, after, (a, w, b) => isPriorityFieldName(`${a}${w}${b}`)));
  });
});
