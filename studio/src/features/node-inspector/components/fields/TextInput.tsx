import { useRef } from 'react';
import type { ChangeEvent } from 'react';
import { useT } from '../../../../shared/i18n';
import { useTemplateAutocomplete } from '../../hooks/useTemplateAutocomplete';
import { hintsOf } from '../../lib/schema';
import type { InputProps } from '../fieldProps';
import { useInspectorForm } from '../inspectorFormContext';
import { VariableSuggestions } from '../VariableSuggestions';

type TextInputProps = InputProps & { multiline?: boolean; monospace?: boolean; type?: 'text' | 'password'; list?: string };

/**
 * A one-line input or a text area; `x-fluxo.templated` fields get the `{{ }}` autocomplete.
 * Code fields are text areas in a monospace font.
 */
export function TextInput({ multiline = false, monospace = false, type = 'text', list, ...field }: TextInputProps) {
  const t = useT();
  const { suggestions } = useInspectorForm();
  const hints = hintsOf(field.schema);
  const templated = !!hints.templated;
  const auto = useTemplateAutocomplete(suggestions, (text) => field.onChange(text));
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const listId = `${field.inputId}-suggestions`;
  const text = typeof field.value === 'string' ? field.value : field.value === undefined ? '' : String(field.value);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    field.onChange(event.target.value);
    if (templated) auto.track(event.target);
  };
  const shared = {
    ref: element,
    id: field.inputId,
    value: text,
    placeholder: hints.placeholder,
    'aria-invalid': field.invalid || undefined,
    'aria-describedby': field.describedBy,
    'data-testid': field.testId,
    className: monospace ? 'inspector-input inspector-input--code' : 'inspector-input',
    spellCheck: monospace ? false : undefined,
    onChange,
    ...(templated && {
      title: t('inspector.suggestions.hint'),
      role: 'combobox',
      'aria-autocomplete': 'list' as const,
      'aria-expanded': auto.isOpen,
      'aria-controls': auto.isOpen ? listId : undefined,
      'aria-activedescendant': auto.isOpen && auto.matches.length > 0 ? `${listId}-${auto.active}` : undefined,
      onKeyDown: auto.onKeyDown,
      onBlur: auto.close,
    }),
  };
  return (
    <div className="inspector-text">
      {multiline || monospace ? <textarea rows={monospace ? 5 : 3} {...shared} /> : <input type={type} list={list} autoComplete="off" {...shared} />}
      {templated && auto.isOpen && (
        <VariableSuggestions id={listId} matches={auto.matches} active={auto.active} onChoose={(suggestion) => element.current && auto.choose(element.current, suggestion)} />
      )}
    </div>
  );
}
