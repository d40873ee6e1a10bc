// Chromium with the built extension (playwright-core, same flags as tests/e2e/harness),
// plus the Chrome DevTools Protocol helpers the benchmark needs: tracing, execution contexts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, hostRules } from '../../tests/support/browser-options.mjs';
import { closeTab } from '../../tests/support/chromium-close-tab.mjs';
import { REPLICA_HOSTS } from '../../tests/support/tls.mjs';
import { onOneCpu } from './one-cpu.mjs';
import { unionLength } from './stats.mjs';

export const CHROME_EXTENSION_ID = 'hfhpnmcfbmnkleljegpbajcphgcanpho';
export const EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
export const CONTENT_SCRIPT_URL = `${EXTENSION_ORIGIN}/guard.js`;

/** oneCpu: run all of Chromium on one CPU (row 6, docs/performance.md); `pinnedTo` says if it could. */
export async function launchChromium({ extensionDir, portal, executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium', oneCpu = false }) {
  const rules = hostRules(REPLICA_HOSTS, portal.port);
  const profile = mkdtempSync(join(tmpdir(), 'pg-bench-chromium-'));
  const pinned = oneCpu ? onOneCpu(executablePath) : null;
  const removeFiles = () => {
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    pinned?.remove();
  };
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: pinned?.script ?? executablePath,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
      args: chromiumArgs({ extensionDir, hostRules: rules }),
    })
    .catch((error) => {
      removeFiles();
      throw error;
    });
  const isOurs = (url) => url.startsWith(EXTENSION_ORIGIN);
  let worker = context.serviceWorkers().find((w) => isOurs(w.url()));
  worker ??= await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 60_000 });
  const version = context.browser()?.version() ?? (await (await context.newCDPSession(context.pages()[0] ?? (await context.newPage()))).send('Browser.getVersion')).product;
  return {
    name: 'chromium',
    version,
    context,
    pinnedTo: pinned ? pinned.cpu : null,
    popupUrl: `${EXTENSION_ORIGIN}/popup.html`,
    async newTab() {
      return wrapPlaywrightPage(await context.newPage());
    },
    cdp: (page) => context.newCDPSession(page),
    async close() {
      await context.close().catch(() => undefined);
      removeFiles();
    },
  };
}

/** The small page surface the browser-neutral measurements use (Playwright flavour). */
export function wrapPlaywrightPage(page) {
  return {
    raw: page,
    goto: (url, { waitUntil = 'load', timeout = 30_000 } = {}) => page.goto(url, { waitUntil, timeout }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 10_000, polling = 'raf' } = {}) => page.waitForFunction(fn, arg, { timeout, polling }),
    press: (key) => page.keyboard.press(key),
    front: () => page.bringToFront(),
    close: () => closeTab(page),
  };
}

/** Records a Chromium trace around `during()`; returns {events, result}. */
export async function withTrace(cdp, during, categories = TRACE_CATEGORIES) {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  });
  let result;
  try {
    result = await during();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    var { stream } = await complete;
  }
  const chunks = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64') : Buffer.from(chunk.data));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, result };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
];

const urlOf = (event) => event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.fileName ?? '';

/**
 * Main-thread time of scripts from `urlPrefix` in a trace, in ms, on the renderer threads
 * that ran them:
 *  - events: the union of the complete events attributed to those scripts by URL, in thread
 *    (CPU) time; eventsWallMs is the same in wall-clock time —
 *    EvaluateScript and v8.compile (the script's own evaluation) and FunctionCall (every
 *    callback the browser calls into it: MutationObserver, event listeners, timers,
 *    animation frames, extension messaging);
 *  - sampled: CPU-profile samples (disabled-by-default-v8.cpu_profiler) whose stack holds a
 *    function from those scripts and that fall outside the events above: work reached
 *    without a FunctionCall event, e.g. microtasks and promise reactions.
 * total = events + sampled. Also returns the per-function break-down of the samples.
 */
export function scriptTime(events, urlPrefix) {
  const ours = events.filter(
    (e) => e.ph === 'X' && ['EvaluateScript', 'v8.compile', 'FunctionCall'].includes(e.name) && urlOf(e).startsWith(urlPrefix),
  );
  const threads = new Set(ours.map((e) => `${e.pid}:${e.tid}`));
  const intervals = ours.map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  // Thread time (tts/tdur): CPU time of the main thread, not stretched when the OS runs
  // other processes. Every event here is on one thread, so one thread clock.
  const cpuIntervals = ours.map((e) => (e.tts !== undefined && e.tdur !== undefined ? [e.tts, e.tts + e.tdur] : [e.ts, e.ts + (e.dur ?? 0)]));
  const eventsMs = unionLength(cpuIntervals) / 1000;
  const eventsWallMs = unionLength(intervals) / 1000;

  const samples = profileSamples(events);
  const merged = [];
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const inEvents = (ts) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid][1] < ts) lo = mid + 1;
      else if (merged[mid][0] > ts) hi = mid - 1;
      else return true;
    }
    return false;
  };
  let sampledUs = 0;
  let oursSampledUs = 0;
  const byFunction = new Map();
  for (const s of samples) {
    const top = s.stack.find((frame) => frame.url.startsWith(urlPrefix));
    if (!top) continue;
    oursSampledUs += s.dur;
    const leaf = s.stack[0];
    const key = `${leaf.functionName || '(anonymous)'} ${leaf.url ? `${leaf.url.split('/').pop()}:${leaf.lineNumber + 1}:${leaf.columnNumber + 1}` : '(native)'}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + s.dur);
    if (!inEvents(s.ts)) sampledUs += s.dur;
  }
  return {
    eventsMs,
    eventsWallMs,
    sampledOutsideMs: sampledUs / 1000,
    totalMs: eventsMs + sampledUs / 1000,
    sampledMs: oursSampledUs / 1000,
    calls: ours.filter((e) => e.name === 'FunctionCall').length,
    evaluations: ours.filter((e) => e.name === 'EvaluateScript').length,
    threads: threads.size,
    byFunction: [...byFunction].sort((a, b) => b[1] - a[1]).map(([fn, us]) => ({ fn, ms: us / 1000 })),
  };
}

/**
 * The CPU samples of a trace (Profile + ProfileChunk events), each {ts, dur, stack} with the
 * stack leaf first; frames are {functionName, url, lineNumber, columnNumber}.
 */
export function profileSamples(events) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile') {
      profiles.set(`${e.pid}:${e.id}`, { start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    profile.samples.push(...(data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(data.timeDeltas ?? []));
  }
  const out = [];
  for (const profile of profiles.values()) {
    let ts = profile.start;
    const stackOf = new Map();
    const stack = (id) => {
      if (stackOf.has(id)) return stackOf.get(id);
      const frames = [];
      for (let node = profile.nodes.get(id); node; node = profile.nodes.get(node.parent)) {
        const cf = node.callFrame ?? {};
        frames.push({ functionName: cf.functionName ?? '', url: cf.url ?? '', lineNumber: cf.lineNumber ?? 0, columnNumber: cf.columnNumber ?? 0 });
      }
      stackOf.set(id, frames);
      return frames;
    };
    const times = [];
    for (let i = 0; i < profile.samples.length; i++) {
      ts += profile.deltas[i] ?? 0;
      times.push(ts);
    }
    // A sample stands for the time to the next one, capped at 4× the usual interval: a long
    // gap means the thread was not running (the OS ran something else), not that it ran here.
    const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
    const cap = 4 * (gaps[gaps.length >> 1] ?? 0);
    for (let i = 0; i < profile.samples.length; i++) {
      const next = times[i + 1] ?? times[i];
      out.push({ ts: times[i], dur: Math.min(cap, Math.max(0, next - times[i])), stack: stack(profile.samples[i]) });
    }
  }
  return out;
}

/**
 * Main-thread CPU time (thread time, so time the OS gave to other processes does not count)
 * of each renderer process in a trace recorded with the 'toplevel' category: the sum of the
 * outermost top-level task events on each CrRendererMain thread. Returns Map(pid → ms).
 * Pair it with console.timeStamp(label) in a page to know which pid is which tab: see
 * rendererOf().
 */
export function rendererMainCpu(events) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || !String(e.cat).split(',').includes('toplevel')) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const cpu = new Map();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    let total = 0;
    for (const e of list) {
      if (e.ts < end) continue; // nested in the previous outermost task
      end = e.ts + (e.dur ?? 0);
      total += e.tdur ?? e.dur ?? 0;
    }
    const pid = Number(key.split(':')[0]);
    cpu.set(pid, (cpu.get(pid) ?? 0) + total / 1000);
  }
  return cpu;
}

/** The pid of the renderer in which the page called console.timeStamp(label). */
export function rendererOf(events, label) {
  return events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === label)?.pid;
}

/**
 * CPU time (thread time) of the renderer main-thread tasks in which a function from a
 * script whose URL ends with `urlSuffix` was called (FunctionCall events), per pid: e.g. the
 * benchmark page's own burst tasks, with everything that ran inside them (DOM work,
 * MutationObserver records and callbacks of every world, microtasks), and without the
 * rendering tasks in between. Returns Map(pid → {ms, tasks}).
 */
export function taskCpuByScript(events, urlSuffix) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = new Map();
  const calls = new Map();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    if (String(e.cat).split(',').includes('toplevel')) {
      if (!tasks.has(key)) tasks.set(key, []);
      tasks.get(key).push(e);
    } else if (e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').endsWith(urlSuffix)) {
      if (!calls.has(key)) calls.set(key, []);
      calls.get(key).push(e.ts);
    }
  }
  const out = new Map();
  for (const [key, list] of tasks) {
    const stamps = (calls.get(key) ?? []).sort((a, b) => a - b);
    if (stamps.length === 0) continue;
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    let i = 0;
    let ms = 0;
    let count = 0;
    const each = [];
    for (const task of list) {
      if (task.ts < end) continue;
      end = task.ts + (task.dur ?? 0);
      while (i < stamps.length && stamps[i] < task.ts) i++;
      if (i < stamps.length && stamps[i] <= end) {
        ms += (task.tdur ?? task.dur ?? 0) / 1000;
        each.push((task.tdur ?? task.dur ?? 0) / 1000);
        count++;
      }
    }
    const pid = Number(key.split(':')[0]);
    const prev = out.get(pid) ?? { ms: 0, tasks: 0, each: [] };
    out.set(pid, { ms: prev.ms + ms, tasks: prev.tasks + count, each: [...prev.each, ...each] });
  }
  return out;
}
