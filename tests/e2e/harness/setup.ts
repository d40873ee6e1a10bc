// Vitest wiring: one replica portal per test file, one browser per describe block.
//
//   const portal = usePortal();                       // top level of the file
//   describe.each(BROWSERS)('%s', (name) => {
//     const browser = useBrowser(name, portal);       // launched in beforeAll, closed in afterAll
//     it('...', async () => { const page = await browser().newPage(); ... });
//   });
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startPortal } from './env';
import { launchFirefox } from './firefox';
import type { BrowserName, BrowserUnderTest, LaunchOptions, Portal } from './types';

export type * from './types';
export { FIREFOX_EXTENSION_UUID } from './firefox';
export { launchChromium, launchFirefox, startPortal };

/** Both browsers, or the ones named in E2E_BROWSERS (comma separated), e.g. E2E_BROWSERS=firefox. */
export const BROWSERS: BrowserName[] = (() => {
  const all: BrowserName[] = ['chromium', 'firefox'];
  const wanted = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((w) => !all.includes(w as BrowserName));
  if (unknown.length) throw new Error(`E2E_BROWSERS names unknown browsers: ${unknown.join(', ')}`);
  return all.filter((b) => wanted.includes(b));
})();

export function launch(name: BrowserName, portal: Portal, options?: LaunchOptions): Promise<BrowserUnderTest> {
  return name === 'chromium' ? launchChromium(portal, options) : launchFirefox(portal, options);
}

/** Starts the replica portal before the tests of the enclosing scope and stops it after. */
export function usePortal(): () => Portal {
  let portal: Portal | undefined;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
    portal = undefined;
  });
  return () => {
    if (!portal) throw new Error('The replica portal is not running (usePortal() hooks have not run).');
    return portal;
  };
}

/** Launches `name` with the built extension before the enclosing describe's tests; closes it after. */
export function useBrowser(
  name: BrowserName,
  portal: () => Portal,
  options?: LaunchOptions,
): () => BrowserUnderTest {
  let browser: BrowserUnderTest | undefined;
  beforeAll(async () => {
    browser = await launch(name, portal(), options);
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error(`${name} is not running (it failed to launch, or useBrowser() hooks have not run).`);
    return browser;
  };
}
