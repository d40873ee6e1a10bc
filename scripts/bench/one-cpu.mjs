// Starting a browser with every process it will ever start bound to one CPU (row 6,
// docs/performance.md: on this two-core VM a browser free to use both CPUs runs the same
// chunk of DOM work at very different speeds from one moment to the next).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The last CPU this process may run on (Linux), or null. */
function lastAllowedCpu() {
  try {
    const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    const last = list?.split(',').at(-1)?.split('-').at(-1);
    return last === undefined || !/^\d+$/.test(last) ? null : Number(last);
  } catch {
    return null;
  }
}

/** A word for sh, quoted. */
const shellWord = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * A script that starts `executablePath` bound to one CPU (the last one allowed), with
 * taskset (Linux, util-linux); null where that is not possible. Child processes inherit
 * the binding. `remove()` deletes the script once the browser has closed.
 */
export function onOneCpu(executablePath) {
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));
  const cpu = lastAllowedCpu();
  if (!taskset || cpu === null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-one-cpu-'));
  const script = join(dir, 'browser');
  writeFileSync(script, `#!/bin/sh\nexec ${taskset} -c ${cpu} ${shellWord(executablePath)} "$@"\n`);
  chmodSync(script, 0o755);
  return { script, cpu, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
