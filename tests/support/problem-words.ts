// Problems as the UI shows them (components/problem-text.ts, in the catalogue's language), for
// assertions on their plain words: which key, what was expected, what was given.
import { problemText } from '@/components/problem-text';
import type { ConfigProblem } from '@/lib/config/problem';

export function worded(problems: readonly ConfigProblem[]): { source: ConfigProblem['source']; path: string; message: string }[] {
  return problems.map((p) => ({ source: p.source, path: p.path, message: problemText(p) }));
}
