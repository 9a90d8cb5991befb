import { useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './classNames';

type DialogProps = {
  title: string;
  /** Escape, or a close button inside: the parent decides whether the dialog goes away. */
  onClose: () => void;
  children: ReactNode;
  /** A feature's own class, e.g. for a wider dialog. */
  className?: string;
  'data-testid'?: string;
};

/**
 * A modal on the native `<dialog>`: the browser traps focus, makes the page behind inert and
 * closes on Escape. Render it only while it is open; it gives focus back to where it came from.
 */
export function Dialog({ title, onClose, children, className, ...rest }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={classNames('ui-dialog', className)}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Keep React in charge of whether the dialog is shown.
        event.preventDefault();
        onClose();
      }}
      {...rest}
    >
      <div className="ui-dialog__body">
        <h2 id={titleId} className="ui-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="ui-dialog__actions">{children}</div>;
}
