import { useNodesInitialized } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFocusNode } from '../../flow-editor/hooks/useFocusNode';

/**
 * `/flows/:id?node=<nodeId>` (a trace step clicked on a conversation page): selects that node
 * once the flow is loaded, and centres on it again once the nodes are measured (after the
 * canvas fitted the whole flow). Read once: later navigation inside the editor leaves it alone.
 */
export function useFocusNodeFromQuery(): void {
  const [params] = useSearchParams();
  const [nodeId] = useState(() => params.get('node'));
  const initialised = useNodesInitialized();
  const focusNode = useFocusNode();
  useEffect(() => {
    if (nodeId) focusNode(nodeId);
  }, [nodeId, initialised, focusNode]);
}
