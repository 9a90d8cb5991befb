import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { JsonObject } from '@fluxo/node-sdk';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, ConfirmDialog, Spinner, buttonClassName, showToast } from '../../../shared/ui';
import { MergeContactDialog } from '../../contacts/components/MergeContactDialog';
import { buildNodeCatalog, NodeCatalogContext } from '../../flow-editor/components/nodeTypesContext';
import { useNodeTypes } from '../../flow-editor/hooks/useNodeTypes';
import { useConversation, useConversationFlow, useResetConversation } from '../hooks/useConversationQueries';
import { Transcript } from './Transcript';
import { TraceViewer } from './TraceViewer';
import { useConversationLabels } from './useConversationLabels';
import './conversations.css';

type GraphNodeLike = { id: string; label?: string; config?: JsonObject };

/** `/conversations/:id`: the transcript, the turns' trace (linking to the editor) and a reset. */
export function ConversationDetailPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const id = useParams().id ?? '';
  const conversation = useConversation(id);
  const labels = useConversationLabels();
  const nodeTypes = useNodeTypes();
  const flowId = conversation.data?.flowId ?? conversation.data?.turns.find((turn) => turn.flowId)?.flowId ?? null;
  const flow = useConversationFlow(flowId);
  const reset = useResetConversation(id);
  const [confirming, setConfirming] = useState(false);
  const [merging, setMerging] = useState(false);

  if (conversation.isPending) return <Spinner label={t('app.loading')} />;
  if (conversation.isError) return <Alert data-testid="conversation-error">{`${t('conversations.detail.loadError')} ${describeError(conversation.error)}`}</Alert>;

  const detail = conversation.data;
  const graphNodes = ((flow.data?.flow.graph as { nodes?: GraphNodeLike[] } | null)?.nodes ?? []) as GraphNodeLike[];
  const nodeOf = (nodeId: string) => graphNodes.find((node) => node.id === nodeId);
  const name = detail.contact.name || t('conversations.unknownContact');

  return (
    <NodeCatalogContext.Provider value={buildNodeCatalog(nodeTypes.data ?? [])}>
      <section className="conversation-detail" data-testid="conversation-detail">
        <header className="conversations__header">
          <Link to="/conversations" className={buttonClassName('ghost', 'small')}>
            ← {t('conversations.detail.back')}
          </Link>
          <h1>{t('conversations.detail.title', { name })}</h1>
          <span className="conversations__meta">
            {labels.channel(detail)} · <span data-testid="conversation-status">{labels.status(detail.status)}</span>
          </span>
          {flowId && (
            <Link to={`/flows/${flowId}`} className={buttonClassName('ghost', 'small')}>
              {t('conversations.detail.openFlow')}
            </Link>
          )}
          {detail.source === 'live' && (
            <Button size="small" variant="ghost" onClick={() => setMerging(true)} data-testid="conversation-merge-contact">
              {t('contacts.merge.open')}
            </Button>
          )}
          <Button size="small" variant="ghost-danger" onClick={() => setConfirming(true)} data-testid="conversation-reset">
            {t('conversations.reset')}
          </Button>
        </header>
        <div className="conversation-detail__body">
          <section>
            <h2>{t('conversations.detail.transcript')}</h2>
            <Transcript messages={detail.messages} />
          </section>
          <section>
            <h2>{t('trace.title')}</h2>
            <TraceViewer
              turns={detail.turns.map((turn) => ({ id: turn.id, status: turn.status, trace: turn.trace ?? [] }))}
              nodeOf={nodeOf}
              stepHref={flowId ? (nodeId) => `/flows/${flowId}?node=${encodeURIComponent(nodeId)}` : undefined}
            />
          </section>
        </div>
      </section>
      {merging && (
        <MergeContactDialog
          contact={detail.contact}
          onClose={() => setMerging(false)}
          onMerged={(merged) => {
            setMerging(false);
            showToast(t('contacts.merge.done', { name: merged.name || t('conversations.unknownContact') }));
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('conversations.reset.title')}
          confirmLabel={t('conversations.reset.confirm')}
          cancelLabel={t('common.cancel')}
          danger
          busy={reset.isPending}
          error={reset.isError ? describeError(reset.error) : undefined}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            reset.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                showToast(t('conversations.reset.done'));
              },
            })
          }
        >
          {t('conversations.reset.body')}
        </ConfirmDialog>
      )}
    </NodeCatalogContext.Provider>
  );
}
