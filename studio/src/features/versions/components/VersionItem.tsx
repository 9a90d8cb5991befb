import { formatDateTime, formatRelativeTime, useLanguage, useT } from '../../../shared/i18n';
import { useNow } from '../../../shared/lib/useNow';
import { Button } from '../../../shared/ui';
import type { VersionSummary } from '../types';

type VersionItemProps = {
  version: VersionSummary;
  published: boolean;
  onView: () => void;
  onRestore: () => void;
};

/** One published version: who, when, what changed, and what can be done with it. */
export function VersionItem({ version, published, onView, onRestore }: VersionItemProps) {
  const t = useT();
  const [language] = useLanguage();
  const now = useNow();
  return (
    <li className="version-item" data-testid="version-item" data-version={version.version}>
      <div className="version-item__head">
        <strong className="version-item__title">{t('versions.item.title', { version: version.version })}</strong>
        {published && (
          <span className="version-item__badge" data-testid="version-published">
            {t('versions.item.published')}
          </span>
        )}
      </div>
      <p className="version-item__meta">
        <span data-testid="version-author">{version.author?.name ?? t('versions.item.unknownAuthor')}</span>
        {' · '}
        <time dateTime={version.createdAt} title={formatDateTime(version.createdAt, language)} data-testid="version-time">
          {formatRelativeTime(version.createdAt, now, language)}
        </time>
      </p>
      <p className={version.changelog ? 'version-item__changelog' : 'version-item__changelog version-item__changelog--empty'} data-testid="version-changelog">
        {version.changelog || t('versions.item.noChangelog')}
      </p>
      {version.liveConversations > 0 && (
        <p className="version-item__live" data-testid="version-live">
          {t('versions.item.live', { count: version.liveConversations })}
        </p>
      )}
      <div className="version-item__actions">
        <Button size="small" onClick={onView} data-testid="version-view">
          {t('versions.item.view')}
        </Button>
        <Button size="small" variant="ghost" onClick={onRestore} data-testid="version-restore">
          {t('versions.item.restore')}
        </Button>
      </div>
    </li>
  );
}
