import { useId, useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import { iconEmoji } from '../../flow-editor/lib/nodeIcons';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import type { NodeTypeView } from '../../flow-editor/types';

type InspectorHeaderProps = { nodeId: string; type: string; label: string | undefined; view: NodeTypeView | undefined };

/** The type's icon, title and description, the node's own name, and the close button. */
export function InspectorHeader({ nodeId, type, label, view }: InspectorHeaderProps) {
  const t = useT();
  const labelId = useId();
  // The store trims the name; while typing, the input keeps what was typed (a trailing space too).
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <header className="inspector__header">
      <div className="inspector__heading">
        <span className="inspector__icon" title={view?.icon} aria-hidden="true">
          {iconEmoji(view?.icon)}
        </span>
        <h2 className="inspector__title" data-testid="inspector-type">
          {view?.title ?? type}
        </h2>
        <Button size="small" variant="ghost" aria-label={t('inspector.close')} title={t('inspector.close')} data-testid="inspector-close" onClick={() => useEditorStore.getState().selectOnly(null)}>
          ✕
        </Button>
      </div>
      {view?.description && <p className="inspector__description">{view.description}</p>}
      <div className="inspector-field">
        <label className="inspector-field__label" htmlFor={labelId}>
          {t('inspector.label')}
        </label>
        <input
          id={labelId}
          className="inspector-input"
          value={draft ?? label ?? ''}
          placeholder={view?.title ?? type}
          title={t('inspector.labelHint')}
          maxLength={100}
          data-testid="inspector-label"
          onChange={(event) => {
            setDraft(event.target.value);
            useEditorStore.getState().updateNodeLabel(nodeId, event.target.value);
          }}
          onBlur={() => setDraft(null)}
        />
      </div>
    </header>
  );
}
