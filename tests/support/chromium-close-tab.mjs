// Closing a Chromium tab (Playwright) that may be in the middle of a navigation. Shared by the
// end-to-end harness and the benchmark.
//
// Chromium can acknowledge a close that races a navigation's commit and then never close the
// tab (crbug.com/536385539, microsoft/playwright#42068), so page.close() waits forever. It hit
// tests that close the tab just after a submission reached the replica portal, while the browser
// was still committing the portal's answer page. Asking again over the tab's own session (CDP
// Page.close) ends such a tab. Measured here: 9 of 40 closes right after a submission hung, and
// asking again closed all 9.

const ASK_AGAIN_AFTER_MS = 2_000;
const ATTEMPTS = 3;

/** Closes `page`, asking again if the tab is still open after 2 s; rejects if it never closes. */
export async function closeTab(page) {
  if (page.isClosed()) return;
  const closed = page.close();
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (await settlesWithin(closed, ASK_AGAIN_AFTER_MS)) return closed;
    // runBeforeUnload sends Page.close over the tab's own session instead of Target.closeTarget.
    await page.close({ runBeforeUnload: true }).catch(() => undefined);
  }
  if (await settlesWithin(closed, ASK_AGAIN_AFTER_MS)) return closed;
  throw new Error(`The tab at ${page.url()} did not close, asked ${ATTEMPTS + 1} times`);
}

function settlesWithin(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true, () => true), late]).finally(() => clearTimeout(timer));
}
