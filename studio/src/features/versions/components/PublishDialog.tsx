import { useId, useState } from 'react';
import { isApiError } from '../../../shared/api';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, Dialog, DialogActions, Spinner } from '../../../shared/ui';
import type { SaveStatus } from '../../flow-editor/hooks/useAutosave';
import { useFocusNode } from '../../flow-editor/hooks/useFocusNode';
import { rejectedProblems, usePublishFlow } from '../hooks/usePublishFlow';
import { useFlowId, usePublishedVersion, usePublishValidation, useVersionList } from '../hooks/useVersionQueries';
import { MAX_CHANGELOG } from '../types';
import type { LiveConversationPolicy } from '../types';
import { LivePolicyChoice } from './LivePolicyChoice';
import { PublishChanges } from './PublishChanges';
import { PublishProblems } from './PublishProblems';

export type PublishDialogProps = {
  saveStatus: SaveStatus;
  /** The ETag of the draft as last saved: what is checked and published. */
  getEtag: () => string;
  onClose: () => void;
};

/**
 * Publishes what the person sees: it waits for pending edits to be saved, checks that saved draft,
 * says what changes for customers, and publishes with its ETag (a draft saved elsewhere meanwhile
 * is refused, not published unseen).
 */
export function PublishDialog({ saveStatus, getEtag, onClose }: PublishDialogProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const flowId = useFlowId();
  const focusNode = useFocusNode();
  const changelogId = useId();
  const saved = saveStatus === 'saved';
  const validation = usePublishValidation(flowId, saved ? getEtag() : null);
  const publishedVersion = usePublishedVersion(flowId);
  const versions = useVersionList(flowId);
  const live = (versions.data ?? []).reduce((sum, version) => sum + version.liveConversations, 0);
  const [changelog, setChangelog] = useState('');
  const [policy, setPolicy] = useState<LiveConversationPolicy>('drain');
  const publish = usePublishFlow(flowId, getEtag, onClose);

  const rejected = rejectedProblems(publish.error);
  const problems = rejected ?? (validation.data?.publishable === false ? validation.data.problems : null);
  const goTo = (nodeId: string) => {
    onClose();
    focusNode(nodeId);
  };

  return (
    <Dialog title={t('versions.publish.title')} onClose={onClose} data-testid="publish-dialog">
      <div className="publish-dialog">
        {!saved && <SaveWait status={saveStatus} />}
        {saved && validation.isPending && (
          <p className="publish-dialog__status" data-testid="publish-checking">
            <Spinner label={t('versions.publish.checking')} />
            <span aria-hidden="true">{t('versions.publish.checking')}</span>
          </p>
        )}
        {saved && validation.isError && (
          <Alert>
            {t('versions.publish.checkFailed')} {describeError(validation.error)}
          </Alert>
        )}
        {rejected && <Alert>{t('versions.publish.invalid')}</Alert>}
        {problems && problems.length > 0 && <PublishProblems problems={problems} onPick={goTo} />}
        {saved && !problems && validation.data?.publishable && (
          <Alert tone="info" data-testid="publish-ready">
            {t('versions.publish.ready')}
          </Alert>
        )}
        {saved && <PublishChanges flowId={flowId} publishedVersion={publishedVersion} />}
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={changelogId}>
            {t('versions.publish.changelog')}
          </label>
          <textarea
            id={changelogId}
            className="ui-field__input publish-dialog__changelog"
            rows={3}
            maxLength={MAX_CHANGELOG}
            value={changelog}
            onChange={(event) => setChangelog(event.target.value)}
            aria-describedby={`${changelogId}-hint`}
            data-testid="publish-changelog"
          />
          <p id={`${changelogId}-hint`} className="ui-field__hint">
            {t('versions.publish.changelogHint', { used: changelog.length, max: MAX_CHANGELOG })}
          </p>
        </div>
        {live > 0 && <LivePolicyChoice count={live} value={policy} onChange={setPolicy} />}
        {publish.error && !rejected && (
          <Alert data-testid="publish-error">
            {isApiError(publish.error) && publish.error.status === 412 ? t('versions.publish.changedElsewhere') : describeError(publish.error)}
          </Alert>
        )}
      </div>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="primary"
          busy={publish.isPending}
          disabled={!saved || validation.isPending || validation.data?.publishable === false || Boolean(rejected)}
          onClick={() => publish.mutate({ changelog, liveConversations: live > 0 ? policy : 'drain' })}
          data-testid="publish-confirm"
        >
          {t('versions.publish.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Pending edits: publishing waits for them, or says why it cannot. */
function SaveWait({ status }: { status: SaveStatus }) {
  const t = useT();
  if (status === 'error' || status === 'conflict') return <Alert data-testid="publish-save-failed">{t('versions.publish.saveFailed')}</Alert>;
  return (
    <p className="publish-dialog__status" data-testid="publish-waiting-save">
      <Spinner label={t('versions.publish.waitingSave')} />
      <span aria-hidden="true">{t('versions.publish.waitingSave')}</span>
    </p>
  );
}
