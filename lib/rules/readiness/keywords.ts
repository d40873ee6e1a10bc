import type { Prepared } from './prepared';

// An admin's essential judged by plain keywords: whole words or phrases, never patterns.

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  // A surrogate half: judge the whole code point it belongs to.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index - 1)!));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * The first keyword present in `text` as a whole word or phrase (case-insensitive, white
 * space folded), as the text writes it. Plain text only: nothing in a keyword is a pattern.
 */
export function findKeyword(text: string, keywords: readonly string[]): string | null {
  return keywordIn(foldForKeywords(text), keywords);
}

/** A text with its white space folded to single spaces, and the same in lower case. */
export interface KeywordText {
  folded: string;
  lower: string;
}

export function foldForKeywords(text: string): KeywordText {
  // Only runs of white space and other white-space characters need replacing (single spaces are common).
  const folded = text.replace(/[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2,}/g, ' ').replace(/ {2,}/g, ' ');
  return { folded, lower: folded.toLowerCase() };
}

export function keywordIn({ folded, lower }: KeywordText, keywords: readonly string[]): string | null {
  const aligned = lower.length === folded.length;
  for (const raw of keywords) {
    const keyword = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!keyword) continue;
    const wordStart = isWordChar(keyword, 0);
    const wordEnd = isWordChar(keyword, keyword.length - 1);
    for (let at = lower.indexOf(keyword); at !== -1; ) {
      const end = at + keyword.length;
      const startsWord = !wordStart || !isWordChar(lower, at - 1);
      const endsWord = !wordEnd || !isWordChar(lower, end);
      if (startsWord && endsWord) return aligned ? folded.slice(at, end) : raw.trim();
      // A keyword that starts a word can next start only after this word: skip it whole,
      // so a text of one long word costs one pass, not one search per letter.
      let next = at + 1;
      if (wordStart) while (next < lower.length && isWordChar(lower, next)) next++;
      at = lower.indexOf(keyword, next);
    }
  }
  return null;
}

/** The first keyword in the ticket's text (unanswered headings left out), fields or file names. */
export function findKeywords(p: Prepared, keywords: readonly string[]): string | null {
  const inText = keywordIn(p.keywordText, keywords);
  if (inText) return inText;
  for (const text of [...p.fields.map((f) => f.value), ...p.attachments]) {
    const found = findKeyword(text, keywords);
    if (found) return found;
  }
  return null;
}
