import {
  FUNCTIONING,
  TRIAGE_TABLE,
  triage,
  type Functioning,
  type TriageAnswers,
  type TriageResult,
  type TriageRule,
} from './triage';
import type { Level } from './levels';

/**
 * The popup's question flow over the triage table: one question per step, and only the
 * questions whose answer can still change the priority. Pure: the popup keeps a
 * FlowState (the answers given, newest last) and derives everything else from it.
 */

export type Dimension = keyof TriageAnswers;

/** What is still possible in each dimension of TriageAnswers, given the answers so far. */
export interface TriagePartial {
  functioning: readonly Functioning[];
  production: readonly boolean[];
  workaround: readonly boolean[];
}

/** Nothing answered yet: every value possible. */
export const UNANSWERED: TriagePartial = {
  functioning: FUNCTIONING,
  production: [false, true],
  workaround: [false, true],
};

export interface TriageOption<D extends Dimension = Dimension> {
  id: string;
  label: string;
  /** The values of the question's dimension this answer leaves possible. */
  values: readonly TriageAnswers[D][];
}

interface QuestionOf<D extends Dimension> {
  id: string;
  text: string;
  dimension: D;
  options: readonly TriageOption<D>[];
}

export type TriageQuestion = { [D in Dimension]: QuestionOf<D> }[Dimension];

/**
 * The questions, in the order they are asked. Two of them narrow the same dimension
 * (working normally? then how bad?): an answer's `values` say which values it keeps.
 */
export const TRIAGE_QUESTIONS = [
  {
    id: 'question',
    text: 'Is Puppet working normally, and this is a question or a request for information?',
    dimension: 'functioning',
    options: [
      { id: 'yes', label: 'Yes, Puppet works normally: I have a question or need information', values: ['normal'] },
      { id: 'no', label: 'No, something is not working as it should', values: ['impaired', 'inoperative'] },
    ],
  },
  {
    id: 'production',
    text: 'Is production affected?',
    dimension: 'production',
    options: [
      { id: 'yes', label: 'Yes, production is affected', values: [true] },
      { id: 'no', label: 'No, only a test or development environment', values: [false] },
    ],
  },
  {
    id: 'severity',
    text: 'How bad is it?',
    dimension: 'functioning',
    options: [
      { id: 'inoperative', label: 'Critical functionality is inoperative or severely degraded', values: ['inoperative'] },
      { id: 'impaired', label: 'Functionality is impaired, but mostly works', values: ['impaired'] },
    ],
  },
  {
    id: 'workaround',
    text: 'Is there a workaround?',
    dimension: 'workaround',
    options: [
      { id: 'yes', label: 'Yes, a workaround keeps things going', values: [true] },
      { id: 'no', label: 'No workaround is available', values: [false] },
    ],
  },
] as const satisfies readonly TriageQuestion[];

const QUESTIONS: readonly TriageQuestion[] = TRIAGE_QUESTIONS;

/** Every full set of answers still possible. */
export function completions(partial: TriagePartial): TriageAnswers[] {
  return partial.functioning.flatMap((functioning) =>
    partial.production.flatMap((production) =>
      partial.workaround.map((workaround) => ({ functioning, production, workaround })),
    ),
  );
}

function possibleLevels(partial: TriagePartial, table: readonly TriageRule[]): Set<Level> {
  return new Set(completions(partial).map((a) => triage(a, table).level));
}

/** The options' values that are still possible, one group per option (empty groups dropped). */
function openGroups(question: TriageQuestion, partial: TriagePartial): unknown[][] {
  const possible: readonly unknown[] = partial[question.dimension];
  return question.options
    .map((o) => (o.values as readonly unknown[]).filter((v) => possible.includes(v)))
    .filter((group) => group.length > 0);
}

/**
 * A question can be asked when its answers cover every value still possible (so any
 * true situation has an answer) and at least two of them are still open.
 */
function askable(question: TriageQuestion, partial: TriagePartial): boolean {
  const groups = openGroups(question, partial);
  const covered = groups.flat();
  return groups.length >= 2 && partial[question.dimension].every((v) => covered.includes(v));
}

/**
 * True when the answer to `question` can change the priority: some situation still
 * possible gets a different level if only this question's answer were different.
 */
export function canChangeOutcome(
  question: TriageQuestion,
  partial: TriagePartial,
  table: readonly TriageRule[] = TRIAGE_TABLE,
): boolean {
  const groups = openGroups(question, partial);
  if (groups.length < 2) return false;
  const others: TriagePartial = { ...partial, [question.dimension]: [partial[question.dimension][0]] };
  return completions(others).some((base) => {
    const levels = groups.map(
      (group) => new Set(group.map((v) => triage({ ...base, [question.dimension]: v }, table).level)),
    );
    // Two different answers, two different levels.
    return levels.some((a, i) => levels.some((b, j) => i !== j && [...a].some((l) => [...b].some((m) => m !== l))));
  });
}

/** The level when every situation still possible gets the same one; otherwise null. */
export function determinedLevel(partial: TriagePartial, table: readonly TriageRule[] = TRIAGE_TABLE): Level | null {
  const levels = possibleLevels(partial, table);
  return levels.size === 1 ? [...levels][0]! : null;
}

/**
 * The first question whose answer can still change the priority, or null when the
 * priority is settled. A question that cannot change the outcome is never returned.
 */
export function nextQuestion(
  partial: TriagePartial,
  table: readonly TriageRule[] = TRIAGE_TABLE,
): TriageQuestion | null {
  if (determinedLevel(partial, table) !== null) return null;
  const next = QUESTIONS.find((q) => askable(q, partial) && canChangeOutcome(q, partial, table));
  // Unreachable for any table that answers every combination: if the level still varies,
  // one dimension's value changes it, and the question that tells those values apart
  // (or, for the severity, the question before it) is askable. Tested with random tables.
  if (!next) throw new Error('The triage questions cannot settle the priority for these answers');
  return next;
}

/** The reason given when the rules that remain share no reason of their own. */
export function everyAnswerLeadsTo(level: Level): string {
  return `Every remaining answer leads to Priority ${level}.`;
}

/** The priority and why, once settled; null while a question remains. */
export function result(partial: TriagePartial, table: readonly TriageRule[] = TRIAGE_TABLE): TriageResult | null {
  const level = determinedLevel(partial, table);
  if (level === null) return null;
  const reasonLists = completions(partial).map((a) => triage(a, table).reasons);
  const [first] = reasonLists;
  if (reasonLists.every((r) => r.length === first!.length && r.every((reason, i) => reason === first![i]))) {
    return { level, reasons: first! };
  }
  // Different rules give the same level: keep only what is true of every one of them.
  const common = first!.filter((reason) => reasonLists.every((r) => r.includes(reason)));
  return {
    level,
    reasons: common.length > 0 ? common : [everyAnswerLeadsTo(level)],
  };
}

/** Narrows `partial` by one answer. */
export function applyAnswer(partial: TriagePartial, question: TriageQuestion, optionId: string): TriagePartial {
  const option = (question.options as readonly TriageOption[]).find((o) => o.id === optionId);
  if (!option) throw new Error(`"${optionId}" is not an answer to "${question.id}"`);
  const possible: readonly unknown[] = partial[question.dimension];
  const kept = (option.values as readonly unknown[]).filter((v) => possible.includes(v));
  return { ...partial, [question.dimension]: kept };
}

// --- The flow as a history stack ---------------------------------------------------

export interface FlowAnswer {
  questionId: string;
  optionId: string;
}

/** The answers given, oldest first. Back pops one; Start over empties it. */
export interface FlowState {
  answers: readonly FlowAnswer[];
}

export const START: FlowState = { answers: [] };

export interface FlowStep {
  partial: TriagePartial;
  /** The question to ask now, or null when the result is settled. */
  question: TriageQuestion | null;
  result: TriageResult | null;
}

/** Where the answers lead; throws if an answer does not fit the question asked at its step. */
export function stepOf(state: FlowState, table: readonly TriageRule[] = TRIAGE_TABLE): FlowStep {
  let partial = UNANSWERED;
  for (const given of state.answers) {
    const question = nextQuestion(partial, table);
    if (!question || question.id !== given.questionId) {
      throw new Error(`"${given.questionId}" is not the question asked at this step`);
    }
    partial = applyAnswer(partial, question, given.optionId);
  }
  const question = nextQuestion(partial, table);
  return { partial, question, result: question ? null : result(partial, table) };
}

/** The answers, if they form a valid path through the flow; null otherwise (e.g. stale saved state). */
export function validState(answers: unknown, table: readonly TriageRule[] = TRIAGE_TABLE): FlowState | null {
  if (!Array.isArray(answers) || answers.length > QUESTIONS.length) return null;
  const ok = answers.every(
    (a) => typeof a === 'object' && a !== null && typeof a.questionId === 'string' && typeof a.optionId === 'string',
  );
  if (!ok) return null;
  const state: FlowState = {
    answers: (answers as FlowAnswer[]).map(({ questionId, optionId }) => ({ questionId, optionId })),
  };
  try {
    stepOf(state, table);
    return state;
  } catch {
    return null;
  }
}

/** Answers the current question. Throws if `questionId` is not the question being asked. */
export function answer(
  state: FlowState,
  questionId: string,
  optionId: string,
  table: readonly TriageRule[] = TRIAGE_TABLE,
): FlowState {
  const next: FlowState = { answers: [...state.answers, { questionId, optionId }] };
  stepOf(next, table); // validates
  return next;
}

/** Undoes the last answer (no-op at the start). */
export function back(state: FlowState): FlowState {
  return state.answers.length === 0 ? state : { answers: state.answers.slice(0, -1) };
}

export function startOver(): FlowState {
  return START;
}

