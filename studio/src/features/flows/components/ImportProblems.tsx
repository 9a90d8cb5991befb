import { isApiError } from '../../../shared/api';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button } from '../../../shared/ui';
import { NotJsonFileError } from '../hooks/readFlowFile';
import type { FlowFileProblem } from '../types';

/** Why an import failed: not JSON, or the server's list of what is wrong in the file. */
export function ImportProblems({ error, file, onDismiss }: { error: unknown; file: File | undefined; onDismiss: () => void }) {
  const t = useT();
  const describeError = useErrorMessage();
  const fileName = file?.name ?? '';
  const problems = isApiError(error, 'INVALID_FLOW_FILE') ? asProblems(error.details.problems) : [];
  return (
    <Alert data-testid="import-error">
      {error instanceof NotJsonFileError ? (
        <p>{t('flows.import.notJson', { file: fileName })}</p>
      ) : problems.length === 0 ? (
        <p>{describeError(error)}</p>
      ) : (
        <>
          {/* The server names each wrong part of the file; its words are English, the field paths are exact. */}
          <p>{t('flows.import.problems', { file: fileName })}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.field}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <Button size="small" onClick={onDismiss}>
        {t('common.close')}
      </Button>
    </Alert>
  );
}

function asProblems(value: unknown): FlowFileProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FlowFileProblem => typeof item === 'object' && item !== null && typeof item.field === 'string' && typeof item.message === 'string',
  );
}
