import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { useT } from '../../../shared/i18n';
import { showToast } from '../../../shared/ui';
import { flowKeys } from '../../flows/hooks/flowKeys';
import { FIT_VIEW_OPTIONS } from '../../flow-editor/components/CanvasView';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import type { FlowGraph } from '../../flow-editor/types';
import { useDraftSessionStore } from '../store/draftSession.store';
import { useVersionsApi } from './useVersionsApi';

/**
 * Makes a version the draft: the canvas shows the returned flow and the autosave takes its ETag,
 * so the next edit saves on top of the restored draft. Needs the editor's ReactFlowProvider.
 */
export function useRestoreVersion(flowId: string, onRestored: () => void) {
  const t = useT();
  const api = useVersionsApi();
  const queryClient = useQueryClient();
  const { fitView } = useReactFlow();
  return useMutation({
    mutationFn: (version: number) => api.restore(flowId, version),
    onSuccess: (restored, version) => {
      useEditorStore.getState().load(restored.flow.graph as Partial<FlowGraph> | null);
      useDraftSessionStore.getState().adopt?.(restored);
      queryClient.setQueryData(flowKeys.detail(flowId), restored);
      void queryClient.invalidateQueries({ queryKey: flowKeys.list() });
      requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
      showToast(t('versions.restore.done', { version }));
      onRestored();
    },
  });
}
