import type { Prepared } from './prepared';
import { PER_SENTENCE, phraseFrom, shorten, starts } from './text';

// The "what changed" rule: a statement of a change, or that nothing changed.

const NEGATED = '(?:(?:did|do|does|have|has|had|was|were)(?:\\s+not|n[’\']?t)|never)';

/** Explicit statements of a change, or of none ("nothing changed" is an answer). */
const CHANGE_PATTERNS: readonly RegExp[] = [
  // nothing changed, nothing has changed, nobody changed anything
  /\b(?:nothing|no\s+one|nobody)\s+(?:(?:has|had|was|were|have)\s+)?(?:been\s+)?(?:recently\s+)?(?:changed|touched|modified|deployed|upgraded)\b/gi,
  // no changes, no recent changes, no upgrades, no change was made
  /\bno\s+(?:recent\s+|known\s+|new\s+|other\s+)?(?:changes|upgrades|deployments|deploys|config(?:uration)?\s+changes?)\b|\bno\s+(?:recent\s+|known\s+)?change\s+(?:was|were|has\s+been|had\s+been)\s+made\b/gi,
  // we did not change anything, we haven't upgraded
  /* @__PURE__ */ new RegExp(`${NEGATED}\\s+(?:\\w+\\s+)?(?:change|changed|touch|touched|upgrade|upgraded|deploy|deployed|modify|modified|patch|patched)\\b`, 'gi'),
  // we upgraded, I changed, the team deployed, someone modified (not "I updated the ticket")
  /\b(?:we|i|they|someone|somebody|team|admins?|developers?|devs|he|she|ops)(?:[’'](?:ve|d))?\s+(?:(?:have|has|had|just|recently|then|also|accidentally)\s+){0,2}(?:upgraded|updated|deployed|redeployed|patched|migrated|installed|reinstalled|reconfigured|changed|modified|replaced|renewed|rotated|regenerated|added|removed|enabled|disabled|moved|switched|rolled\s+(?:out|back)|applied|rebuilt)\b(?!\s+(?:the|this|my|our)\s+(?:ticket|case|request|description|subject|title)\b)/gi,
  // it was upgraded, the config was changed, the servers were patched
  /\b(?:was|were|got|been)\s+(?:just\s+|recently\s+)?(?:upgraded|updated|patched|migrated|deployed|redeployed|changed|modified|reconfigured|replaced|moved|rebuilt|reinstalled|renewed|rotated|regenerated)\b/gi,
  // upgraded to 2023.8.1, patched the OS, changed the config, deployed new code
  /\b(?:upgraded|updated|patched|migrated|deployed|redeployed|changed|modified|reconfigured|rolled\s+out)\s+(?!(?:the|this|my|our)\s+(?:ticket|case|request|description|subject|title)\b)(?:from|to|the|our|a|an|all|some|new|puppet|pe|it|them|its|their|every)\b/gi,
  // after the upgrade, following last night's deployment, we did an upgrade
  /\b(?:after|following|since|during)\s+(?:the\s+|an?\s+|our\s+|last\s+night[’']s\s+|yesterday[’']s\s+|the\s+recent\s+|a\s+recent\s+)?(?:upgrade|update|deployment|deploy|patch(?:ing)?|migration|config(?:uration)?\s+change|change|maintenance|installation|rollout|release)\b|\b(?:did|performed|ran|completed|finished)\s+(?:an?\s+|the\s+|our\s+)?(?:upgrade|update|migration|deployment|deploy|patching|patch)\b/gi,
  // a config change, configuration changes, a firewall change
  /\b(?:config(?:uration)?|code|firewall|network|dns|certificate|cert|hiera|infrastructure|os|kernel|proxy|schema|security|hardware|database|db|server)\s+changes?\b/gi,
];

/** All of CHANGE_PATTERNS in one, searched in a single pass (at one position the first one listed wins). */
const CHANGE_ANY = /* @__PURE__ */ new RegExp(CHANGE_PATTERNS.map((p) => `(?:${p.source})`).join('|'), 'gi');

/**
 * A word stem every one of CHANGE_PATTERNS needs (keep them in step): one cheap pass spares
 * the eight patterns on a text that holds none.
 */
const CHANGE_GATE =
  /chang|upgrad|updat|deploy|patch|migrat|install|config|modif|touch|replac|renew|rotat|regenerat|added|removed|enabled|disabled|moved|switched|rolled|applied|rebuilt|maintenance|rollout|release/i;

/** What turns a statement into a plan or a question: looked for before the statement only, in its clause. */
const CHANGE_UNDONE =
  /\b(?:will|shall|going[ \t]+to|plan(?:s|ning)?[ \t]+to|want(?:s)?[ \t]+to|would|should|could|can|cannot|might|may|need(?:s)?[ \t]+to|about[ \t]+to|intend(?:s)?[ \t]+to|if|whether|before[ \t]+we|unable[ \t]+to)\b|\bcan[’']t\b/gi;


/** Where the clause of a statement starts: the sentence start or just after the last , ; : or dash. */
function clauseStart(text: string, start: number, at: number): number {
  let from = at;
  while (from > start) {
    const c = text.charCodeAt(from - 1);
    // , ; : – — and a spaced hyphen end a clause
    if (c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014) break;
    if (c === 45 && text.charCodeAt(from - 2) === 32 && text.charCodeAt(from) === 32) break;
    from--;
  }
  return from;
}

/** Values that answer nothing: placeholders and "yes" (a change, but not which). */
const NO_ANSWER = /^(?:-+|–|—|n\/?a|none\s+selected|select(?:\s+an?\s+option)?|please\s+select|choose|unknown|not\s+sure|don[’']?t\s+know|tbd|\?+|yes|y)$/i;

/**
 * What changed. Accepts explicit statements, in the subject and description (not in pasted
 * log lines): a change done (`we upgraded`, `deployed new code`, `was patched`, `migrated to`,
 * `after the upgrade`, `a config change`, `configuration changes`) or none (`nothing changed`,
 * `no changes`, `no recent changes`, `we did not change anything`, `haven't upgraded`); or
 * a field asking what changed with an answer (any words but placeholders, "unknown" or a bare
 * "yes"). Refuses a question (a sentence ending in "?"), a plan or a condition before the
 * statement ("we will upgrade", "should we upgrade", "before we migrate"), descriptions of a
 * set-up ("PE is deployed in AWS", "agent installed on 500 nodes"), and "no change" on its own
 * (it says a fix did nothing).
 */
export function findChange(p: Prepared): string | null {
  const text = p.prose;
  let found: string | null = null;
  if (CHANGE_GATE.test(text)) {
    // Where the words that undo a statement stand, found in one pass; statements come in order,
    // so one pointer tells whether one of them stands in a statement's clause.
    const undone = starts(CHANGE_UNDONE, text);
    let u = 0;
    p.proseSentences.scan(
      CHANGE_ANY,
      (m, start, _end, question) => {
        if (question) return;
        const from = clauseStart(text, start, m.index);
        while (u < undone.length && undone[u]! < from) u++;
        if (u < undone.length && undone[u]! < m.index) return;
        found = phraseFrom(text, m.index, m[0].length, 50);
        return true;
      },
      PER_SENTENCE,
    );
    if (found) return found;
  }
  for (const field of p.fieldsLabelled(/\bchang/i)) {
    const value = field.value.trim();
    if (/\p{L}/u.test(value) && !NO_ANSWER.test(value)) return shorten(value, 50);
  }
  return null;
}

