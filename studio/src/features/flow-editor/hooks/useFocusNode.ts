import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { motionMs } from '../../../shared/ui';
import { useEditorStore } from '../store/editor.store';

/**
 * Selects a node and centres the canvas on it (a problem, a trace step or a search result was
 * clicked). Needs the editor's ReactFlowProvider, which wraps every dock panel.
 */
export function useFocusNode(): (nodeId: string) => void {
  const { getNode, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const node = getNode(nodeId);
      if (!node) return;
      useEditorStore.getState().selectOnly(nodeId);
      const width = node.measured?.width ?? 240;
      const height = node.measured?.height ?? 100;
      void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: motionMs(300) });
    },
    [getNode, setCenter, getZoom],
  );
}
