import { Link } from 'react-router';
import { formatDateTime, formatRelativeTime, useErrorMessage, useLanguage, useT } from '../../../shared/i18n';
import { Button, showToast } from '../../../shared/ui';
import { useDuplicateFlow, useExportFlow } from '../hooks/useFlowMutations';
import type { FlowSummary } from '../types';

type FlowRowProps = {
  flow: FlowSummary;
  now: number;
  canEdit: boolean;
  onRename: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
};

export function FlowRow({ flow, now, canEdit, onRename, onDelete }: FlowRowProps) {
  const t = useT();
  const [language] = useLanguage();
  const describeError = useErrorMessage();
  const duplicate = useDuplicateFlow();
  const exportFlow = useExportFlow();
  const nameId = `flow-name-${flow.id}`;

  return (
    <li className="ui-list__item ui-list__line flow-row" data-testid={`flow-row-${flow.id}`}>
      <div className="ui-list__main">
        <Link id={nameId} className="ui-list__name flow-row__name" to={`/flows/${flow.id}`} data-testid="flow-open">
          {flow.name}
        </Link>
        <div className="ui-list__meta">
          <span className={flow.publishedVersion ? 'ui-badge ui-badge--success' : 'ui-badge'} data-testid="flow-status">
            {flow.publishedVersion ? t('flows.published', { version: flow.publishedVersion }) : t('flows.draft')}
          </span>
          <time dateTime={flow.updatedAt} title={formatDateTime(flow.updatedAt, language)} data-testid="flow-updated">
            {t('flows.updated', { time: formatRelativeTime(flow.updatedAt, now, language) })}
          </time>
        </div>
      </div>
      <div className="ui-list__actions" role="group" aria-label={t('flows.actions', { name: flow.name })}>
        {canEdit && (
          <Button size="small" variant="ghost" onClick={() => onRename(flow)} aria-describedby={nameId} data-testid="flow-rename">
            {t('flows.rename')}
          </Button>
        )}
        {canEdit && (
          <Button
            size="small"
            variant="ghost"
            busy={duplicate.isPending}
            aria-describedby={nameId}
            data-testid="flow-duplicate"
            onClick={() =>
              duplicate.mutate(flow.id, {
                onSuccess: (copy) => showToast(t('flows.duplicate.done', { name: copy.name })),
                onError: (error) => showToast(describeError(error), 'error'),
              })
            }
          >
            {t('flows.duplicate')}
          </Button>
        )}
        <Button
          size="small"
          variant="ghost"
          busy={exportFlow.isPending}
          aria-describedby={nameId}
          data-testid="flow-export"
          onClick={() => exportFlow.mutate(flow.id, { onError: (error) => showToast(describeError(error), 'error') })}
        >
          {t('flows.export')}
        </Button>
        {canEdit && (
          <Button size="small" variant="ghost-danger" onClick={() => onDelete(flow)} aria-describedby={nameId} data-testid="flow-delete">
            {t('flows.delete')}
          </Button>
        )}
      </div>
    </li>
  );
}
