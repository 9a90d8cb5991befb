import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api';
import { useT } from '../../../shared/i18n';
import { showToast } from '../../../shared/ui';
import { flowKeys } from '../../flows/hooks/flowKeys';
import type { PublishInput } from '../api/versionsApi';
import type { PublishedVersion, PublishProblem } from '../types';
import { useVersionsApi } from './useVersionsApi';

/** The problems a 422 `FLOW_INVALID` lists, or null for any other failure. */
export function rejectedProblems(error: unknown): PublishProblem[] | null {
  if (!isApiError(error, 'FLOW_INVALID')) return null;
  const errors = error.details.errors;
  return Array.isArray(errors) ? (errors as PublishProblem[]) : [];
}

/** Publishes the draft with the ETag the person saw; on success a toast and fresh flow queries. */
export function usePublishFlow(flowId: string, getEtag: () => string, onPublished: () => void) {
  const t = useT();
  const api = useVersionsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => api.publish(flowId, input, getEtag()),
    onSuccess: (published: PublishedVersion) => {
      const { policy, migrated, restarted } = published.conversations;
      showToast(
        policy === 'drain'
          ? t('versions.publish.done', { version: published.version })
          : t('versions.publish.doneMigrated', { version: published.version, migrated, restarted }),
      );
      // The list's "Publicado · versão N", the detail's publishedVersion and the versions list.
      void queryClient.invalidateQueries({ queryKey: flowKeys.all });
      onPublished();
    },
  });
}
