import { ignoredSummary, type ConfigProblem } from '../../lib/config/load';
import { Section } from './common';

/** The settings that were ignored, in plain words. Rendered as text: nothing in them is markup. */
export function ProblemList({ problems }: { problems: readonly ConfigProblem[] }) {
  if (problems.length === 0) return null;
  const policy = problems.filter((p) => p.source === 'policy');
  const user = problems.filter((p) => p.source === 'user');
  const summary = [
    policy.length ? ignoredSummary(policy.length, 'policy') : '',
    user.length ? ignoredSummary(user.length, 'user') : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <Section id="problems" title="Settings that were ignored">
      <p>
        {summary}. Everything else applies, and the guard keeps working with the defaults in their place.
        {policy.length > 0 &&
          ' Administrators: correct these in the policy, then check it in chrome://policy, edge://policy or about:policies.'}
      </p>
      <ul class="pg-opt-problems">
        {problems.map((p, i) => (
          <li key={i} data-source={p.source} data-path={p.path}>
            <span class="pg-opt-problem-source">{p.source === 'policy' ? 'Organisation policy' : 'Your settings'}</span>{' '}
            <code class="pg-opt-path">{p.path || '(all settings)'}</code>: {p.message}
          </li>
        ))}
      </ul>
    </Section>
  );
}
