import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';

/** No channel yet: say what a channel is and offer the first step. */
export function ChannelsEmptyState({ canManage, onConnect }: { canManage: boolean; onConnect: () => void }) {
  const t = useT();
  return (
    <section className="channels-empty" data-testid="channels-empty" aria-labelledby="channels-empty-title">
      <svg className="channels-empty__art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
        <rect x="6" y="10" width="52" height="30" rx="10" />
        <rect x="62" y="40" width="52" height="30" rx="10" />
        <path d="M18 40l-6 12 16-12M102 70l6 8-16-8" fill="none" />
      </svg>
      <h2 id="channels-empty-title" className="channels-empty__title">
        {t('channels.empty.title')}
      </h2>
      <p className="channels-empty__body">{t('channels.empty.body')}</p>
      {canManage && (
        <Button variant="primary" onClick={onConnect} data-testid="empty-new-channel">
          {t('channels.empty.create')}
        </Button>
      )}
    </section>
  );
}
