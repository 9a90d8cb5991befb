import { useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { useT } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import { iconEmoji } from '../lib/nodeIcons';
import { matchesSearch } from '../lib/searchText';
import type { NodeTypeView } from '../types';

/** The drag payload: which node type is being dropped on the canvas. */
export const NODE_TYPE_MIME = 'application/x-fluxo-node-type';

const categoryKeys: Record<string, MessageKey> = {
  triggers: 'editor.category.triggers',
  messages: 'editor.category.messages',
  logic: 'editor.category.logic',
  ai: 'editor.category.ai',
  knowledge: 'editor.category.knowledge',
  tools: 'editor.category.tools',
  people: 'editor.category.people',
  custom: 'editor.category.custom',
};

/** Latest node types by category, in the catalog's order, filtered by the search. */
export function groupPalette(views: NodeTypeView[], query: string): Array<{ category: string; items: NodeTypeView[] }> {
  const groups = new Map<string, NodeTypeView[]>();
  for (const view of views) {
    if (view.latest === false || !matchesSearch(query, view.title, view.description)) continue;
    groups.set(view.category, [...(groups.get(view.category) ?? []), view]);
  }
  return [...groups].map(([category, items]) => ({ category, items }));
}

type NodePaletteProps = {
  nodeTypes: NodeTypeView[];
  /** A click (or Enter/Space) adds the node at the centre of the view. */
  onAdd: (view: NodeTypeView) => void;
};

export function NodePalette({ nodeTypes, onAdd }: NodePaletteProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupPalette(nodeTypes, query), [nodeTypes, query]);

  const startDrag = (event: DragEvent, view: NodeTypeView) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, `${view.type}@${view.version}`);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <aside className="palette" aria-label={t('editor.palette.title')} data-testid="palette">
      <h2 className="palette__title">{t('editor.palette.title')}</h2>
      <input
        type="search"
        className="palette__search"
        placeholder={t('editor.palette.search')}
        aria-label={t('editor.palette.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="palette-search"
      />
      <p className="palette__hint">{t('editor.palette.hint')}</p>
      {groups.length === 0 && <p className="palette__empty">{t('editor.palette.empty')}</p>}
      {groups.map((group) => (
        <section key={group.category} className="palette__group" data-testid={`palette-group-${group.category}`}>
          <h3 className="palette__category">{categoryKeys[group.category] ? t(categoryKeys[group.category]!) : group.category}</h3>
          <ul className="palette__items">
            {group.items.map((view) => (
              <li key={view.type}>
                <button
                  type="button"
                  className="palette__item"
                  draggable
                  onDragStart={(event) => startDrag(event, view)}
                  onClick={() => onAdd(view)}
                  title={t('editor.palette.add', { title: view.title })}
                  data-testid={`palette-item-${view.type}`}
                >
                  <span className="palette__icon" aria-hidden="true">
                    {iconEmoji(view.icon)}
                  </span>
                  <span className="palette__text">
                    <span className="palette__name">{view.title}</span>
                    <span className="palette__description">{view.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
