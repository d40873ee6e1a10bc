import type { Prepared } from './prepared';
import { PER_SENTENCE, Sentences, shorten, starts } from './text';

// The business impact rule: production named, and who or what is affected.

/** "production"/"prod" as a word of its own: not part of a name, path, host or quoted environment name. */
const PRODUCTION = /(?<![\w/.'"=_-])(?:production|prod)(?![\w/'"=_-]|\.\w)/gi;
/** What right before "production" says it is not production, or is Puppet's environment called so (looked for at one position). */
const NOT_PRODUCTION =
  /(?<=(?:\bnon|\bpre|\bnot|n[’']t|\bnever|\boutside(?:[ \t]+of)?|\bno|\benvironment|\benv|--?e(?:nvironment)?)[ \t=]*(?:(?:in|a|an|the|our|on)[ \t]+)?)/iy;

const PEOPLE = 'users|customers|clients|employees|developers|engineers|staff|teams|people|members|patients|students|shoppers|agents';
const THINGS =
  'nodes|servers|hosts|machines|vms|instances|services|applications|apps|sites|websites|stores|systems|deployments|releases|orders|payments|transactions|databases|workstations|endpoints|devices|containers|clusters|regions|datacenters|data[ \\t]+centers|environments';
const SINGULAR = 'user|customer|client|node|agent|server|host|machine|vm|instance|service|application|app|site|store|system|endpoint|device';

/** A count of people or things: "1,200 nodes", "all agents", "all of our Windows servers", "every node". */
const AFFECTED_COUNT = /* @__PURE__ */ new RegExp(
  `\\b(?<![.,])(?:\\d{1,3}(?:[,.'\\u00a0\\u202f]\\d{3})+|\\d{1,7}|all|every|most|half|many|several|hundreds|thousands|dozens)(?:\\s+of)?(?:\\s+(?:the|our|my|its|their|these|those))?(?:\\s+(?!(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|times?|ago)\\b)[a-z][\\w-]{0,30}){0,2}?\\s+(?:${PEOPLE}|${THINGS}|${SINGULAR})\\b`,
  'i',
);
/** People or things named in plural, in a sentence that says they are hit (words within one line). */
const AFFECTED_NOUN = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|everyone|everybody|nobody|no[ \\t]+one|end[ \\t-]users?)\\b`, 'gi');
const IMPACT_WORD =
  /\b(?:affected|impacted|down|unable|cannot|can[ \t]+not|blocked|offline|unavailable|unreachable|failing|fail|failed|fails|broken|outage|stuck|locked[ \t]+out|not[ \t]+working|not[ \t]+able|stopped|losing|lost|waiting)\b|\bcan[’']t\b/gi;
/** The business named outright. */
const BUSINESS_WORDS = /\bcustomer[\s-]facing\b|\b(?:losing|lost)\s+(?:revenue|money|sales|orders)\b|\brevenue\b/i;
/** Any word AFFECTED_COUNT, AFFECTED_NOUN or BUSINESS_WORDS needs. */
const AFFECTED_ANY = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|${SINGULAR}|everyone|everybody|nobody|no\\s+one|end[\\s-]users?|customer[\\s-]facing|revenue)\\b`, 'i');
/** A field that counts people or things hit: "Number of affected nodes", "Affected users". */
const AFFECTED_LABEL = /* @__PURE__ */ new RegExp(`\\b(?:${PEOPLE}|${THINGS}|${SINGULAR})\\b`, 'i');

function productionIn(sentences: Sentences): string | null {
  const text = sentences.text;
  let found: string | null = null;
  sentences.scan(
    PRODUCTION,
    (m) => {
      NOT_PRODUCTION.lastIndex = m.index;
      if (NOT_PRODUCTION.test(text)) return;
      found = m[0];
      return true;
    },
    PER_SENTENCE,
  );
  return found;
}

function affectedIn(sentences: Sentences): string | null {
  const text = sentences.text;
  // Every way of naming who or what is hit needs one of these words: one cheap look first.
  if (!AFFECTED_ANY.test(text)) return null;
  const counted = AFFECTED_COUNT.exec(text);
  if (counted) return shorten(counted[0], 40);
  const business = BUSINESS_WORDS.exec(text);
  if (business) return business[0];
  // People or things in a sentence that says they are hit: where each kind of word stands is
  // found in one pass, then each sentence with an impact word is searched for a noun.
  const impacts = starts(IMPACT_WORD, text);
  if (impacts.length === 0) return null;
  const nouns = starts(AFFECTED_NOUN, text);
  for (const at of impacts) {
    const { start, end } = sentences.bounds(at, at + 1);
    let lo = 0;
    let hi = nouns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nouns[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < nouns.length && nouns[lo]! < end) {
      AFFECTED_NOUN.lastIndex = nouns[lo]!;
      return AFFECTED_NOUN.exec(text)![0];
    }
  }
  return null;
}

/**
 * Business impact (for P1): production named AND who or what is affected.
 * Production: "production" or "prod" as a word, in the subject, description (not pasted log
 * lines) or a field's value ("Environment: Production"). Refuses "non-production", "pre-prod",
 * "not (in) production", "environment production" and `'production'` (Puppet's default code
 * environment as logs name it), and names such as `prod01`, `production.example.com`.
 * Affected: a count of people or things ("1,200 nodes", "all agents", "every node", "all of our
 * Windows servers", "300 users"); people or things in plural in a sentence that says they are
 * hit ("customers cannot check out", "agents are failing"); "customer-facing", lost revenue; or
 * a field about affected people or things ("Number of affected nodes") with a number or "all".
 */
export function findBusinessImpact(p: Prepared): string | null {
  // The fields first: they are short, and an "Environment: Production" field says it at once.
  let production: string | null = null;
  for (const field of p.fields) if (!production) production = productionIn(new Sentences(field.value));
  if (!production && p.proseLower.includes('prod')) production = productionIn(p.proseSentences);
  if (!production) return null;
  let affected = affectedIn(p.proseSentences);
  for (const field of p.fields) if (!affected) affected = affectedIn(new Sentences(field.value));
  if (!affected) {
    for (const field of p.fieldsLabelled(AFFECTED_LABEL)) {
      if (/\b(?:[1-9]\d*|all|every(?:one)?|most)\b/i.test(field.value)) {
        affected = shorten(`${field.label}: ${field.value}`, 40);
        break;
      }
    }
  }
  return affected ? `${production}; ${affected}` : null;
}

