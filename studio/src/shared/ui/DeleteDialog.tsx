import type { ReactNode } from 'react';
import { useErrorMessage, useT } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { showToast } from './toast.store';

/** What the dialog needs of a feature's delete mutation (a react-query `useMutation` result fits). */
type Removal = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  mutate: (id: string, options: { onSuccess: () => void }) => void;
};

type DeleteDialogProps = {
  /** What to delete, and the feature's mutation that deletes it. */
  id: string;
  removal: Removal;
  title: string;
  confirmLabel: string;
  /** The toast once it is gone. */
  doneMessage: string;
  /** What deleting takes with it. */
  children: ReactNode;
  onClose: () => void;
};

/** Deleting cannot be undone: ask first, keep the dialog (and any error) until the server agrees, then say it is done. */
export function DeleteDialog({ id, removal, title, confirmLabel, doneMessage, children, onClose }: DeleteDialogProps) {
  const t = useT();
  const describeError = useErrorMessage();
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={t('common.cancel')}
      danger
      busy={removal.isPending}
      error={removal.isError ? describeError(removal.error) : undefined}
      onCancel={onClose}
      onConfirm={() =>
        removal.mutate(id, {
          onSuccess: () => {
            showToast(doneMessage);
            onClose();
          },
        })
      }
    >
      {children}
    </ConfirmDialog>
  );
}
