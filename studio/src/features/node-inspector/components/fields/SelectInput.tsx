import { useT } from '../../../../shared/i18n';
import { hintsOf } from '../../lib/schema';
import type { InputProps } from '../fieldProps';

/** An enum as a select, with `x-fluxo.optionLabels`; an unset field shows its default. */
export function SelectInput(field: InputProps) {
  const t = useT();
  const options = (Array.isArray(field.schema.enum) ? field.schema.enum : []).filter((option) => option !== null && typeof option !== 'object');
  const labels = hintsOf(field.schema).optionLabels ?? {};
  const current = field.value ?? field.schema.default;
  // Option values are the enum values as text (a number or boolean enum maps back through the list).
  const selected = options.find((option) => option === current);
  return (
    <select
      id={field.inputId}
      className="inspector-input"
      value={selected === undefined ? '' : String(selected)}
      aria-invalid={field.invalid || undefined}
      aria-describedby={field.describedBy}
      data-testid={field.testId}
      onChange={(event) => field.onChange(event.target.value === '' ? undefined : options.find((option) => String(option) === event.target.value))}
    >
      {selected === undefined && <option value="">{t('inspector.select.none')}</option>}
      {options.map((option) => (
        <option key={String(option)} value={String(option)}>
          {labels[String(option)] ?? String(option)}
        </option>
      ))}
    </select>
  );
}
