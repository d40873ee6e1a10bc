// Navigating a Firefox tab over WebDriver BiDi (Puppeteer) without waiting for `load`:
// Firefox never reports `load` for moz-extension:// documents, and a test may want a page
// that is still loading. Shared by the end-to-end harness and the benchmark.

/**
 * Starts the navigation to `url` and resolves once it is the current document: a new one
 * (the old document is marked first, so going to the URL already shown waits for a new
 * one) and, with `complete`, fully loaded. Polled by hand rather than with waitForFunction:
 * while Firefox swaps documents a BiDi evaluate can fail with an internal error, and
 * waitForFunction gives up on the first one.
 */
export async function gotoWithoutLoad(page, url, { timeout = 30_000, complete = false, every = 50 } = {}) {
  await page.evaluate(() => Object.assign(window, { __pgLeaving: true })).catch(() => undefined);
  page.goto(url, { waitUntil: 'load', timeout }).catch(() => undefined);
  const deadline = Date.now() + timeout;
  for (;;) {
    const arrived = await page
      .evaluate(
        (expected, loaded) =>
          location.href === expected && !('__pgLeaving' in window) && (!loaded || document.readyState === 'complete'),
        url,
        complete,
      )
      .catch(() => false);
    if (arrived) return;
    if (Date.now() > deadline) throw new Error(`Firefox did not show ${url} within ${timeout} ms.`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
