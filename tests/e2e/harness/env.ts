// Where things are: the built extension, the browsers, the replica portal.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserName, Portal } from './types';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: '.output/chrome-mv3',
  firefox: '.output/firefox-mv2',
};

const EXECUTABLES: Record<BrowserName, { env: string; path: string; apt: string; label: string }> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium', label: 'Chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr', label: 'Firefox' },
};

/** The built extension for this browser; throws a helpful error if it has not been built. */
export function extensionDir(browser: BrowserName, override?: string): string {
  const dir = resolve(REPO_ROOT, override ?? BUILD_DIRS[browser]);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir} (manifest.json missing): run \`npm run build\` first.`);
  }
  return dir;
}

/** The browser binary: $CHROMIUM_PATH / $FIREFOX_PATH, else the Debian package's. */
export function executablePath(browser: BrowserName): string {
  const { env, path, apt, label } = EXECUTABLES[browser];
  const chosen = process.env[env] || path;
  if (!existsSync(chosen)) {
    const hint = process.env[env]
      ? `${env}=${chosen} does not exist`
      : `install it with \`sudo apt-get install -y ${apt}\` or set ${env}`;
    throw new Error(`${label} is missing: ${hint}.`);
  }
  return chosen;
}

export function headed(option: boolean | undefined): boolean {
  return option ?? process.env.E2E_HEADED === '1';
}

/** A fresh temporary directory and the function that removes it. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 3 }) };
}

interface PortalModule {
  startPortalServer(options?: { port?: number; proxyPort?: number; log?: boolean }): Promise<Portal>;
}
interface TlsModule {
  REPLICA_HOSTS: string[];
}

// The support modules are plain JavaScript without declarations: import them through a
// computed specifier and give them their types here.
async function importSupport<T>(file: string): Promise<T> {
  const url = pathToFileURL(join(REPO_ROOT, 'tests/support', file)).href;
  return (await import(/* @vite-ignore */ url)) as T;
}

/** Starts the HTTPS replica portal and its CONNECT proxy on free ports. */
export async function startPortal(): Promise<Portal> {
  const { startPortalServer } = await importSupport<PortalModule>('portal-server.mjs');
  return startPortalServer({ log: process.env.E2E_LOG === '1' });
}

/** Host names the replica's certificate covers (and that the browsers send to it). */
export async function replicaHosts(): Promise<string[]> {
  return (await importSupport<TlsModule>('tls.mjs')).REPLICA_HOSTS;
}

/** Runs the cleanups in order, keeping going past failures; rethrows the first. */
export async function cleanUp(steps: (() => unknown)[]): Promise<void> {
  let first: unknown;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}
