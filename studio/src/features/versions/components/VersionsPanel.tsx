import { useState } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, Spinner } from '../../../shared/ui';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { useFlowId, usePublishedVersion, useVersionList } from '../hooks/useVersionQueries';
import { RestoreVersionDialog } from './RestoreVersionDialog';
import { VersionItem } from './VersionItem';
import { VersionViewer } from './VersionViewer';

/** The dock's version history: newest first, each viewable (read-only, with a diff) and restorable. */
export function VersionsPanel() {
  const t = useT();
  const describeError = useErrorMessage();
  const flowId = useFlowId();
  const versions = useVersionList(flowId);
  const publishedVersion = usePublishedVersion(flowId);
  const [viewing, setViewing] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  return (
    <section className="versions-panel" data-testid="versions-panel" aria-labelledby="versions-panel-title">
      <header className="versions-panel__header">
        <h2 id="versions-panel-title" className="versions-panel__title">
          {t('versions.panel.title')}
        </h2>
        <Button size="small" variant="ghost" onClick={() => useDockStore.getState().close()} aria-label={t('common.close')}>
          ×
        </Button>
      </header>
      {versions.isPending && <Spinner label={t('app.loading')} />}
      {versions.isError && (
        <Alert data-testid="versions-error">
          {t('versions.panel.loadError')} {describeError(versions.error)}
        </Alert>
      )}
      {versions.data?.length === 0 && (
        <p className="versions-panel__empty" data-testid="versions-empty">
          {t('versions.panel.empty')}
        </p>
      )}
      {versions.data && versions.data.length > 0 && (
        <ol className="versions-panel__list">
          {versions.data.map((version) => (
            <VersionItem
              key={version.version}
              version={version}
              published={version.version === publishedVersion}
              onView={() => setViewing(version.version)}
              onRestore={() => setRestoring(version.version)}
            />
          ))}
        </ol>
      )}
      {viewing !== null && (
        <VersionViewer
          flowId={flowId}
          version={viewing}
          escapeCloses={restoring === null}
          onClose={() => setViewing(null)}
          onRestore={() => setRestoring(viewing)}
        />
      )}
      {restoring !== null && (
        <RestoreVersionDialog
          flowId={flowId}
          version={restoring}
          onCancel={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null);
            setViewing(null);
          }}
        />
      )}
    </section>
  );
}
