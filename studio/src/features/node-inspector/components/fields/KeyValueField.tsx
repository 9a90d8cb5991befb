import { useT } from '../../../../shared/i18n';
import type { JsonObject, JsonValue } from '../../../flow-editor/types';
import { asObject, joinPath, titleOf } from '../../lib/schema';
import type { InputProps } from '../fieldProps';
import { SchemaField } from '../SchemaField';
import { ItemControls } from './ItemControls';
import { ListAddButton } from './ListAddButton';

/** Renames a key in place, keeping the order of the others. */
function renamed(object: JsonObject, from: string, to: string): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value]));
}

/** Name → value pairs (HTTP headers): an object edited as rows, values checked by `additionalProperties`. */
export function KeyValueField(field: InputProps) {
  const t = useT();
  const object = asObject(field.value) ?? {};
  const entries = Object.entries(object);
  const path = joinPath(field.path);
  const keySchema = { type: 'string', ...asObject(field.schema.propertyNames), title: t('inspector.keyValue.key') };
  const valueSchema = { type: 'string', ...asObject(field.schema.additionalProperties), title: t('inspector.keyValue.value') };
  const templated = asObject(field.schema['x-fluxo'])?.templated === true;
  const change = (next: JsonObject) => field.onChange(Object.keys(next).length === 0 ? undefined : next);
  return (
    <div className="inspector-list inspector-list--pairs">
      {entries.length === 0 && <p className="inspector-field__help">{t('inspector.list.empty')}</p>}
      <ol className="inspector-list__items">
        {entries.map(([key, value], index) => (
          <li key={index} className="inspector-pair">
            <SchemaField
              schema={keySchema}
              path={[...field.path, index, 'key']}
              value={key}
              required
              onChange={(name) => typeof name === 'string' && !(name in object && name !== key) && change(renamed(object, key, name))}
            />
            <SchemaField
              schema={{ ...valueSchema, 'x-fluxo': { templated } }}
              path={[...field.path, key]}
              value={value}
              required={false}
              onChange={(next: JsonValue | undefined) => change({ ...object, [key]: next ?? '' })}
            />
            <ItemControls
              path={path}
              index={index}
              count={entries.length}
              field={titleOf(field.schema, path)}
              canRemove
              onMove={(to) => {
                const order = [...entries];
                const [moved] = order.splice(index, 1);
                if (moved && to >= 0 && to <= order.length) order.splice(to, 0, moved);
                change(Object.fromEntries(order.length === entries.length ? order : entries));
              }}
              onRemove={() => change(Object.fromEntries(entries.filter((_entry, i) => i !== index)))}
            />
          </li>
        ))}
      </ol>
      <ListAddButton path={path} field={titleOf(field.schema, path)} disabled={'' in object} onAdd={() => change({ ...object, '': '' })} />
    </div>
  );
}
