// A Chromium managed policy file for the extension, written for one screenshot and always
// removed again: a policy left in /etc/chromium/policies would change every later browser run.
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MANAGED_DIR = '/etc/chromium/policies/managed';

export interface PolicyFile {
  path: string;
  remove(): void;
}

/** Writes `{"3rdparty":{"extensions":{id: policy}}}`; remove() deletes it and the folders it made. */
export function writeChromiumPolicy(extensionId: string, policy: unknown): PolicyFile {
  const path = join(MANAGED_DIR, 'priority-guard-store-assets.json');
  const created: string[] = [];
  for (let dir = MANAGED_DIR; !existsSync(dir); dir = dirname(dir)) created.unshift(dir);
  for (const dir of created) mkdirSync(dir);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    rmSync(path, { force: true });
    for (const dir of [...created].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty: something else lives there now
      }
    }
  };
  // Also on Ctrl-C or a crash between write and remove.
  process.once('exit', remove);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      remove();
      process.exit(130);
    });
  }
  try {
    writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}
