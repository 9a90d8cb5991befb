import { useId } from 'react';
import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: string;
  text: string;
  /** The first step to offer (a button), if the person may take it. */
  action?: ReactNode;
  /** The shapes of a small drawing, on a 120 × 80 grid; decoration only. */
  art: ReactNode;
  'data-testid'?: string;
};

/** Nothing in a list yet: say what would be there and offer the first step. */
export function EmptyState({ title, text, action, art, ...rest }: EmptyStateProps) {
  const titleId = useId();
  return (
    <section className="ui-empty" aria-labelledby={titleId} {...rest}>
      <svg className="ui-empty__art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
        {art}
      </svg>
      <h2 id={titleId} className="ui-empty__title">
        {title}
      </h2>
      <p className="ui-empty__body">{text}</p>
      {action}
    </section>
  );
}
