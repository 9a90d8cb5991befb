import { useErrorMessage, useT } from '../../../shared/i18n';
import { Spinner } from '../../../shared/ui';
import { useFlowList } from '../../flows/hooks/useFlowQueries';

type ChannelFlowsPickerProps = { selected: string[]; onChange: (flowIds: string[]) => void };

/** "Only these flows": none ticked means every published flow answers on the channel. */
export function ChannelFlowsPicker({ selected, onChange }: ChannelFlowsPickerProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const flows = useFlowList();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((flowId) => flowId !== id));

  return (
    <fieldset className="channel-choices" data-testid="channel-flows">
      <legend className="channel-choices__title">{t('channels.form.flows')}</legend>
      <p className="ui-field__hint">{t('channels.form.flowsHint')}</p>
      {flows.isPending && <Spinner label={t('channels.form.flowsLoading')} />}
      {flows.isError && (
        <p className="ui-field__error">
          {t('channels.form.flowsError')} {describeError(flows.error)}
        </p>
      )}
      {flows.isSuccess && flows.data.length === 0 && <p className="ui-field__hint">{t('channels.form.flowsNone')}</p>}
      {flows.isSuccess &&
        flows.data.map((flow) => (
          <label key={flow.id} className="channel-choices__option">
            <input
              type="checkbox"
              checked={selected.includes(flow.id)}
              onChange={(event) => toggle(flow.id, event.target.checked)}
              data-testid={`channel-flow-${flow.id}`}
            />
            <span>{flow.publishedVersion ? flow.name : t('channels.form.flowDraft', { name: flow.name })}</span>
          </label>
        ))}
    </fieldset>
  );
}
