import { useState } from 'react';
import { useT } from '../../../../shared/i18n';
import { hintsOf } from '../../lib/schema';
import type { InputProps } from '../fieldProps';

/**
 * A number field. What is typed stays as typed (so "1," or "-" can be on the way to a number);
 * the config gets the number, or loses the key when the field is emptied.
 */
export function NumberInput(field: InputProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof field.value === 'number' ? String(field.value) : '');
  const parsed = draft === null || draft.trim() === '' ? null : Number(draft.replace(',', '.'));
  const notNumber = parsed !== null && Number.isNaN(parsed);
  const errorId = `${field.inputId}-number`;
  return (
    <>
      <input
        id={field.inputId}
        className="inspector-input inspector-input--number"
        inputMode="decimal"
        value={shown}
        placeholder={hintsOf(field.schema).placeholder}
        aria-invalid={field.invalid || notNumber || undefined}
        aria-describedby={[notNumber ? errorId : undefined, field.describedBy].filter(Boolean).join(' ') || undefined}
        data-testid={field.testId}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') field.onChange(undefined);
          else {
            const number = Number(text.replace(',', '.'));
            if (!Number.isNaN(number)) field.onChange(number);
          }
        }}
        onBlur={() => setDraft(null)}
      />
      {notNumber && (
        <p id={errorId} className="inspector-field__error">
          {t('inspector.error.number')}
        </p>
      )}
    </>
  );
}
