import { useT } from '../../../shared/i18n';
import type { DiffCounts } from '../lib/graphDiff';
import { hasChanges } from '../lib/graphDiff';

const LABELS = {
  added: 'versions.viewer.legendAdded',
  removed: 'versions.viewer.legendRemoved',
  changed: 'versions.viewer.legendChanged',
} as const;
const KINDS = ['added', 'removed', 'changed'] as const;

/** What the colours of the diff mean, with how many nodes each has. */
export function DiffLegend({ counts }: { counts: DiffCounts }) {
  const t = useT();
  if (!hasChanges(counts)) {
    return (
      <p className="diff-legend diff-legend--same" data-testid="version-diff-legend">
        {t('versions.viewer.same')}
      </p>
    );
  }
  return (
    <ul className="diff-legend" aria-label={t('versions.viewer.legend')} data-testid="version-diff-legend">
      {KINDS.map((kind) => (
        <li key={kind} className={`diff-legend__item diff-legend__item--${kind}`} data-testid={`version-diff-count-${kind}`} data-count={counts[kind]}>
          <span className="diff-legend__swatch" aria-hidden="true" />
          {t(LABELS[kind], { count: counts[kind] })}
        </li>
      ))}
    </ul>
  );
}
