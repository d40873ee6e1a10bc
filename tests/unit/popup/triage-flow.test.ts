import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FUNCTIONING,
  START,
  TRIAGE_QUESTIONS,
  TRIAGE_TABLE,
  UNANSWERED,
  allAnswers,
  answer,
  applyAnswer,
  back,
  completions,
  nextQuestion,
  result,
  startOver,
  stepOf,
  triage,
  validState,
  type FlowState,
  type Level,
  type TriageAnswers,
  type TriagePartial,
  type TriageQuestion,
  type TriageRule,
} from '@/lib/rules';

type Dim = keyof TriageAnswers;
const DIMS: Dim[] = ['functioning', 'production', 'workaround'];

/** The option of `question` that a person in situation `truth` picks. */
function truthfulOption(question: TriageQuestion, truth: TriageAnswers): string {
  const option = question.options.find((o) => (o.values as readonly unknown[]).includes(truth[question.dimension]));
  if (!option) throw new Error(`No answer to ${question.id} fits ${JSON.stringify(truth)}`);
  return option.id;
}

/** Walks the flow as a person in situation `truth` would; returns the questions asked and the end state. */
function walk(truth: TriageAnswers, table: readonly TriageRule[] = TRIAGE_TABLE) {
  let state: FlowState = START;
  const asked: { question: TriageQuestion; partial: TriagePartial }[] = [];
  for (;;) {
    const step = stepOf(state, table);
    if (!step.question) return { asked, state, step };
    asked.push({ question: step.question, partial: step.partial });
    state = answer(state, step.question.id, truthfulOption(step.question, truth), table);
    if (asked.length > 10) throw new Error('The flow does not end');
  }
}

/**
 * Independent of the implementation: the answer to `question` matters when two situations
 * still possible, differing only in this question's answer, get different levels.
 */
function answerMatters(question: TriageQuestion, partial: TriagePartial, table: readonly TriageRule[]): boolean {
  const optionOf = (value: unknown) =>
    question.options.findIndex((o) => (o.values as readonly unknown[]).includes(value));
  const possible = completions(partial);
  return possible.some((a) =>
    possible.some(
      (b) =>
        DIMS.every((d) => d === question.dimension || a[d] === b[d]) &&
        optionOf(a[question.dimension]) !== optionOf(b[question.dimension]) &&
        triage(a, table).level !== triage(b, table).level,
    ),
  );
}

const describeAnswers = (a: TriageAnswers) =>
  `${a.functioning}, ${a.production ? 'production' : 'not production'}, ${a.workaround ? 'workaround' : 'no workaround'}`;

describe('the triage flow', () => {
  it('has the four questions of the issue, in order', () => {
    expect(TRIAGE_QUESTIONS.map((q) => q.text)).toEqual([
      'Is Puppet working normally, and this is a question or a request for information?',
      'Is production affected?',
      'How bad is it?',
      'Is there a workaround?',
    ]);
  });

  it('starts with the first question', () => {
    expect(nextQuestion(UNANSWERED)?.id).toBe('question');
    expect(stepOf(START).result).toBeNull();
  });

  describe.each(allAnswers().map((a) => [describeAnswers(a), a] as const))('for %s', (_name, truth) => {
    const { asked, step } = walk(truth);

    it("reaches exactly triage()'s level and reasons", () => {
      expect(step.result).toEqual(triage(truth));
    });

    it('asks at most four questions, each once', () => {
      expect(asked.length).toBeLessThanOrEqual(4);
      expect(new Set(asked.map((a) => a.question.id)).size).toBe(asked.length);
    });

    it('never asks a question whose answer cannot change the priority', () => {
      for (const { question, partial } of asked) expect(answerMatters(question, partial, TRIAGE_TABLE)).toBe(true);
    });
  });

  it('asks exactly what the table needs: 1 question for P4, 2 outside production, 4 otherwise', () => {
    const counts = allAnswers().map((truth) => walk(truth).asked.length);
    allAnswers().forEach((truth, i) => {
      const expected = truth.functioning === 'normal' ? 1 : !truth.production ? 2 : 4;
      expect(counts[i], describeAnswers(truth)).toBe(expected);
    });
  });

  it('reaches every level', () => {
    const levels = new Set(allAnswers().map((truth) => walk(truth).step.result!.level));
    expect([...levels].sort()).toEqual([1, 2, 3, 4]);
  });

  it('explores every path of answers, not only truthful ones, and each ends in a level the table gives', () => {
    // Every sequence of option choices, whatever the order of questions.
    const ends: { state: FlowState; level: Level }[] = [];
    const explore = (state: FlowState) => {
      const step = stepOf(state);
      if (!step.question) {
        // Every situation still possible gets this level from the table.
        for (const a of completions(step.partial)) expect(triage(a).level).toBe(step.result!.level);
        ends.push({ state, level: step.result!.level });
        return;
      }
      expect(state.answers.length).toBeLessThan(4);
      expect(answerMatters(step.question, step.partial, TRIAGE_TABLE)).toBe(true);
      for (const o of step.question.options) explore(answer(state, step.question.id, o.id));
    };
    explore(START);
    // P4; P3 outside production; four production paths (severity × workaround).
    expect(ends.map((e) => e.level).sort()).toEqual([1, 2, 2, 3, 3, 4]);
  });
});

describe('back and start over', () => {
  it('Back undoes the last answer, one at a time, and is a no-op at the start', () => {
    const s1 = answer(START, 'question', 'no');
    const s2 = answer(s1, 'production', 'yes');
    const s3 = answer(s2, 'severity', 'impaired');
    expect(stepOf(s3).question?.id).toBe('workaround');
    expect(back(s3)).toEqual(s2);
    expect(stepOf(back(s3)).question?.id).toBe('severity');
    expect(back(back(back(s3)))).toEqual(START);
    expect(back(START)).toBe(START);
  });

  it('Back from a result returns to the last question asked', () => {
    const done = answer(START, 'question', 'yes');
    expect(stepOf(done).result?.level).toBe(4);
    expect(stepOf(back(done)).question?.id).toBe('question');
  });

  it('Start over empties the history', () => {
    const s = answer(answer(START, 'question', 'no'), 'production', 'no');
    expect(stepOf(s).result?.level).toBe(3);
    expect(startOver()).toEqual(START);
    expect(stepOf(startOver()).question?.id).toBe('question');
  });

  it('refuses an answer to a question that is not being asked, or an unknown answer', () => {
    expect(() => answer(START, 'workaround', 'yes')).toThrow();
    expect(() => answer(START, 'question', 'maybe')).toThrow();
    // After a P4 result there is nothing left to answer.
    expect(() => answer(answer(START, 'question', 'yes'), 'production', 'yes')).toThrow();
  });

  it('does not change the state it is given', () => {
    const s1 = answer(START, 'question', 'no');
    const frozen = JSON.stringify(s1);
    answer(s1, 'production', 'yes');
    back(s1);
    expect(JSON.stringify(s1)).toBe(frozen);
    expect(START.answers).toHaveLength(0);
  });

  it('validState accepts only real paths (saved state from an older flow is dropped)', () => {
    expect(validState([])).toEqual(START);
    const path = [
      { questionId: 'question', optionId: 'no' },
      { questionId: 'production', optionId: 'yes' },
    ];
    expect(validState(path)).toEqual({ answers: path });
    expect(validState([{ questionId: 'production', optionId: 'yes' }])).toBeNull();
    expect(validState([{ questionId: 'question', optionId: 'perhaps' }])).toBeNull();
    expect(validState('nope')).toBeNull();
    expect(validState([null])).toBeNull();
    expect(validState(new Array(5).fill({ questionId: 'question', optionId: 'no' }))).toBeNull();
  });
});

describe('result()', () => {
  it('is null while the level is open, and the level with its reasons once settled', () => {
    expect(result(UNANSWERED)).toBeNull();
    const p = applyAnswer(UNANSWERED, TRIAGE_QUESTIONS[0], 'yes');
    expect(result(p)).toEqual(triage({ functioning: 'normal', production: true, workaround: true }));
  });

  it('gives only reasons true of every remaining situation when several rules give the level', () => {
    // Impaired with a workaround is P3 whether or not production is affected, by two rules.
    const partial: TriagePartial = { functioning: ['impaired'], production: [false, true], workaround: [true] };
    const r = result(partial)!;
    expect(r.level).toBe(3);
    expect(r.reasons).toEqual(['Every remaining answer leads to Priority 3.']);
  });
});

// --- The flow is derived from the table, not written for it ------------------------

const levelArb = fc.constantFrom<Level>(1, 2, 3, 4);
/** Any table that answers every combination: random rules, then a catch-all. */
const tableArb: fc.Arbitrary<TriageRule[]> = fc
  .tuple(
    fc.array(
      fc.record({
        when: fc.record(
          {
            functioning: fc.subarray([...FUNCTIONING], { minLength: 1 }),
            production: fc.subarray([false, true], { minLength: 1 }),
            workaround: fc.subarray([false, true], { minLength: 1 }),
          },
          { requiredKeys: [] },
        ),
        level: levelArb,
        reasons: fc.constant(['A rule.']),
      }),
      { maxLength: 6 },
    ),
    levelArb,
  )
  .map(([rules, last]) => [...rules, { when: {}, level: last, reasons: ['The rest.'] }]);

describe('the flow over any complete triage table', () => {
  it('reaches the table\'s level for every situation, asking only questions that matter, at most 4', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        for (const truth of allAnswers()) {
          const { asked, step } = walk(truth, table);
          expect(step.result?.level).toBe(triage(truth, table).level);
          expect(asked.length).toBeLessThanOrEqual(4);
          for (const { question, partial } of asked) expect(answerMatters(question, partial, table)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('asks nothing when the table gives one level for everything', () => {
    const table: TriageRule[] = [{ when: {}, level: 3, reasons: ['Always P3.'] }];
    expect(nextQuestion(UNANSWERED, table)).toBeNull();
    expect(result(UNANSWERED, table)).toEqual({ level: 3, reasons: ['Always P3.'] });
  });
});
