import { useT } from '../i18n';
import { useToastStore } from './toast.store';

/** The corner where confirmations appear; a live region, so screen readers read them too. */
export function Toaster() {
  const t = useT();
  const toasts = useToastStore((state) => state.toasts);
  const dismiss = useToastStore((state) => state.dismiss);
  return (
    <section className="ui-toaster" aria-label={t('toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`ui-toast ui-toast--${toast.tone}`} data-testid="toast">
          <p className="ui-toast__text">{toast.text}</p>
          <button type="button" className="ui-toast__close" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
