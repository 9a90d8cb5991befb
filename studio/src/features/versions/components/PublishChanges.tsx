import { useMemo } from 'react';
import { useT } from '../../../shared/i18n';
import { Spinner } from '../../../shared/ui';
import { toGraph, useEditorStore } from '../../flow-editor/store/editor.store';
import { useVersion } from '../hooks/useVersionQueries';
import { diffGraphs, hasChanges } from '../lib/graphDiff';
import { DiffCountList } from './DiffCountList';

type PublishChangesProps = { flowId: string; publishedVersion: number | null };

/** What publishing changes for customers: the draft against the version they talk to now. */
export function PublishChanges({ flowId, publishedVersion }: PublishChangesProps) {
  const t = useT();
  const published = useVersion(flowId, publishedVersion);
  const counts = useMemo(() => (published.data ? diffGraphs(published.data.graph, toGraph(useEditorStore.getState())).counts : null), [published.data]);

  if (publishedVersion === null) {
    return (
      <p className="publish-changes" data-testid="publish-changes" data-first="true">
        {t('versions.publish.firstPublish')}
      </p>
    );
  }
  if (!counts) {
    // Without the published version the summary is only missing, publishing still works.
    if (published.isError) return null;
    return (
      <p className="publish-changes" data-testid="publish-changes">
        <Spinner label={t('versions.publish.changesLoading')} />
        <span aria-hidden="true">{t('versions.publish.changesLoading')}</span>
      </p>
    );
  }
  return (
    <div className="publish-changes" data-testid="publish-changes">
      {hasChanges(counts) ? (
        <>
          <p>{t('versions.publish.changesTitle', { version: publishedVersion })}</p>
          <DiffCountList counts={counts} />
        </>
      ) : (
        <p>{t('versions.publish.noChanges', { version: publishedVersion })}</p>
      )}
    </div>
  );
}
