import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'error' | 'info';
  children: ReactNode;
  'data-testid'?: string;
};

/** An inline message. Errors are announced at once (role=alert); information politely (role=status). */
export function Alert({ tone = 'error', children, ...rest }: AlertProps) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`ui-alert ui-alert--${tone}`} {...rest}>
      {children}
    </div>
  );
}
