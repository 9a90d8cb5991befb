import type { ReactNode } from 'react';
import { asObject } from '../lib/schema';
import { fieldKindOf } from '../lib/fieldKind';
import type { FieldKind } from '../lib/fieldKind';
import { FieldFrame } from './FieldFrame';
import type { FieldProps, InputProps } from './fieldProps';
import { FlowSelect } from './fields/FlowSelect';
import { JsonInput } from './fields/JsonInput';
import { KeyValueField } from './fields/KeyValueField';
import { ListField } from './fields/ListField';
import { NumberInput } from './fields/NumberInput';
import { SelectInput } from './fields/SelectInput';
import { StringListField } from './fields/StringListField';
import { TextInput } from './fields/TextInput';
import { ToggleInput } from './fields/ToggleInput';
import { VariableInput } from './fields/VariableInput';
import { ObjectFields } from './ObjectFields';

const GROUPS: ReadonlySet<FieldKind> = new Set(['list', 'stringList', 'keyValue', 'object', 'conditions', 'schedule']);

function renderInput(kind: FieldKind, input: InputProps): ReactNode {
  switch (kind) {
    case 'text':
      return <TextInput {...input} />;
    case 'textarea':
      return <TextInput {...input} multiline />;
    case 'code':
      return <TextInput {...input} monospace />;
    case 'secret':
      return <TextInput {...input} type="password" />;
    case 'variable':
      return <VariableInput {...input} />;
    case 'number':
      return <NumberInput {...input} />;
    case 'select':
      return <SelectInput {...input} />;
    case 'toggle':
      return <ToggleInput {...input} />;
    case 'flow':
      return <FlowSelect {...input} />;
    case 'list':
    case 'schedule':
      return <ListField {...input} />;
    case 'stringList':
      return <StringListField {...input} />;
    case 'keyValue':
      return <KeyValueField {...input} />;
    case 'object':
    case 'conditions':
      return <ObjectFields schema={input.schema} path={input.path} value={input.value} onChange={input.onChange} />;
    case 'json':
      return <JsonInput {...input} />;
  }
}

/** One config field: its frame (label, help, error) around the component for its kind. */
export function SchemaField(field: FieldProps) {
  const kind = fieldKindOf(field.schema);
  // An object left unset still shows its fields; their edits create it.
  const value = (kind === 'object' || kind === 'conditions') && field.value !== undefined && !asObject(field.value) ? undefined : field.value;
  return (
    <FieldFrame {...field} value={value} group={GROUPS.has(kind)}>
      {(input) => <div className={`inspector-kind inspector-kind--${kind}`}>{renderInput(kind, input)}</div>}
    </FieldFrame>
  );
}
