// Row 9 of the benchmark (docs/performance.md): judging a 20,000-character ticket with the
// ticket-readiness rules (lib/rules/readiness), in a page of each real browser.
//
// The rules are bundled from their sources at bench time (esbuild, which Vite brings; one
// self-contained, minified IIFE, as the build minifies guard-ui.js), evaluated in a tab and
// timed there on several 20,000-character tickets. Firefox rounds performance.now() (to 1 ms
// in pages that are not cross-origin isolated, unless the bench's pref turns that off) and
// Chromium coarsens it too, so each sample is a batch of judgements timed together and
// divided by their number: the same method in both browsers.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const READINESS_ENTRY = 'lib/rules/readiness/index.ts';
/** The global the bundle sets in the page. */
const GLOBAL = '__pgBenchReadiness';
/** The size of a description. */
export const LENGTH = 20_000;

/** lib/rules/readiness bundled into one script that sets globalThis.__pgBenchReadiness; returns its source. */
export async function bundleReadiness() {
  const result = await build({
    stdin: {
      contents: `import { judgeReadiness, essentialsFromConfig, DEFAULT_ESSENTIALS } from './${READINESS_ENTRY}';\nglobalThis.${GLOBAL} = { judgeReadiness, essentialsFromConfig, DEFAULT_ESSENTIALS };\n`,
      resolveDir: ROOT,
      sourcefile: 'bench-readiness-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// --- the tickets -----------------------------------------------------------------------------

/** A small deterministic generator (the same texts in every run and browser). */
function generator(seed) {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

/** `unit` repeated and cut to exactly `length` characters. */
const repeatTo = (unit, length = LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Lines from `next()` until `length` characters (the last one cut, as a paste often is). */
function linesTo(length, next) {
  let text = '';
  while (text.length < length) text += `${next()}\n`;
  return text.slice(0, length);
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** A pasted server log: Puppet Server, agent and syslog lines, a Java stack trace. */
function logLines(seed) {
  const pick = generator(seed);
  let second = 0;
  return () => {
    second += 1 + pick(4);
    const clock = `${pad(8 + Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
    const host = `web${pad(1 + pick(40))}.corp.example.net`;
    const ms = pick(1000);
    switch (pick(9)) {
      case 0:
        return `2026-12-04T${clock}.${pad(ms, 3)}+01:00 ERROR [qtp${1000 + pick(9000)}-${pick(90)}] [p.s.r.request-handler] Error 500 on SERVER: Server Error: Evaluation Error: Unknown function 'lookup_node' (file: /etc/puppetlabs/code/environments/production/modules/site/manifests/init.pp, line: ${1 + pick(300)}, column: ${1 + pick(40)}) on node ${host}`;
      case 1:
        return `2026-12-04 ${clock},${pad(ms, 3)} WARN  [clojure-agent-send-pool-${pick(8)}] [puppetlabs.services.jruby-pool-manager.impl.jruby-agents] Borrowing a JRuby instance took ${pick(60)}.${pad(pick(100))} seconds, pool size 4, ${pick(4)} available`;
      case 2:
        return `Dec  4 ${clock} ${host} puppet-agent[${2000 + pick(60000)}]: Could not retrieve catalog from remote server: Error 500 on SERVER: Server Error: Could not find class profile::monitoring for ${host}`;
      case 3:
        return `Error: Could not retrieve catalog from remote server: Net::ReadTimeout with #<TCPSocket:(closed)> after ${30 + pick(90)} seconds`;
      case 4:
        return `Notice: /Stage[main]/Profile::Base/File[/etc/motd]/content: content changed '{sha256}${pick(1e9).toString(16)}' to '{sha256}${pick(1e9).toString(16)}'`;
      case 5:
        return `\tat org.eclipse.jetty.server.handler.HandlerWrapper.handle(HandlerWrapper.java:${100 + pick(50)})`;
      case 6:
        return `\tat clojure.lang.AFn.applyToHelper(AFn.java:${150 + pick(20)}) ~[puppet-server-release.jar:7.${pick(20)}.${pick(5)}]`;
      case 7:
        return `[${clock}] INFO  Compiled catalog for ${host} in environment production in ${pick(9)}.${pad(pick(100))} seconds (10.${pick(255)}.${pick(255)}.${pick(255)}:8140)`;
      default:
        return `2026-12-04T${clock}Z puppetdb[${3000 + pick(900)}]: PDBWriteThread-${pick(4)} Command replace catalog for ${host} retried ${pick(5)} times, queue depth ${pick(5000)}`;
    }
  };
}

/** The ticket's own words: says since when and what is hit, not the PE version, not the support script, not what changed. */
const PROSE_START = [
  'Hello Support,',
  '',
  'Since about 08:40 CET this morning the Puppet console no longer loads for anyone and the agents cannot get a catalog. Monitoring raised the first alert at 08:42 and every run since then has failed with the error below.',
  'About 900 Linux nodes in production are affected, and the release pipeline for our web shop is blocked because it waits for a successful Puppet run before it deploys.',
  'Restarting pe-puppetserver on the primary server did not help: the service comes back and fails the same way within two minutes. Disk space, memory and the certificates look fine to us.',
  'Here is the log from the primary server, from the first failure on:',
  '',
  '',
].join('\n');
const PROSE_END = '\n\nPlease call me on the number in my profile, I am available all day. The application team is waiting for an update every 30 minutes.\nThanks, Dana';

/** One line of words, no punctuation, no line end: a paste from a chat, or a long unbroken paragraph. */
function unpunctuated(seed) {
  const words = (
    'the puppet server console agent run catalog we it is was has been not since now error failed upgrade version ' +
    'support script will users nodes production environment of to in on and for this that after before our my team ' +
    'change changed deployed today morning hours all every some customers down working still again 2023 8 1 7 node'
  ).split(' ');
  const pick = generator(seed);
  let text = '';
  while (text.length < LENGTH) text += `${words[pick(words.length)]} `;
  return text.slice(0, LENGTH);
}

/** Printable ASCII at random: no words, no sentences, every character class the patterns look at. */
function printable(seed) {
  const pick = generator(seed);
  const codes = new Array(LENGTH);
  for (let i = 0; i < LENGTH; i++) codes[i] = 32 + pick(95);
  return String.fromCharCode(...codes);
}

/**
 * The tickets row 9 times. Each has a 20,000-character description; `admin` ones are judged
 * with an administrator's essentials (below) instead of the defaults.
 */
export function readinessTexts() {
  const prose = `${PROSE_START}${linesTo(LENGTH - PROSE_START.length - PROSE_END.length, logLines(1))}${PROSE_END}`;
  const texts = [
    { name: 'prose + pasted log', description: prose },
    { name: 'log paste only', description: linesTo(LENGTH, logLines(2)) },
    { name: 'one unpunctuated line', description: unpunctuated(3) },
    // Phrases the rules look at and refuse, thousands of times.
    { name: '"will upgrade " × n', description: repeatTo('will upgrade ') },
    { name: '"We will have upgraded the agents. " × n', description: repeatTo('We will have upgraded the agents. ') },
    { name: '"version 1.2.3 " × n', description: repeatTo('version 1.2.3 ') },
    { name: '"the support script will run, " × n', description: repeatTo('the support script will run, ') },
    { name: '"Not production users down. " × n', description: repeatTo('Not production users down. ') },
    { name: '"since then " × n', description: repeatTo('since then ') },
    { name: 'random printable ASCII', description: printable(4) },
    // An administrator's essentials: the defaults plus keyword ones, on a real ticket and on
    // text where a keyword's start is everywhere but never a whole word.
    { name: 'admin keywords, prose + pasted log', description: prose, admin: true },
    { name: 'admin keywords, "chg42 change-requests " × n', description: repeatTo('chg42 change-requests '), admin: true },
  ];
  for (const t of texts) if (t.description.length !== LENGTH) throw new Error(`${t.name}: ${t.description.length} characters, not ${LENGTH}`);
  return texts;
}

/**
 * An administrator's configuration: the default essentials (by their labels, so they keep
 * their rules), one of them with keywords as well, and two essentials of keywords only.
 */
export const ADMIN_ESSENTIALS = {
  extra: ['Change request number (CHG…)', 'Affected service or application'],
  keywords: {
    'Change request number (CHG…)': ['CHG', 'change request', 'RFC', 'ticket in ServiceNow'],
    'Affected service or application': ['service name', 'application name', 'web shop', 'checkout'],
  },
  /** Keywords for the PE version essential too (the default list's third item): tried when its rule finds nothing. */
  keywordsForDefault: { index: 2, words: ['console version', 'about page'] },
};

// --- in the page -----------------------------------------------------------------------------

/** In the page: the smallest step performance.now() takes, in ms (the timer's resolution). */
function timerStep() {
  let step = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    let t1 = performance.now();
    const deadline = Date.now() + 50;
    while (t1 === t0 && Date.now() < deadline) t1 = performance.now();
    if (t1 > t0) step = Math.min(step, t1 - t0);
  }
  return Number.isFinite(step) ? step : null;
}

/**
 * In the page: one round. For each ticket (starting at `first`, so no text always runs
 * first), `batch` judgements timed together; returns ms per judgement per ticket, and what
 * the last judgement found (so the work cannot be optimised away, and the notes can say).
 */
function judgeRound({ global, admin, batch, first }) {
  const api = globalThis[global];
  const tickets = api.__tickets;
  const adminEssentials =
    api.__admin ??
    (api.__admin = (() => {
      const labels = api.DEFAULT_ESSENTIALS.map((e) => e.label);
      const keywords = { ...admin.keywords, [labels[admin.keywordsForDefault.index]]: admin.keywordsForDefault.words };
      return api.essentialsFromConfig([...labels, ...admin.extra], keywords);
    })());
  const perJudgementMs = new Array(tickets.length);
  const found = new Array(tickets.length);
  for (let k = 0; k < tickets.length; k++) {
    const i = (first + k) % tickets.length;
    const { snapshot, isAdmin } = tickets[i];
    const essentials = isAdmin ? adminEssentials : undefined;
    let results;
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) results = api.judgeReadiness(snapshot, essentials);
    perJudgementMs[i] = (performance.now() - t0) / batch;
    found[i] = results.filter((r) => r.state === 'found').map((r) => r.id);
  }
  return { perJudgementMs, found };
}

/** The ticket around a description: a subject, one attachment, fields that answer none of the rules. */
const snapshotOf = (description) => ({
  subject: 'P1: Puppet console down, agents failing',
  description,
  attachments: ['console-error.png'],
  fields: [
    { label: 'Product', value: 'Puppet Enterprise' },
    { label: 'Operating system', value: 'RHEL 8' },
  ],
});

/**
 * Row 9 in one browser: a tab on `url` (any page: the rules need no extension), the bundle
 * evaluated in it, then `warmup` rounds not counted and `samples` rounds counted; a round
 * judges each ticket `batch` times in a row, timed as one. Returns per ticket the ms per
 * judgement of each sample, and the timer's resolution in the page.
 */
export async function readinessJudgements(browser, { url, bundle, samples = 30, batch = 20, warmup = 3 }) {
  const texts = readinessTexts();
  const tickets = texts.map((t) => ({ snapshot: snapshotOf(t.description), isAdmin: Boolean(t.admin) }));
  const tab = await browser.newTab();
  try {
    await tab.front();
    await tab.goto(url);
    // A string is evaluated as a script by the protocol (not subject to the page's CSP).
    const loaded = await tab.evaluate(`${bundle}\ntypeof globalThis.${GLOBAL}.judgeReadiness`);
    if (loaded !== 'function') throw new Error(`the readiness bundle did not load in the page (${loaded})`);
    // The tickets are sent once, kept in the page.
    await tab.evaluate(([global, list]) => {
      globalThis[global].__tickets = list;
      return list.length;
    }, [GLOBAL, tickets]);
    const step = await tab.evaluate(timerStep);
    const perText = texts.map(() => []);
    let found = null;
    for (let round = 0; round < warmup + samples; round++) {
      const r = await tab.evaluate(judgeRound, { global: GLOBAL, admin: ADMIN_ESSENTIALS, batch, first: round % tickets.length });
      if (round >= warmup) r.perJudgementMs.forEach((ms, i) => perText[i].push(ms));
      found = r.found;
    }
    return { texts: texts.map((t, i) => ({ name: t.name, admin: Boolean(t.admin), ms: perText[i], found: found[i] })), timerStepMs: step, batch };
  } finally {
    await tab.close();
  }
}
