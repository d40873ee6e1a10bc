import type { ConfigProblem } from '../../lib/config/load';
import { ignoredSummary, t } from '../i18n';
import { problemText } from '../problem-text';
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
    <Section id="problems" title={t('options.problems.section')}>
      <p>
        {t('options.problems.rest', { summary })}
        {policy.length > 0 && ` ${t('options.problems.admins')}`}
      </p>
      <ul class="pg-opt-problems">
        {problems.map((p, i) => (
          <li key={i} data-source={p.source} data-path={p.path}>
            <span class="pg-opt-problem-source">{p.source === 'policy' ? t('options.problems.policy') : t('options.problems.user')}</span>{' '}
            <code class="pg-opt-path">{p.path || t('options.problems.all')}</code>: {problemText(p)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
