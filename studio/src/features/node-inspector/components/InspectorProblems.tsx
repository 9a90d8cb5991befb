import { useT } from '../../../shared/i18n';
import type { FlowProblem } from '../../flow-editor/types';

type InspectorProblemsProps = { problems: readonly FlowProblem[]; describe(problem: FlowProblem): string };

/** The server's problems with this node, above the form (the same ones also sit under their field). */
export function InspectorProblems({ problems, describe }: InspectorProblemsProps) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <section className="inspector-problems" data-testid="inspector-problems" aria-label={t('inspector.problems')}>
      <h3 className="inspector-problems__title">{t('inspector.problems')}</h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.code}-${problem.path ?? ''}-${index}`} data-testid="inspector-problem" data-code={problem.code} data-path={problem.path}>
            {describe(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
