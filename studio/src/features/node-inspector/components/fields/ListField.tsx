import { useT } from '../../../../shared/i18n';
import { ObjectFields } from '../ObjectFields';
import type { InputProps } from '../fieldProps';
import { ItemControls } from './ItemControls';
import { ListAddButton } from './ListAddButton';
import { listShape } from './listShape';

/**
 * A list of objects (buttons, switch cases, rules, schedule intervals): each item a nested form
 * with up/down/remove; a new item gets its defaults and, when its `id` names a port, a fresh id.
 */
export function ListField(field: InputProps) {
  const t = useT();
  const list = listShape(field);
  return (
    <div className="inspector-list">
      {list.items.length === 0 && <p className="inspector-field__help">{t('inspector.list.empty')}</p>}
      <ol className="inspector-list__items">
        {list.items.map((item, index) => (
          // Items have no stable key of their own beyond their position (ids may be edited).
          <li key={index} className="inspector-item" data-testid={`list-item-${list.path}.${index}`}>
            <div className="inspector-item__head">
              <span className="inspector-item__title">{t('inspector.list.item', { n: index + 1 })}</span>
              <ItemControls
                path={list.path}
                index={index}
                count={list.items.length}
                field={list.title}
                canRemove={list.canRemove}
                onMove={(to) => list.move(index, to)}
                onRemove={() => list.remove(index)}
              />
            </div>
            <ObjectFields schema={list.itemSchema} path={[...field.path, index]} value={item} onChange={(value) => list.replace(index, value)} />
          </li>
        ))}
      </ol>
      <ListAddButton path={list.path} field={list.title} disabled={!list.canAdd} maxItems={list.maxItems} onAdd={list.add} />
    </div>
  );
}
