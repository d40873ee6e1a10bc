import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESSENTIALS,
  ESSENTIAL_IDS,
  judgeReadiness,
  type EssentialDefinition,
  type TicketField,
  type TicketSnapshot,
} from '@/lib/rules/readiness';

/** Pieces of real tickets: each finds, refuses or tempts some rule. */
const FRAGMENTS = [
  'Production is down since 09:10 UTC',
  'We upgraded from 2021.7.9 to 2023.8.1 on Saturday',
  'all 1,200 nodes fail their agent runs',
  'I ran the support script with --ticket 123456 and it uploaded',
  'Support script output attached',
  'nothing changed',
  'no recent changes',
  'We will upgrade next week',
  'Should we upgrade?',
  'not production',
  'non-production',
  'environment production',
  "Info: Using environment 'production'",
  '2026-12-06T09:10:33.123Z ERROR [qtp1] failed',
  'Notice: content changed',
  '10.2023.8.1',
  '2023.08.01',
  'PE 3.8.7',
  'PE 7.24',
  'IntelliJ 2023.2',
  '2019.8 seconds',
  'every Monday',
  'since we use PE',
  'restarting 6 may help',
  'customers cannot log in',
  'the support script hangs',
  'I will run the support script',
  'if we upgraded',
  'prod',
  'users',
  'yesterday',
  'for 2 hours',
  '192.168.2.15:22',
  'Seit gestern 09:10 Uhr',
  '本番環境で2023.8.1にアップグレード',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
const separator = fc.constantFrom(' ', '. ', ', ', '\n', '; ', '? ', '! ', '');
/** Text made of fragments joined by random separators. */
const text = fc
  .array(fc.tuple(fragment, separator), { maxLength: 8 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

const LABELS = ['Puppet Enterprise version', 'PE version', 'Product version', 'Environment', 'Recent changes', 'When did it start?', 'Number of affected nodes', 'Product', 'Your email address'];
const field: fc.Arbitrary<TicketField> = fc.record({ label: fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 20 })), value: text });
const attachment = fc.oneof(
  fc.constantFrom('puppet_enterprise_support_pe-primary_20261206.tar.gz', 'screenshot.png', 'support.tar.gz', 'puppet_enterprise_support_x.tgz'),
  fc.string({ maxLength: 30 }),
);
const ticket: fc.Arbitrary<TicketSnapshot> = fc.record({
  subject: fc.oneof(fc.constant(''), text.map((t) => t.replace(/[\r\n]+/g, ' '))),
  description: text,
  attachments: fc.array(attachment, { maxLength: 3 }),
  fields: fc.array(field, { maxLength: 4 }),
});

/** Ways of adding to a ticket without touching what is there: another paragraph, field or file. */
type Addition =
  | { kind: 'append' | 'prepend'; text: string }
  | { kind: 'field'; field: TicketField; first: boolean }
  | { kind: 'attachment'; name: string }
  | { kind: 'subject'; text: string };

const addition: fc.Arbitrary<Addition> = fc.oneof(
  fc.record({ kind: fc.constantFrom('append' as const, 'prepend' as const), text }),
  fc.record({ kind: fc.constant('field' as const), field, first: fc.boolean() }),
  fc.record({ kind: fc.constant('attachment' as const), name: attachment }),
  fc.record({ kind: fc.constant('subject' as const), text: text.map((t) => t.replace(/[\r\n]+/g, ' ')) }),
);

function add(snapshot: TicketSnapshot, a: Addition): TicketSnapshot {
  switch (a.kind) {
    case 'append':
      return { ...snapshot, description: `${snapshot.description}\n\n${a.text}` };
    case 'prepend':
      return { ...snapshot, description: `${a.text}\n\n${snapshot.description}` };
    case 'field':
      return { ...snapshot, fields: a.first ? [a.field, ...snapshot.fields] : [...snapshot.fields, a.field] };
    case 'attachment':
      return { ...snapshot, attachments: [...snapshot.attachments, a.name] };
    case 'subject':
      // A subject is one line: a new one only where there was none.
      return snapshot.subject === '' ? { ...snapshot, subject: a.text } : snapshot;
  }
}

function withoutDigits(s: TicketSnapshot): TicketSnapshot {
  const strip = (t: string) => t.replace(/[0-9]/g, '');
  return {
    subject: strip(s.subject),
    description: strip(s.description),
    attachments: s.attachments.map(strip),
    fields: s.fields.map((f) => ({ label: strip(f.label), value: strip(f.value) })),
  };
}

const essential: fc.Arbitrary<Omit<EssentialDefinition, 'id'>> = fc.oneof(
  fc.constantFrom(...DEFAULT_ESSENTIALS).map(({ label, rule }) => ({ label, rule })),
  fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }), keywords: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) }),
  fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }) }),
);

describe('readiness properties', () => {
  it('adding text, a field or a file never turns a found essential into a missing one', () => {
    fc.assert(
      fc.property(ticket, fc.array(addition, { minLength: 1, maxLength: 3 }), (before, additions) => {
        const after = additions.reduce(add, before);
        const was = judgeReadiness(before);
        const now = judgeReadiness(after);
        for (let i = 0; i < was.length; i++) {
          if (was[i]!.state === 'found') expect(now[i]!.state, `${was[i]!.id}`).toBe('found');
        }
      }),
      { numRuns: 600 },
    );
  });

  it('the realistic fragments, each alone and then with all the others, keep what they found', () => {
    for (const piece of FRAGMENTS) {
      const alone = judgeReadiness({ subject: '', description: piece, attachments: [], fields: [] });
      const others = FRAGMENTS.filter((f) => f !== piece);
      const together = judgeReadiness({ subject: '', description: [...others.slice(0, 10), piece, ...others.slice(10)].join('\n\n'), attachments: [], fields: [] });
      alone.forEach((r, i) => {
        if (r.state === 'found') expect(together[i]!.state, `${piece}: ${r.id}`).toBe('found');
      });
    }
  });

  it('a ticket without digits never has a version', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        const version = judgeReadiness(withoutDigits(t)).find((r) => r.id === 'pe-version')!;
        expect(version.state).toBe('missing');
      }),
      { numRuns: 600 },
    );
  });

  it('gives one result per essential, in the essentials\u2019 order, whatever the ticket', () => {
    fc.assert(
      fc.property(ticket, fc.array(essential, { maxLength: 8 }), (t, defs) => {
        const essentials = defs.map((d, i) => ({ ...d, id: `e${i}` }));
        const results = judgeReadiness(t, essentials);
        expect(results.map((r) => r.id)).toEqual(essentials.map((e) => e.id));
        results.forEach((r, i) => {
          expect(r.label).toBe(essentials[i]!.label);
          const d = essentials[i]!;
          const judged = d.rule || (d.keywords ?? []).some((k) => k.trim() !== '');
          if (!judged) expect(r.state).toBe('unknown');
          else expect(['found', 'missing']).toContain(r.state);
          if (r.state === 'found') expect(r.evidence.trim()).not.toBe('');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('judges the default essentials by default', () => {
    fc.assert(
      fc.property(ticket, (t) => {
        expect(judgeReadiness(t).map((r) => r.id)).toEqual([...ESSENTIAL_IDS]);
      }),
      { numRuns: 100 },
    );
  });
});
