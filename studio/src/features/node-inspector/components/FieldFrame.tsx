import { useId } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import { validateField } from '../lib/validateField';
import { joinPath, titleOf } from '../lib/schema';
import type { FieldProps, InputProps } from './fieldProps';
import { useInspectorForm } from './inspectorFormContext';

type FieldFrameProps = FieldProps & {
  /** Fieldsets and lists title themselves with a legend instead of a label. */
  group?: boolean;
  children(input: InputProps): ReactNode;
};

/**
 * The frame every field shares: label, help, and the error under it (this field's own rule it
 * breaks, else the server's problem at this path), tied to the input by `aria-describedby`.
 */
export function FieldFrame({ group = false, children, ...field }: FieldFrameProps) {
  const t = useT();
  const id = useId();
  const { serverErrors } = useInspectorForm();
  const path = joinPath(field.path);
  const local = validateField(field.schema, field.value, field.required);
  const error = local ? t(local.key, local.params) : serverErrors.get(path);
  const help = typeof field.schema.description === 'string' ? field.schema.description : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const helpId = help ? `${id}-help` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const title = titleOf(field.schema, String(field.path[field.path.length - 1] ?? ''));
  const input = children({ ...field, inputId: id, describedBy, invalid: !!error, testId: `input-${path}` });
  const caption = (
    <>
      {title}
      {!field.required && !group && <span className="inspector-field__optional"> {t('inspector.optional')}</span>}
    </>
  );
  const notes = (
    <>
      {error && (
        <p id={errorId} className="inspector-field__error" data-testid={`field-error-${path}`} role="alert">
          {error}
        </p>
      )}
      {help && (
        <p id={helpId} className="inspector-field__help">
          {help}
        </p>
      )}
    </>
  );
  if (group) {
    return (
      <fieldset className={classNames('inspector-field', 'inspector-field--group', error && 'inspector-field--invalid')} data-testid={`field-${path}`} aria-describedby={describedBy}>
        <legend className="inspector-field__label">{caption}</legend>
        {input}
        {notes}
      </fieldset>
    );
  }
  return (
    <div className={classNames('inspector-field', error && 'inspector-field--invalid')} data-testid={`field-${path}`}>
      <label className="inspector-field__label" htmlFor={id}>
        {caption}
      </label>
      {input}
      {notes}
    </div>
  );
}
