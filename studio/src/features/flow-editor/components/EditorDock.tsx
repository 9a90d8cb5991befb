import type { ReactNode } from 'react';
import { useDockStore } from '../store/dock.store';
import type { DockPanel } from '../store/dock.store';
import { useEditorStore } from '../store/editor.store';
import { NodeInspector } from '../../node-inspector/components/NodeInspector';
import { VersionsPanel } from '../../versions/components/VersionsPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { SimulatorPanel } from '../../simulator/components/SimulatorPanel';
import { SimulatorTracePanel } from '../../simulator/components/SimulatorTracePanel';

/** The id of the one selected node, or null (none, or several): a string, so the selector is stable. */
export function useSingleSelectedNodeId(): string | null {
  return useEditorStore((state) => {
    let found: string | null = null;
    for (const node of state.nodes) {
      if (!node.selected) continue;
      if (found) return null;
      found = node.id;
    }
    return found;
  });
}

/**
 * The right-hand dock: the panel asked for (simulator, versions, problems, trace), else the
 * inspector of the one selected node. Each feature renders its own panel here.
 */
export function EditorDock() {
  const panel = useDockStore((state) => state.panel);
  const selectedId = useSingleSelectedNodeId();
  const shown: DockPanel | null = panel ?? (selectedId ? 'inspector' : null);
  if (!shown) return null;
  const content = renderPanel(shown, selectedId);
  if (!content) return null;
  return (
    <aside className="editor-dock" data-testid="editor-dock" data-panel={shown}>
      {content}
    </aside>
  );
}

function renderPanel(panel: DockPanel, selectedId: string | null): ReactNode {
  switch (panel) {
    case 'inspector':
      return selectedId ? <NodeInspector nodeId={selectedId} /> : null;
    case 'problems':
      return <ProblemsPanel />;
    case 'versions':
      return <VersionsPanel />;
    case 'simulator':
      return <SimulatorPanel />;
    case 'trace':
      return <SimulatorTracePanel />;
    default:
      return null;
  }
}
