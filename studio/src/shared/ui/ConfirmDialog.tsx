import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';

type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A destructive action gets a red button. */
  danger?: boolean;
  busy?: boolean;
  error?: string;
};

/** "Are you sure?" Cancel comes first, so it is what Enter hits when the dialog opens. */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, danger, busy, error }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} data-testid="confirm-dialog">
      <div>{children}</div>
      {error && <Alert>{error}</Alert>}
      <DialogActions>
        <Button onClick={onCancel} data-testid="confirm-cancel">
          {cancelLabel}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm} data-testid="confirm-accept">
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
