// CPU time of a browser's processes, read from Linux's /proc (row 6 in Firefox, which gives
// automation no per-thread CPU time). Each process's main thread (tid = pid), in nanoseconds
// from /proc/<pid>/task/<pid>/schedstat: time on a CPU only, so the time the machine gives
// other work (and steal time) is not in it.
import { readdirSync, readFileSync } from 'node:fs';

const readOr = (path, fallback) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
};

/** Every descendant of `root` (pids), from /proc/<pid>/stat's parent field. */
function descendants(root) {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOr(`/proc/${entry}/stat`, '');
    // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parentOf.set(Number(entry), ppid);
  }
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

/** Main-thread CPU time (ns) of every process below `rootPid`; null where /proc has no schedstat. */
export function mainThreadCpu(rootPid) {
  if (!rootPid || readOr(`/proc/${rootPid}/task/${rootPid}/schedstat`, null) === null) return null;
  const times = new Map();
  for (const pid of descendants(rootPid)) {
    const text = readOr(`/proc/${pid}/task/${pid}/schedstat`, null);
    if (text !== null) times.set(pid, Number(text.split(' ')[0]));
  }
  return times;
}

/** Per process, how much CPU time `after` holds over `before` (processes in both). */
export function cpuDelta(before, after) {
  const delta = new Map();
  for (const [pid, ns] of after) if (before.has(pid)) delta.set(pid, ns - before.get(pid));
  return delta;
}
