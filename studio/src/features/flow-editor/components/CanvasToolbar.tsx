import { Panel } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import { useCanvasCommands } from '../hooks/useCanvasCommands';
import { useShortcutsHelp } from '../hooks/useShortcutsHelp';
import { useEditorStore } from '../store/editor.store';
import { ShortcutsHelp, withKeys } from './ShortcutsHelp';
import type { Shortcut } from './ShortcutsHelp';

type ToolProps = { shortcut: Shortcut; testId: string; symbol: string; onClick: () => void; disabled?: boolean; pressed?: boolean };

function Tool({ shortcut, testId, symbol, onClick, disabled, pressed }: ToolProps) {
  const t = useT();
  const label = withKeys(t, shortcut);
  return (
    <Button variant="ghost" size="small" className="canvas-toolbar__tool" data-testid={testId} title={label} aria-label={label} aria-pressed={pressed} onClick={onClick} disabled={disabled}>
      <span aria-hidden="true">{symbol}</span>
    </Button>
  );
}

/**
 * Undo, redo, tidy up, fit and the shortcuts help, floating over the editable canvas. Memoised:
 * the canvas re-renders on every frame of a drag, the toolbar only when its buttons change.
 */
export const CanvasToolbar = memo(function CanvasToolbar() {
  const t = useT();
  const commands = useCanvasCommands();
  const canUndo = useEditorStore((state) => state.canUndo);
  const canRedo = useEditorStore((state) => state.canRedo);
  const empty = useEditorStore((state) => state.nodes.length === 0);
  const helpOpen = useShortcutsHelp((state) => state.open);
  return (
    <Panel position="top-left" className="canvas-toolbar-panel">
      <div className="canvas-toolbar" role="toolbar" aria-label={t('canvas.toolbar.label')}>
        <Tool shortcut="undo" testId="canvas-undo" symbol="↶" onClick={commands.undo} disabled={!canUndo} />
        <Tool shortcut="redo" testId="canvas-redo" symbol="↷" onClick={commands.redo} disabled={!canRedo} />
        <span className="canvas-toolbar__divider" aria-hidden="true" />
        <Tool shortcut="layout" testId="canvas-layout" symbol="⊞" onClick={commands.layout} disabled={empty} />
        <Tool shortcut="fit" testId="canvas-fit" symbol="⤢" onClick={commands.fit} />
        <Tool shortcut="help" testId="shortcuts-help" symbol="?" onClick={() => useShortcutsHelp.getState().toggle()} pressed={helpOpen} />
      </div>
      {helpOpen && <ShortcutsHelp />}
    </Panel>
  );
});
