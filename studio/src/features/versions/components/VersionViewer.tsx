import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, Spinner } from '../../../shared/ui';
import { CanvasView } from '../../flow-editor/components/CanvasView';
import { NodeDiffContext } from '../../flow-editor/components/nodeDiff';
import { toGraph, useEditorStore } from '../../flow-editor/store/editor.store';
import { useVersion } from '../hooks/useVersionQueries';
import { buildDiffCanvas, versionCanvas } from '../lib/diffCanvas';
import { DiffLegend } from './DiffLegend';

type VersionViewerProps = {
  flowId: string;
  version: number;
  /** False while a dialog above it owns Escape. */
  escapeCloses: boolean;
  onClose: () => void;
  onRestore: () => void;
};

/**
 * An old version over the whole editor, read-only; optionally merged with the draft, each node
 * marked added (only in the draft), removed (only in the version, ghosted) or changed.
 */
export function VersionViewer({ flowId, version, escapeCloses, onClose, onRestore }: VersionViewerProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const titleId = useId();
  const detail = useVersion(flowId, version);
  const [compare, setCompare] = useState(false);
  // The draft as it was when the viewer opened: the editor behind it cannot change meanwhile.
  const [draft] = useState(() => toGraph(useEditorStore.getState()));
  const canvas = useMemo(() => {
    if (!detail.data) return null;
    return compare ? buildDiffCanvas(detail.data.graph, draft) : { ...versionCanvas(detail.data.graph), kinds: null, counts: null };
  }, [detail.data, compare, draft]);

  useEffect(() => {
    if (!escapeCloses) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [escapeCloses, onClose]);

  return (
    <div className="version-viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="version-viewer" data-version={version}>
      <header className="version-viewer__header">
        <h2 id={titleId} className="version-viewer__title">
          {t('versions.viewer.title', { version })}
        </h2>
        <label className="version-viewer__toggle">
          <input type="checkbox" checked={compare} onChange={(event) => setCompare(event.target.checked)} data-testid="version-diff-toggle" />
          {t('versions.viewer.compare')}
        </label>
        {canvas?.counts && <DiffLegend counts={canvas.counts} />}
        <div className="version-viewer__actions">
          <Button size="small" onClick={onRestore} disabled={!detail.data} data-testid="version-restore">
            {t('versions.item.restore')}
          </Button>
          <Button size="small" variant="ghost" onClick={onClose} data-testid="version-viewer-close">
            {t('versions.viewer.close')}
          </Button>
        </div>
      </header>
      <div className="version-viewer__body">
        {detail.isPending && <Spinner label={t('versions.viewer.loading')} />}
        {detail.isError && (
          <Alert>
            {t('versions.viewer.loadError')} {describeError(detail.error)}
          </Alert>
        )}
        {canvas && (
          // Its own provider: this canvas's viewport and node lookup are not the editor's. Keyed
          // by mode so that switching fits the view to the nodes now shown.
          <ReactFlowProvider key={compare ? 'diff' : 'version'}>
            <NodeDiffContext.Provider value={canvas.kinds}>
              <CanvasView nodes={canvas.nodes} edges={canvas.edges} testId="version-canvas" ariaLabel={t('versions.viewer.canvas', { version })} />
            </NodeDiffContext.Provider>
          </ReactFlowProvider>
        )}
      </div>
    </div>
  );
}
