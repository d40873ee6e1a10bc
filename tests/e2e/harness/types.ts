// The common surface the end-to-end tests use, whichever browser runs them.
// chromium.ts (Playwright) and firefox.ts (Puppeteer over WebDriver BiDi) implement it.

export type BrowserName = 'chromium' | 'firefox';

/** One form submission the replica portal received (see tests/support/portal-server.mjs). */
export interface Submission {
  host: string;
  path: string;
  fields: { name: string; value: string }[];
  at: number;
}

/** The running replica portal (tests/support/portal-server.mjs). */
export interface Portal {
  /** HTTPS port of the replica (every host name is served by it). */
  port: number;
  /** HTTP CONNECT proxy that tunnels any host to the replica (Firefox uses it). */
  proxyPort: number;
  /** Live list: grows as the replica receives POSTs. */
  submissions: Submission[];
  close(): Promise<void>;
}

export interface WaitOptions {
  /** Milliseconds; default 10 000. */
  timeout?: number;
  /**
   * attached (default): in the DOM; visible: in the DOM and rendered;
   * hidden: not in the DOM, or in it but not rendered.
   */
  state?: 'attached' | 'visible' | 'hidden';
}

export interface GotoOptions {
  /** Milliseconds; default 30 000. */
  timeout?: number;
  /** load (default): after the page's load event; commit: once the new document is current, still loading. */
  until?: 'load' | 'commit';
}

/** A thin wrapper over one tab. Selectors are CSS; use BrowserUnderTest.deep() for open shadow roots. */
export interface PageUnderTest {
  /**
   * Opens url. For web pages, resolves after the page's load event. For extension pages
   * (chrome-extension://, moz-extension://), resolves once the document is committed,
   * not loaded: follow with waitFor() on something the page renders.
   */
  goto(url: string, options?: GotoOptions): Promise<void>;
  /** Resolves when selector reaches the state; rejects after the timeout. */
  waitFor(selector: string, options?: WaitOptions): Promise<void>;
  /** A real, trusted mouse click on the (first) matching element, once it is visible. */
  click(selector: string): Promise<void>;
  /** A real key press on the focused element: 'Enter', 'ArrowDown', 'Escape', 'Tab', 'a'... */
  press(key: string): Promise<void>;
  /** Focuses the matching element by clicking it and types text key by key. */
  type(selector: string, text: string): Promise<void>;
  /** textContent of every matching element (pierces shadow roots if the selector does). */
  texts(selector: string): Promise<string[]>;
  /** Runs fn in the page's main world. fn is serialised: it cannot close over test variables. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  screenshot(path: string): Promise<void>;
  /** The document's current URL (read from the page, so it is right for extension pages too). */
  url(): Promise<string>;
  close(): Promise<void>;
  /** Uncaught errors thrown in the page since it opened (message text). */
  readonly errors: readonly string[];
}

export interface BrowserUnderTest {
  readonly name: BrowserName;
  /** Absolute URL of a file of the built extension, e.g. extensionUrl('popup.html'). */
  extensionUrl(path: string): string;
  newPage(): Promise<PageUnderTest>;
  /** A selector for `inner` inside the OPEN shadow root of `host`, in this browser's dialect. */
  deep(host: string, inner: string): string;
  /** What the replica portal has received so far (live array). */
  submissions(): Submission[];
  /** Closes the browser and removes its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Built extension directory; defaults to .output/chrome-mv3 or .output/firefox-mv2. */
  extensionDir?: string;
  /** Show the browser window (also: E2E_HEADED=1). */
  headed?: boolean;
  /**
   * A profile directory to use and keep, to start the browser again with the same profile
   * (the caller removes it). Firefox keeps the temporarily installed extension's storage
   * and moz-extension host across such restarts.
   */
  profileDir?: string;
  /**
   * The browser's UI language, e.g. 'ja' or 'pt-BR' (default: the browser's own, English here).
   * Chromium: --lang and LANGUAGE (needs the chromium-l10n package); Firefox:
   * intl.locale.requested with the distribution's language packs enabled (firefox-esr-l10n-*).
   */
  locale?: string;
}
