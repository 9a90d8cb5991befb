import { useT } from '../../../shared/i18n';
import type { JsonObject, JsonValue } from '../../flow-editor/types';
import { withProperty } from '../lib/configValue';
import { asObject, propertiesOf, requiredOf } from '../lib/schema';
import type { FieldSchema } from '../lib/schema';
import { isFieldVisible } from '../lib/visibility';
import { SchemaField } from './SchemaField';

type ObjectFieldsProps = {
  schema: FieldSchema;
  path: readonly (string | number)[];
  value: JsonValue | undefined;
  onChange(value: JsonObject): void;
};

/**
 * An object's properties, one field each, in schema order. A field hidden by `visibleWhen` keeps
 * its value in the config; it is only not shown.
 */
export function ObjectFields({ schema, path, value, onChange }: ObjectFieldsProps) {
  const t = useT();
  const object = asObject(value) ?? {};
  const properties = propertiesOf(schema);
  const required = requiredOf(schema);
  const siblings = asObject(schema.properties) ?? {};
  if (properties.length === 0 && path.length === 0) return <p className="inspector-field__help">{t('inspector.noFields')}</p>;
  return (
    <div className="inspector-fields">
      {properties
        .filter(([, property]) => isFieldVisible(property, object, siblings))
        .map(([name, property]) => (
          <SchemaField
            key={name}
            schema={property}
            path={[...path, name]}
            value={object[name]}
            required={required.has(name)}
            onChange={(next) => onChange(withProperty(object, name, next, required.has(name)))}
          />
        ))}
    </div>
  );
}
