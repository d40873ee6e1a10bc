// The measurements of the benchmark (docs/performance.md). Rows 4–7 (and 9) only use the page
// surface both browsers share (tab.goto / evaluate / waitForFunction / press / front);
// rows 2, 3 and 8 need the Chrome DevTools Protocol and run in Chromium only.
import { CONTENT_SCRIPT_URL, EXTENSION_ORIGIN, TRACE_CATEGORIES, rendererMainCpu, rendererOf, scriptTime, taskCpuByScript, withTrace } from './chromium.mjs';
import { cpuDelta } from './process-cpu.mjs';
import { median, p95, summarize } from './stats.mjs';

export const PORTAL = 'https://support.puppet.com';
/** Served by the same replica with the same pages, but not matched by the content script. */
export const NOT_A_PORTAL = 'https://www.example.org';

export const pageUrl = (origin, fixture) =>
  fixture === 'article' ? `${origin}/hc/en-us/articles/360035198994?fixture=article` : `${origin}/hc/en-us/requests/new?fixture=${fixture}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const guardState = () => document.documentElement.getAttribute('data-priority-guard');

export const BUDGETS = {
  contentScriptKB: 20,
  guardUiKB: 24,
  popupJsKB: 40,
  articleMs: 2,
  armMs: 16,
  dialogMs: 50,
  heavyRatio: 1.02,
  popupMs: 100,
  heapMB: 1,
  readinessMs: 2,
};

async function waitForGuard(tab, state, timeout = 10_000) {
  await tab.waitForFunction((s) => document.documentElement.getAttribute('data-priority-guard') === s, state, { timeout, polling: 20 });
}

// ---------------------------------------------------------------------------------------
// Row 2 — a non-portal page: the content script is not injected (Chromium, CDP).

/**
 * Opens the same replica pages on www.example.org and on support.puppet.com and lists the
 * JavaScript worlds (CDP execution contexts) created in each. The portal page is the
 * positive control: it must show the extension's isolated world, or the method is broken.
 * Also traces the non-portal loads for any script evaluation or call attributed to the
 * extension's content script.
 */
export async function nonPortalPage(browser, { reps = 3 } = {}) {
  const tab = await browser.newTab();
  const cdp = await browser.cdp(tab.raw);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isOurs = (c) => c.origin === EXTENSION_ORIGIN || c.name === 'Priority Guard';
  try {
    const fixtures = ['zendesk-select', 'heavy-portal', 'article'];
    const control = [];
    for (const fixture of fixtures) {
      contexts.length = 0;
      await tab.goto(pageUrl(PORTAL, fixture));
      await waitForGuard(tab, fixture === 'article' ? 'idle' : 'armed');
      control.push(contexts.filter(isOurs).length);
    }
    if (control.some((n) => n !== 1)) {
      throw new Error(`positive control failed: the extension's world was not seen on the portal pages (${control})`);
    }
    // The trace: each fixture on the portal (control: its events must show) then on
    // www.example.org; the extension's events must all belong to the portal loads' frames.
    const perLoad = [];
    let attributePresent = 0;
    let extensionContexts = 0;
    const portalFrames = new Set();
    const { events } = await withTrace(
      cdp,
      async () => {
        for (let i = 0; i < reps; i++) {
          for (const fixture of fixtures) {
            await tab.goto(`${pageUrl(PORTAL, fixture)}&control=${i}`);
            await waitForGuard(tab, fixture === 'article' ? 'idle' : 'armed');
            contexts.length = 0;
            await tab.goto(`${pageUrl(NOT_A_PORTAL, fixture)}&n=${i}`);
            await sleep(300);
            if (await tab.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))) attributePresent++;
            const n = contexts.filter(isOurs).length;
            extensionContexts += n;
            perLoad.push(n);
          }
        }
      },
      ['devtools.timeline', 'v8.execute'],
    );
    for (const e of events) {
      const url = e.args?.data?.url ?? e.args?.data?.documentLoaderURL ?? '';
      if (e.args?.data?.frame && typeof url === 'string' && url.startsWith(PORTAL)) portalFrames.add(`${e.pid}:${e.args.data.frame}`);
    }
    const ours = events.filter(
      (e) => ['EvaluateScript', 'FunctionCall'].includes(e.name) && String(e.args?.data?.url ?? '').startsWith(EXTENSION_ORIGIN),
    );
    // The content script's evaluations (pages with a form also get guard-ui.js injected).
    const evaluations = ours.filter((e) => e.name === 'EvaluateScript' && e.args.data.url === CONTENT_SCRIPT_URL).length;
    if (evaluations < reps * fixtures.length) {
      throw new Error(`the trace lost events: ${evaluations} evaluations of the content script for ${reps * fixtures.length} portal loads`);
    }
    const work = scriptTime(events, EXTENSION_ORIGIN);
    const portalPids = new Set(ours.filter((e) => e.name === 'EvaluateScript').map((e) => e.pid));
    const stray = ours.filter((e) => !portalPids.has(e.pid)).length;
    return {
      loads: perLoad.length,
      extensionContexts,
      attributePresent,
      controlEvaluations: evaluations,
      strayEvents: stray,
      pass: extensionContexts === 0 && attributePresent === 0 && stray === 0 && evaluations === reps * fixtures.length,
      scriptMs: 0,
      work,
    };
  } finally {
    await tab.close();
  }
}

/**
 * The part of row 2 any browser can show from the page: the guard's mark on <html> is
 * absent on www.example.org and present on the portal (positive control).
 */
export async function nonPortalAttribute(browser) {
  const tab = await browser.newTab();
  try {
    let attributePresent = 0;
    let loads = 0;
    for (const fixture of ['zendesk-select', 'heavy-portal', 'article']) {
      await tab.goto(pageUrl(PORTAL, fixture));
      await waitForGuard(tab, fixture === 'article' ? 'idle' : 'armed');
      await tab.goto(pageUrl(NOT_A_PORTAL, fixture));
      await sleep(300);
      loads++;
      if (await tab.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))) attributePresent++;
    }
    return { loads, attributePresent, pass: attributePresent === 0 };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------
// Row 3 — the content script's own main-thread time on a portal page without a form.

/** Page activity for the "with page activity" variant: one DOM insertion a frame for a second. */
async function articleActivity() {
  const body = document.querySelector('.article-body') ?? document.body;
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const item = document.createElement('p');
    item.className = 'related-article';
    item.textContent = `Related article ${i}`;
    body.append(item);
  }
}

/**
 * Loads the article on support.puppet.com with a trace running and sums the main-thread
 * time attributed to the extension's scripts (see scriptTime in chromium.mjs): only
 * guard.js may be evaluated (the UI is for pages with a form): its
 * evaluation, and every callback into it (MutationObserver, listeners, frames,
 * messaging) during load and the 1 s after it. Loads alternate between a plain trace
 * (event durations, low overhead; `reps` of them) and, every third load, a trace with the V8
 * sampler (which finds the work the script does in microtasks, outside any event). Result:
 * median(events) + median(microtask work found by sampling).
 */
export async function articleMainThread(browser, { warmup = 1, reps = 6, activity = false } = {}) {
  const tab = await browser.newTab();
  const cdp = await browser.cdp(tab.raw);
  const plain = TRACE_CATEGORIES.filter((c) => !c.includes('cpu_profiler'));
  const eventsMs = [];
  const outsideMs = [];
  const evaluationMs = [];
  const callbackCalls = [];
  const byFunction = new Map();
  let lost = 0;
  let lostSampled = 0;
  try {
    await tab.front();
    for (let i = 0; i < warmup; i++) {
      await tab.goto(pageUrl(PORTAL, 'article'));
      await waitForGuard(tab, 'idle');
    }
    // Every third load also runs the V8 sampler (heavier: those loads are not timed).
    const schedule = Array.from({ length: reps }, (_, i) => (i % 3 === 2 ? [false, true] : [false])).flat();
    const sampledLoads = schedule.filter(Boolean).length;
    for (let i = 0; i < schedule.length; i++) {
      const sampled = schedule[i];
      // Same site as the page before: the renderer process (already traced) is kept.
      const { events } = await withTrace(
        cdp,
        async () => {
          await tab.goto(`${pageUrl(PORTAL, 'article')}&load=${i}`);
          await waitForGuard(tab, 'idle');
          if (activity) await tab.evaluate(articleActivity);
          await sleep(1000);
        },
        sampled ? TRACE_CATEGORIES : plain,
      );
      // Every script of the extension counts: the content script, and the guard's UI
      // (guard-ui.js), which must not be injected at all on a page without a form.
      const t = scriptTime(events, EXTENSION_ORIGIN);
      if (t.evaluations !== 1) {
        // Now and then Chromium leaves the page's renderer, or its script events, out of a
        // trace: the script did run (waitForGuard saw its mark), the trace lost it. A sampled
        // load is then just not counted (it only adds the microtask estimate); a plain one is
        // measured again, as many times as there are plain loads at most (a script that
        // really was not evaluated would never show, so the row fails).
        const lostRenderer = t.evaluations === 0;
        if (lostRenderer && sampled) {
          lostSampled++;
          continue;
        }
        if (lostRenderer && ++lost <= reps) {
          i--;
          continue;
        }
        throw new Error(`expected one script evaluation per load (the content script alone), saw ${t.evaluations} (load ${i})`);
      }
      if (sampled) {
        outsideMs.push(t.sampledOutsideMs);
        for (const { fn, ms } of t.byFunction) byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms / sampledLoads);
      } else {
        eventsMs.push(t.eventsMs);
        callbackCalls.push(t.calls);
        const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url === CONTENT_SCRIPT_URL);
        evaluationMs.push((evaluation?.tdur ?? evaluation?.dur ?? 0) / 1000);
      }
    }
  } finally {
    await tab.close();
  }
  const outside = outsideMs.length ? median(outsideMs) : 0;
  const totals = eventsMs.map((ms) => ms + outside);
  return {
    totals,
    sampledLoads: outsideMs.length,
    lostTraces: lost + lostSampled,
    eventsMs,
    outsideMs,
    evaluationMs,
    callbackCalls,
    topFunctions: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([fn, ms]) => ({ fn, ms })),
  };
}

// ---------------------------------------------------------------------------------------
// Row 4 — from the priority control appearing to the guard armed.

export async function armLatency(browser, { warmup = 20, reps = 200 } = {}) {
  const tab = await browser.newTab();
  try {
    await tab.front();
    await tab.goto(pageUrl(PORTAL, 'form-insertions'));
    await waitForGuard(tab, 'idle');
    await tab.evaluate((n) => window.__fixture.insertions({ count: n }), warmup);
    const { latenciesMs, timeouts } = await tab.evaluate((n) => window.__fixture.insertions({ count: n }), reps);
    return { latenciesMs, timeouts };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------
// Row 5 — from a P1 submission to the guard's dialog visible.

/**
 * In the page: chooses Urgent, clicks Submit (a script click: the guard stops those too),
 * then times until the dialog is open (priority-guard-dialog's shadow root holds
 * dialog[open]) and until the first frame after that has been produced (an animation frame
 * callback, then a task: the frame with the dialog has been painted). Returns both.
 */
async function submitP1AndTime() {
  const select = document.querySelector('select[name="request[priority]"]');
  select.value = 'urgent';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const openDialog = () => document.querySelector('priority-guard-dialog')?.shadowRoot?.querySelector('dialog[open]') ?? null;
  if (openDialog()) throw new Error('a dialog is already open');
  const button = document.querySelector('input[type=submit][name=commit]');
  const t0 = performance.now();
  button.click();
  let opened = openDialog() ? performance.now() : null;
  const deadline = t0 + 2000;
  while (opened === null && performance.now() < deadline) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (openDialog()) opened = performance.now();
  }
  if (opened === null) return { ok: false };
  const painted = await new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
  return { ok: true, openMs: opened - t0, visibleMs: painted - t0 };
}

export async function dialogLatency(browser, { warmup = 5, reps = 30 } = {}) {
  const tab = await browser.newTab();
  const visibleMs = [];
  const openMs = [];
  try {
    await tab.front();
    await tab.goto(pageUrl(PORTAL, 'zendesk-select'));
    await waitForGuard(tab, 'armed');
    for (let i = 0; i < warmup + reps; i++) {
      const r = await tab.evaluate(submitP1AndTime);
      if (!r.ok) throw new Error('the guard did not show its dialog for a P1 submission');
      if (i >= warmup) {
        visibleMs.push(r.visibleMs);
        openMs.push(r.openMs);
      }
      await tab.press('Escape'); // a real key press: the dialog only closes for trusted input
      await tab.waitForFunction(() => !document.querySelector('priority-guard-dialog'), undefined, { timeout: 5000, polling: 20 });
    }
    const submitted = await tab.evaluate(() => window.__fixture.submitCount);
    if (submitted !== 0) throw new Error(`the form was submitted ${submitted} time(s) while the dialog should have held it`);
    return { visibleMs, openMs };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------
// Row 6 — heavy replica: main-thread time with the extension / without, same run.

/** Mean of the values between the 10th and 90th percentiles (robust to preemption spikes). */
function trimmedMean(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * 0.1);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** Resolves after two animation frames and a task (at most 200 ms where frames do not run). */
const settle = () =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      }),
    );
  });

/**
 * The same heavy page in two tabs of one browser: support.puppet.com (content script
 * injected) and www.example.org (not injected). A round is `bursts` bursts in each tab, run
 * in chunks that alternate between the tabs (the tab that starts alternates too, and the
 * running tab is brought to the front), so a change in machine load hits both alike.
 *
 * Figures per round, with / without:
 *  - page: 10%-trimmed mean of the page's own per-burst timing (DOM work + every
 *    MutationObserver record and callback + microtasks), both browsers;
 *  - pairs: the same per chunk, each chunk in one tab paired with the chunk run just
 *    before or after it in the other tab (Firefox's row is judged on the median of these:
 *    the speed at which Firefox runs a chunk changes from one chunk to the next, and a
 *    pair shares the conditions of one moment);
 *  - cpu (Chromium): CPU time (thread time, immune to time the OS gives other processes)
 *    of the burst tasks, from a trace: the same work as `page` (DOM work, observers,
 *    microtasks), measured by the browser. Also the renderer's whole main-thread CPU time
 *    (rendering included). Chromium's row is judged on the burst-task CPU time.
 */
export async function heavyRatio(browser, { rounds = 4, bursts = 1000, chunk = 100, warmupBursts = 200, expectGuard = true } = {}) {
  const withTab = await browser.newTab();
  const withoutTab = await browser.newTab();
  try {
    await withTab.goto(pageUrl(PORTAL, 'heavy-portal'));
    if (expectGuard) await waitForGuard(withTab, 'armed');
    else await withTab.waitForFunction(() => window.__fixture?.bursts !== undefined, undefined, { polling: 50 });
    await withoutTab.goto(pageUrl(NOT_A_PORTAL, 'heavy-portal'));
    await withoutTab.waitForFunction(() => window.__fixture?.bursts !== undefined, undefined, { polling: 50 });
    if (await withoutTab.evaluate(() => document.documentElement.hasAttribute('data-priority-guard'))) {
      throw new Error('the guard runs on www.example.org: the "without" tab is not without');
    }
    const nodes = await withTab.evaluate(() => window.__fixture.nodes());
    if (nodes.elements < 10_000) throw new Error(`heavy-portal has only ${nodes.elements} elements`);
    const next = new Map([
      [withTab, 0],
      [withoutTab, 0],
    ]);
    /** Main-thread CPU time of the browser's processes (Firefox on Linux), else null. */
    const processCpu = () => browser.mainThreadCpu?.() ?? null;
    /** Which process runs each tab's page, once told apart (Firefox on Linux). */
    const pidOf = new Map();
    const run = async (tab, count, label) => {
      await tab.front();
      // Let the tab's activation (visibility, a repaint of the whole page) finish before the
      // chunk, so none of it falls in the chunk's CPU time (Firefox) or in its first bursts.
      await tab.evaluate(settle);
      const from = next.get(tab);
      next.set(tab, from + count);
      const before = processCpu();
      const res = await runChunk(tab, count, from, label);
      const after = processCpu();
      if (before && after) {
        const delta = cpuDelta(before, after);
        if (!pidOf.has(tab)) pidOf.set(tab, [...delta].sort((a, b) => b[1] - a[1])[0]?.[0]);
        res.cpuMs = (delta.get(pidOf.get(tab)) ?? NaN) / 1e6;
      }
      return res;
    };
    const runChunk = (tab, count, from, label) =>
      tab.evaluate(
        ([n, start, mark]) => {
          if (mark) console.timeStamp(mark);
          // One task per chunk: the page renders between chunks, not between bursts, so the
          // run takes seconds, not minutes; observers still get every burst separately.
          return window.__fixture.bursts({ count: n, from: start, taskEach: false });
        },
        [count, from, label],
      );
    await run(withTab, warmupBursts);
    await run(withoutTab, warmupBursts);
    const pids = [pidOf.get(withTab), pidOf.get(withoutTab)];
    // The same process for both tabs is fine per chunk (one tab runs at a time), not per round.
    const processes = pids[0] && pids[1] ? pids : null;
    const proc = [];
    const cdp = browser.cdp ? await browser.cdp(withTab.raw) : null;
    const page = [];
    const pairs = [];
    const total = [];
    const cpu = [];
    const wall = [];
    let mutations = 0;
    for (let r = 0; r < rounds; r++) {
      const per = new Map([
        [withTab, { times: [], script: 0, wall: 0 }],
        [withoutTab, { times: [], script: 0, wall: 0 }],
      ]);
      const doRound = async () => {
        for (let c = 0; c < bursts / chunk; c++) {
          const order = (r + c) % 2 === 0 ? [withTab, withoutTab] : [withoutTab, withTab];
          const pair = { round: r };
          for (const tab of order) {
            const res = await run(tab, chunk, c === 0 ? `pg-bench:${tab === withTab ? 'with' : 'without'}` : undefined);
            const acc = per.get(tab);
            acc.times.push(...res.perBurstMs);
            acc.script += res.scriptMs;
            acc.wall += res.wallMs;
            pair[tab === withTab ? 'with' : 'without'] = trimmedMean(res.perBurstMs);
            if (processes) pair[tab === withTab ? 'cpuWith' : 'cpuWithout'] = res.cpuMs;
            if (tab === withTab) mutations += res.mutations;
          }
          pairs.push({ ...pair, ratio: pair.with / pair.without, ...(processes ? { cpuRatio: pair.cpuWith / pair.cpuWithout } : {}) });
        }
      };
      const roundStart = processes ? processCpu() : null;
      if (cdp) {
        const { events } = await withTrace(cdp, doRound, ['toplevel', '__metadata', 'devtools.timeline']);
        const pids = [rendererOf(events, 'pg-bench:with'), rendererOf(events, 'pg-bench:without')];
        if (!pids[0] || !pids[1] || pids[0] === pids[1]) throw new Error('could not tell the two renderers apart in the trace');
        const bursts = taskCpuByScript(events, '/__fixtures/widgets/bench.js');
        const main = rendererMainCpu(events);
        const [a, b] = pids.map((pid) => bursts.get(pid));
        if (!a || !b) throw new Error('no burst tasks found in the trace');
        cpu.push({ with: a.ms, without: b.ms, ratio: a.ms / b.ms, tasks: [a.tasks, b.tasks], mainWith: main.get(pids[0]), mainWithout: main.get(pids[1]) });
        // One task per chunk: the round's chunks in order, paired as they ran.
        const roundPairs = pairs.filter((pair) => pair.round === r);
        if (a.each.length === roundPairs.length && b.each.length === roundPairs.length) {
          roundPairs.forEach((pair, i) => Object.assign(pair, { cpuWith: a.each[i], cpuWithout: b.each[i], cpuRatio: a.each[i] / b.each[i] }));
        }
      } else {
        await doRound();
      }
      if (processes && processes[0] !== processes[1]) {
        const delta = cpuDelta(roundStart, processCpu());
        const [a, b] = processes.map((pid) => delta.get(pid) / 1e6);
        proc.push({ with: a, without: b, ratio: a / b });
      }
      const a = per.get(withTab);
      const b = per.get(withoutTab);
      page.push({ with: trimmedMean(a.times), without: trimmedMean(b.times), ratio: trimmedMean(a.times) / trimmedMean(b.times) });
      total.push({ with: a.script, without: b.script, ratio: a.script / b.script });
      wall.push({ ratio: a.wall / b.wall });
    }
    if (expectGuard && (await withTab.evaluate(guardState)) !== 'armed') throw new Error('the guard lost the heavy page form');
    return { page, pairs, total, cpu, proc, wall, nodes, burstsPerRound: bursts, burstsPerChunk: chunk, mutationsPerBurst: mutations / (rounds * bursts) };
  } finally {
    await withTab.close();
    await withoutTab.close();
  }
}

// ---------------------------------------------------------------------------------------
// Row 7 — popup: navigation to first screen rendered.

/**
 * Opens the built popup page in a tab again and again (from about:blank each time) and
 * reads, relative to the navigation start: first-contentful-paint (the first screen on
 * screen), and DOMContentLoaded. The first screen must be there: #app holds elements.
 */
export async function popupFirstScreen(browser, { warmup = 3, reps = 30 } = {}) {
  const tab = await browser.newTab();
  const fcpMs = [];
  const dclMs = [];
  const read = () =>
    tab.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        url: location.href,
        rendered: (document.querySelector('#app')?.childElementCount ?? 0) > 0,
        fcp: fcp ? fcp.startTime : null,
        dcl: nav?.domContentLoadedEventEnd ?? NaN,
      };
    });
  try {
    await tab.front();
    for (let i = 0; i < warmup + reps; i++) {
      await tab.goto('about:blank');
      // No polling while the popup loads: a probe script evaluated in the page (as
      // waitForFunction does) would compete with the popup for the main thread.
      await tab.goto(browser.popupUrl, { settle: true });
      await sleep(400);
      let m = await read();
      for (let tries = 0; tries < 50 && (m.fcp === null || !m.rendered || m.url !== browser.popupUrl); tries++) {
        await sleep(100);
        m = await read();
      }
      if (m.fcp === null || !m.rendered) throw new Error('the popup rendered nothing (no first-contentful-paint, or #app empty)');
      if (i >= warmup) {
        fcpMs.push(m.fcp);
        dclMs.push(m.dcl);
      }
    }
    return { fcpMs, dclMs };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------
// Row 8 — heap and leaks after 100 form mount/unmount cycles (Chromium, CDP).

async function heapState(cdp, isolatedContextId) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Event listeners on window and document (every world's: CDP lists them per target).
  const counts = {};
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of listeners) {
      const key = `${expression}:${l.type}${l.useCapture ? ':capture' : ''}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  // Live observer objects in the extension's world, per kind.
  let observers = null;
  if (isolatedContextId !== undefined) {
    observers = {};
    for (const kind of ['MutationObserver', 'ResizeObserver']) {
      const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `${kind}.prototype`, contextId: isolatedContextId });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
      const { result: length } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      observers[kind] = length.value;
      await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
    }
  }
  return { usedSize, listeners: counts, observers };
}

export async function heapCycles(browser, { warmupCycles = 10, cycles = 100, rounds = 2 } = {}) {
  const open = async (origin) => {
    const tab = await browser.newTab();
    const cdp = await browser.cdp(tab.raw);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
    await cdp.send('Runtime.enable');
    return { tab, cdp, contexts, origin };
  };
  const portal = await open(PORTAL);
  const plain = await open(NOT_A_PORTAL);
  const rows = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const measureTab = async (t) => {
        await t.tab.front(); // animation frames only run in the tab in front
        await t.tab.goto(pageUrl(t.origin, 'form-cycles'));
        await t.tab.waitForFunction(() => window.__fixture?.cycles !== undefined, undefined, { polling: 50 });
        const isolated = t.contexts.find((c) => c.origin === EXTENSION_ORIGIN && c.auxData?.type === 'isolated');
        if (t.origin === PORTAL && !isolated) throw new Error("the extension's world was not found on the portal tab");
        if (t.origin !== PORTAL && isolated) throw new Error('the extension runs on the non-portal tab');
        await t.tab.evaluate((n) => window.__fixture.cycles({ count: n }), warmupCycles);
        const before = await heapState(t.cdp, isolated?.id);
        const run = await t.tab.evaluate((n) => window.__fixture.cycles({ count: n }), cycles);
        const after = await heapState(t.cdp, isolated?.id);
        return { before, after, run };
      };
      const a = await measureTab(portal);
      const b = await measureTab(plain);
      rows.push({
        portalGrowth: a.after.usedSize - a.before.usedSize,
        plainGrowth: b.after.usedSize - b.before.usedSize,
        netGrowth: a.after.usedSize - a.before.usedSize - (b.after.usedSize - b.before.usedSize),
        notesSeen: a.run.notesSeen,
        plainNotesSeen: b.run.notesSeen,
        listenersBefore: a.before.listeners,
        listenersAfter: a.after.listeners,
        observersBefore: a.before.observers,
        observersAfter: a.after.observers,
      });
    }
  } finally {
    await portal.tab.close();
    await plain.tab.close();
  }
  const listenersStable = rows.every((r) => JSON.stringify(r.listenersBefore) === JSON.stringify(r.listenersAfter));
  const observersStable = rows.every((r) => JSON.stringify(r.observersBefore) === JSON.stringify(r.observersAfter));
  return { rows, listenersStable, observersStable };
}

/** Several heavyRatio() results (one per browser started) as one, rounds numbered in order. */
export function mergeRounds(runs) {
  const [first] = runs;
  let offset = 0;
  const pairs = [];
  for (const run of runs) {
    pairs.push(...run.pairs.map((pair) => ({ ...pair, round: pair.round + offset })));
    offset += run.page.length;
  }
  const all = (key) => runs.flatMap((run) => run[key]);
  const mutations = runs.reduce((sum, run) => sum + run.mutationsPerBurst * run.page.length, 0);
  return { ...first, page: all('page'), pairs, total: all('total'), cpu: all('cpu'), proc: all('proc'), wall: all('wall'), mutationsPerBurst: mutations / offset };
}

// Row 9 — judging a 20,000-character ticket: scripts/bench/readiness.mjs.
export { bundleReadiness, readinessJudgements } from './readiness.mjs';

export { median, p95, summarize };
