import { useCallback } from 'react';
import { useT } from '../../../shared/i18n';
import { showToast } from '../../../shared/ui';

/**
 * Copies to the system clipboard and says so. Without a clipboard (an insecure origin, a refused
 * permission) it says how to copy by hand: the text stays selectable on the screen.
 */
export function useCopyText(): (text: string, done: string) => Promise<void> {
  const t = useT();
  return useCallback(
    async (text: string, done: string) => {
      try {
        if (!navigator.clipboard) throw new Error('No clipboard');
        await navigator.clipboard.writeText(text);
        showToast(done);
      } catch {
        showToast(t('channels.connection.copyFailed'), 'error');
      }
    },
    [t],
  );
}
