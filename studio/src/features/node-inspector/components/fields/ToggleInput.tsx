import { useT } from '../../../../shared/i18n';
import type { InputProps } from '../fieldProps';

/** A boolean as a switch; an unset field shows its default. */
export function ToggleInput(field: InputProps) {
  const t = useT();
  const checked = (field.value ?? field.schema.default) === true;
  return (
    <span className="inspector-toggle">
      <input
        id={field.inputId}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-describedby={field.describedBy}
        data-testid={field.testId}
        onChange={(event) => field.onChange(event.target.checked)}
      />
      <span aria-hidden="true">{checked ? t('inspector.toggle.on') : t('inspector.toggle.off')}</span>
    </span>
  );
}
