// Text helpers shared by the rules: sentences, short evidence, match positions.

/** Text with white space folded, at most `max` characters (cut at a word, with "…"). */
export function shorten(text: string, max = 60): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–—-]+$/, '')}…`;
}

/**
 * How many statements of one kind a rule weighs in one sentence before it moves on: a text
 * that repeats a refused phrase thousands of times costs no more than a short one.
 */
export const PER_SENTENCE = 8;

/** How far a sentence reaches either way from a match: a text without punctuation costs no more than this. */
const SENTENCE_WINDOW = 200;

/**
 * A text's sentences: they end at line ends and at . ! ? followed by white space or the end
 * of the text. The ends are found in one pass, the first time a match needs its sentence.
 */
export class Sentences {
  readonly text: string;
  #ends?: number[];

  constructor(text: string) {
    this.text = text;
  }

  /** Indexes of the characters that end a sentence, ascending; found once, when first asked for. */
  get #endsFound(): number[] {
    if (this.#ends) return this.#ends;
    const text = this.text;
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) ends.push(i);
      else if (c === 46 || c === 33 || c === 63) {
        // . ! ? followed by white space or the end of the text
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
        if (next === 32 || next === 9 || next === 10 || next === 13 || next === 0xa0) ends.push(i);
      }
    }
    return (this.#ends = ends);
  }

  /** The sentence around text[from, to), as `scan` gives it to `visit` (a binary search away). */
  bounds(from: number, to: number): { start: number; end: number } {
    const ends = this.#endsFound;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const close = lo < ends.length ? ends[lo]! : this.text.length;
    const start = Math.max(lo > 0 ? ends[lo - 1]! + 1 : 0, from - SENTENCE_WINDOW);
    let end = Math.min(close, to + SENTENCE_WINDOW);
    const mark = this.text.charCodeAt(end);
    if (end === close && end < this.text.length && mark !== 10 && mark !== 13) end++;
    return { start, end: Math.max(end, to) };
  }

  /**
   * Calls `visit` with each match of the global `pattern`, in order, and the sentence it stands
   * in: text[start, end), the closing mark included (not a line end), at most SENTENCE_WINDOW
   * characters either side of the match. `visit` returns true to stop, or an index to go on
   * from (past a sentence it judged whole). A match that runs over a sentence end is dropped
   * and the search goes on right after that end, so text added in another sentence can never
   * hide a match; after `perSentence` matches in one sentence the search goes on after it.
   */
  scan(
    pattern: RegExp,
    visit: (m: RegExpExecArray, start: number, end: number, question: boolean) => boolean | number | void,
    perSentence = Number.POSITIVE_INFINITY,
  ): void {
    const text = this.text;
    const ends = this.#endsFound;
    let k = 0;
    let counted = -1;
    let inSentence = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const from = m.index;
      const to = from + m[0].length;
      while (k < ends.length && ends[k]! < from) k++;
      const close = k < ends.length ? ends[k]! : text.length;
      if (close < to - 1) {
        pattern.lastIndex = close + 1;
        continue;
      }
      if (k !== counted) {
        counted = k;
        inSentence = 0;
      }
      if (++inSentence > perSentence) {
        pattern.lastIndex = Math.max(pattern.lastIndex, close + 1);
        continue;
      }
      const start = Math.max(k > 0 ? ends[k - 1]! + 1 : 0, from - SENTENCE_WINDOW);
      let end = Math.min(close, to + SENTENCE_WINDOW);
      const mark = text.charCodeAt(end);
      if (end === close && end < text.length && mark !== 10 && mark !== 13) end++;
      const next = visit(m, start, Math.max(end, to), end === close + 1 && mark === 63);
      if (next === true) return;
      if (typeof next === 'number') pattern.lastIndex = Math.max(pattern.lastIndex, next);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
}

/** The phrase from `start`: the match and what follows it up to a stop or comma, at most `max` characters. */
export function phraseFrom(text: string, start: number, matched: number, max = 40): string {
  const rest = text.slice(start + matched, start + matched + max);
  const stop = rest.search(/[!?,;\n(]|\.(?:\s|$)/);
  return shorten(text.slice(start, start + matched) + (stop === -1 ? rest : rest.slice(0, stop)), max);
}

/** Where each match of a global pattern starts, in one pass. */
export function starts(pattern: RegExp, text: string): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}
