import { useT } from '../../../shared/i18n';
import type { DiffCounts } from '../lib/graphDiff';

const KINDS = ['added', 'removed', 'changed'] as const;

/** "2 blocos adicionados · 1 alterado": only the kinds that happened. */
export function DiffCountList({ counts }: { counts: DiffCounts }) {
  const t = useT();
  return (
    <ul className="diff-counts">
      {KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
        <li key={kind} className={`diff-counts__item diff-counts__item--${kind}`} data-testid={`diff-count-${kind}`}>
          {t(`versions.count.${kind}`, { count: counts[kind] })}
        </li>
      ))}
    </ul>
  );
}
