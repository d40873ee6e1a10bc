import type { Prepared } from './prepared';
import { shorten } from './text';

// The support script rule: its archive attached, or its upload mentioned as done.

/** The support script's archive: `puppet_enterprise_support_<…>.tar.gz` (or .tgz, or encrypted .gpg). */
const SUPPORT_ARCHIVE = /^puppet[_-]enterprise[_-]support[_-][^/\\]*\.(?:tar\.gz|tgz)(?:\.gpg)?$/i;

/** A mention of the script, its command, its `--ticket` upload or its archive. */
const SCRIPT_MENTION =
  /\bsupport[\s_-]+script\b|\bpuppet\s+enterprise\s+support\b|\bpuppet-enterprise-support\b|--ticket\b|\bpuppet_enterprise_support_\S{0,80}\.(?:tar\.gz|tgz)\b/gi;

/** Words that say it was done and handed over, not attached (those need an attachment). */
const SCRIPT_DONE = /\b(?:uploaded|ran|sent|submitted|provided|(?:have|has|had|'ve|’ve|was|were|been)\s+run)\b/i;
const SCRIPT_ATTACHED = /\b(?:attached|attaching|enclosed|see\s+attachment)\b/i;

/** Words that undo it: not done, not yet, only planned, or failed. */
const SCRIPT_UNDONE =
  /\b(?:not|never|no|cannot|unable|fail(?:s|ed|ing)?|will|shall|going\s+to|plan(?:s|ning)?\s+to|later|tomorrow|once|if|when|until|yet|could|would|should|can|hangs?|hung|errors?|timed?\s+out|times\s+out)\b|n[’']t\b/i;

/**
 * Support script output. Accepts: an attachment named like the script's archive
 * (`puppet_enterprise_support_<host>_<date>.tar.gz`, `.tgz`, `.tar.gz.gpg`); or a sentence that
 * mentions the script (`support script`, `puppet enterprise support`, `--ticket`, the archive's
 * name) and says it was uploaded, ran, was sent/submitted/provided; "attached" counts only when
 * the ticket has an attachment. Refuses a sentence with a negation, a future or condition, or
 * a failure ("will run the support script", "the support script hangs", "not uploaded yet").
 */
/** A file name as evidence: at most this long, its start and its end (the archive's extension) kept. */
const MAX_NAME = 120;

export function findSupportScript(p: Prepared): string | null {
  for (const name of p.attachments) {
    const base = name.split(/[\\/]/).pop()!.trim();
    if (SUPPORT_ARCHIVE.test(base)) return base.length <= MAX_NAME ? base : `${base.slice(0, MAX_NAME - 31)}…${base.slice(-30)}`;
  }
  if (!p.textLower.includes('support') && !p.textLower.includes('--ticket')) return null;
  const text = p.text;
  let found: string | null = null;
  p.textSentences.scan(SCRIPT_MENTION, (_, start, end) => {
    const sentence = text.slice(start, end);
    if (!SCRIPT_UNDONE.test(sentence) && (SCRIPT_DONE.test(sentence) || (p.attachments.length > 0 && SCRIPT_ATTACHED.test(sentence)))) {
      found = shorten(sentence);
      return true;
    }
    // Every mention in this sentence gets the same answer: the search goes on after it.
    return end;
  });
  if (found) return found;
  return null;
}

