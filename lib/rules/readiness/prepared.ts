import { foldForKeywords, type KeywordText } from './keywords';
import { Sentences } from './text';
import type { TicketField, TicketSnapshot } from './types';

// The ticket's texts as the rules read them, prepared once per judgement.

/**
 * Lines of pasted output, not prose: they start with a timestamp (ISO, syslog, a clock with
 * seconds), a bracketed level, or Puppet's own "Error:", "Notice:"… prefixes. Their dates,
 * times and words ("changed", "environment production") say nothing about the ticket itself.
 */
const LOG_LINE =
  /^[ \t]*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{1,2}:\d{2}:\d{2}\b|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}|(?:Error|Warning|Notice|Info|Debug|Fatal|Critical|Err|Warn):[ \t]|\[(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL)\]).*/gm;

/** White space folded and lower case: how a line is compared with a heading. */
const foldLine = (line: string) => line.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The text with every line that is exactly one of `headings` left empty: a heading that
 * "Add headings for what is missing" wrote and nobody answered says nothing about the ticket.
 */
function withoutHeadingLines(text: string, headings: readonly string[]): string {
  const lower = text.toLowerCase();
  const present = headings.map(foldLine).filter((h) => h !== '' && lower.includes(h));
  if (present.length === 0) return text;
  return text
    .split('\n')
    .map((line) => (present.includes(foldLine(line)) ? '' : line))
    .join('\n');
}

/** The ticket's texts, prepared once per judgement. */
export class Prepared {
  /** Subject and description, a line apart. */
  readonly text: string;
  /** The same with pasted log lines blanked. */
  readonly prose: string;
  readonly fields: readonly TicketField[];
  readonly attachments: readonly string[];
  #textSentences?: Sentences;
  #proseSentences?: Sentences;
  #textLower?: string;
  #proseLower?: string;
  #keywordText?: KeywordText;

  /** `headings`: the heading lines that, left unanswered, count for nothing. */
  constructor(snapshot: TicketSnapshot, headings: readonly string[] = []) {
    this.text = withoutHeadingLines(`${snapshot.subject ?? ''}\n${snapshot.description ?? ''}`, headings);
    // Each log line becomes an empty line: the other lines stay where they were.
    this.prose = this.text.replace(LOG_LINE, '');
    this.fields = (snapshot.fields ?? []).filter((f) => typeof f.value === 'string' && f.value.trim() !== '');
    this.attachments = (snapshot.attachments ?? []).filter((a) => typeof a === 'string' && a.trim() !== '');
  }

  get textSentences(): Sentences {
    return (this.#textSentences ??= new Sentences(this.text));
  }

  /** The text in lower case, for the cheap look for a word before a pattern is tried. */
  get textLower(): string {
    return (this.#textLower ??= this.text.toLowerCase());
  }

  /** The text folded for admin keywords, once for every essential that has some. */
  get keywordText(): KeywordText {
    return (this.#keywordText ??= foldForKeywords(this.text));
  }

  /** The prose in lower case, for the cheap look for a word before a pattern is tried. */
  get proseLower(): string {
    return (this.#proseLower ??= this.prose === this.text ? this.textLower : this.prose.toLowerCase());
  }

  get proseSentences(): Sentences {
    // Without log lines the prose is the text: its sentences are found once for both.
    return (this.#proseSentences ??= this.prose === this.text ? this.textSentences : new Sentences(this.prose));
  }

  /** The fields whose label matches `label`. */
  fieldsLabelled(label: RegExp): TicketField[] {
    return this.fields.filter((f) => label.test(f.label));
  }
}

