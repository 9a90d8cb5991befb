import { variableNames } from '../../lib/variableSuggestions';
import type { InputProps } from '../fieldProps';
import { useInspectorForm } from '../inspectorFormContext';
import { TextInput } from './TextInput';

/** A variable name: free text, offering the names the flow already declares or writes. */
export function VariableInput(field: InputProps) {
  const { suggestions } = useInspectorForm();
  const listId = `${field.inputId}-names`;
  return (
    <>
      <TextInput {...field} list={listId} />
      <datalist id={listId}>
        {variableNames(suggestions).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
