import type { JsonValue } from '../../../flow-editor/types';
import { asObject, joinPath, numberKeyword, titleOf } from '../../lib/schema';
import { moveItem, newListItem } from '../../lib/configValue';
import type { FieldProps } from '../fieldProps';

/** What ListField and StringListField share: the items, the limits and the edits. */
export function listShape(field: FieldProps) {
  const items: JsonValue[] = Array.isArray(field.value) ? field.value : [];
  const itemSchema = asObject(field.schema.items) ?? {};
  const maxItems = numberKeyword(field.schema, 'maxItems');
  const minItems = numberKeyword(field.schema, 'minItems') ?? 0;
  const path = joinPath(field.path);
  return {
    items,
    itemSchema,
    path,
    title: titleOf(field.schema, path),
    maxItems,
    canAdd: maxItems === undefined || items.length < maxItems,
    canRemove: items.length > minItems,
    add: () => field.onChange([...items, newListItem(itemSchema, items)]),
    remove: (index: number) => field.onChange(items.filter((_item, i) => i !== index)),
    move: (from: number, to: number) => field.onChange(moveItem(items, from, to)),
    replace: (index: number, value: JsonValue | undefined) => field.onChange(items.map((item, i) => (i === index ? (value ?? '') : item))),
  };
}
