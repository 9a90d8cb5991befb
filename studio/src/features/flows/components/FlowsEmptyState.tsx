import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';

/** No flows yet: say what a flow is and offer the first step. */
export function FlowsEmptyState({ canEdit, creating, onCreate }: { canEdit: boolean; creating: boolean; onCreate: () => void }) {
  const t = useT();
  return (
    <section className="flows-empty" data-testid="flows-empty" aria-labelledby="flows-empty-title">
      <svg className="flows-empty__art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
        <rect x="4" y="8" width="40" height="22" rx="6" />
        <rect x="76" y="8" width="40" height="22" rx="6" />
        <rect x="40" y="50" width="40" height="22" rx="6" />
        <path d="M44 19h32M96 30v10a6 6 0 0 1-6 6H66v4" fill="none" />
      </svg>
      <h2 id="flows-empty-title" className="flows-empty__title">
        {t('flows.empty.title')}
      </h2>
      <p className="flows-empty__body">{t('flows.empty.body')}</p>
      {canEdit && (
        <Button variant="primary" busy={creating} onClick={onCreate} data-testid="empty-new-flow">
          {t('flows.empty.create')}
        </Button>
      )}
    </section>
  );
}
