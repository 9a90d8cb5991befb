import { useT } from '../../../../shared/i18n';
import { useFlowList } from '../../../flows/hooks/useFlowQueries';
import type { InputProps } from '../fieldProps';

/** One of the tenant's flows, by id (jumpToFlow). A flow deleted since stays visible as such. */
export function FlowSelect(field: InputProps) {
  const t = useT();
  const flows = useFlowList();
  const current = typeof field.value === 'string' ? field.value : '';
  const known = flows.data?.some((flow) => flow.id === current) ?? false;
  return (
    <>
      <select
        id={field.inputId}
        className="inspector-input"
        value={current}
        disabled={flows.isPending}
        aria-busy={flows.isPending || undefined}
        aria-invalid={field.invalid || undefined}
        aria-describedby={field.describedBy}
        data-testid={field.testId}
        onChange={(event) => field.onChange(event.target.value || undefined)}
      >
        <option value="">{flows.isPending ? t('inspector.flow.loading') : t('inspector.select.none')}</option>
        {current && flows.data && !known && <option value={current}>{t('inspector.flow.missing', { id: current })}</option>}
        {flows.data?.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name}
          </option>
        ))}
      </select>
      {flows.isError && <p className="inspector-field__error">{t('inspector.flow.error')}</p>}
    </>
  );
}
