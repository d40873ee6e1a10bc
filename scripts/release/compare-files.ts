import { createHash } from 'node:crypto';

export interface FileDifference {
  path: string;
  problem: string;
}

const digest = (content: Buffer) => createHash('sha256').update(content).digest('hex').slice(0, 12);

/** Every file that is not byte for byte the same in both sets, sorted by path. */
export function compareFileSets(
  expected: ReadonlyMap<string, Buffer>,
  actual: ReadonlyMap<string, Buffer>,
  names: { expected: string; actual: string },
): FileDifference[] {
  const differences: FileDifference[] = [];
  for (const [path, content] of expected) {
    const other = actual.get(path);
    if (!other) differences.push({ path, problem: `only in ${names.expected}` });
    else if (!content.equals(other)) {
      differences.push({
        path,
        problem: `differs: ${content.length} bytes (sha256 ${digest(content)}…) in ${names.expected}, ${other.length} bytes (sha256 ${digest(other)}…) in ${names.actual}`,
      });
    }
  }
  for (const path of actual.keys()) {
    if (!expected.has(path)) differences.push({ path, problem: `only in ${names.actual}` });
  }
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}
