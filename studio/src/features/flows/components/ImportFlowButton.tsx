import { useId } from 'react';
import { useT } from '../../../shared/i18n';
import { buttonClassName, showToast } from '../../../shared/ui';
import type { useImportFlow } from '../hooks/useFlowMutations';

type ImportFlowButtonProps = { importFlow: ReturnType<typeof useImportFlow> };

/**
 * A file picker that looks like a button. The input stays in the page (only visually hidden) so
 * it keeps keyboard focus and tests can hand it a file; its label is what people see and click.
 */
export function ImportFlowButton({ importFlow }: ImportFlowButtonProps) {
  const t = useT();
  const id = useId();
  return (
    <>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="ui-visually-hidden flow-import__input"
        data-testid="import-flow-input"
        disabled={importFlow.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared at once, so picking the same file again (after fixing it) fires a change.
          event.target.value = '';
          if (file) importFlow.mutate(file, { onSuccess: (flow) => showToast(t('flows.import.done', { name: flow.name })) });
        }}
      />
      <label htmlFor={id} className={buttonClassName('secondary', 'medium', 'flow-import__label')} aria-busy={importFlow.isPending || undefined}>
        {importFlow.isPending ? t('flows.importing') : t('flows.import')}
      </label>
    </>
  );
}
