import { useT } from '../../../../shared/i18n';
import { asObject, hintsOf, titleOf } from '../../lib/schema';
import type { InputProps } from '../fieldProps';
import { SchemaField } from '../SchemaField';
import { ItemControls } from './ItemControls';
import { ListAddButton } from './ListAddButton';
import { listShape } from './listShape';

/** A list of plain values (keywords, holidays): one input per value, each with its own checks. */
export function StringListField(field: InputProps) {
  const t = useT();
  const list = listShape(field);
  const placeholder = hintsOf(field.schema).placeholder;
  const itemHints = asObject(list.itemSchema['x-fluxo']) ?? {};
  // Items take the list's placeholder: the schema puts it on the list, the input is the item's.
  const itemSchema = { ...list.itemSchema, 'x-fluxo': placeholder ? { ...itemHints, placeholder } : itemHints };
  return (
    <div className="inspector-list inspector-list--values">
      {list.items.length === 0 && <p className="inspector-field__help">{t('inspector.list.empty')}</p>}
      <ol className="inspector-list__items">
        {list.items.map((item, index) => (
          <li key={index} className="inspector-value-row">
            <SchemaField
              schema={{ ...itemSchema, title: t('inspector.list.item', { n: index + 1 }) }}
              path={[...field.path, index]}
              value={item}
              required
              onChange={(value) => list.replace(index, value)}
            />
            <ItemControls
              path={list.path}
              index={index}
              count={list.items.length}
              field={titleOf(field.schema, list.path)}
              canRemove={list.canRemove}
              onMove={(to) => list.move(index, to)}
              onRemove={() => list.remove(index)}
            />
          </li>
        ))}
      </ol>
      <ListAddButton path={list.path} field={list.title} disabled={!list.canAdd} maxItems={list.maxItems} onAdd={list.add} />
    </div>
  );
}
