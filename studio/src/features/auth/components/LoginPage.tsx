import { Link } from 'react-router';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { useForm } from '../../../shared/lib/useForm';
import { collectErrors, email, required } from '../../../shared/lib/validation';
import { Alert, Button, TextField } from '../../../shared/ui';
import { useLogin } from '../hooks/useLogin';
import { useSessionStore } from '../store/session.store';
import { AuthLayout } from './AuthLayout';

export function LoginPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const login = useLogin();
  const sessionExpired = useSessionStore((state) => state.endReason === 'expired');
  const form = useForm({ email: '', password: '' }, (values) =>
    collectErrors({ email: email(values.email), password: required(values.password) }),
  );

  return (
    <AuthLayout
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={
        <>
          {t('auth.login.noAccount')} <Link to="/signup">{t('auth.login.toSignup')}</Link>
        </>
      }
    >
      {sessionExpired && !login.isError && <Alert tone="info">{t('auth.login.sessionExpired')}</Alert>}
      <form
        className="auth__form"
        noValidate
        onSubmit={form.handleSubmit((values) => login.mutate({ email: values.email.trim(), password: values.password }))}
      >
        <TextField label={t('auth.field.email')} type="email" autoComplete="email" autoFocus data-testid="login-email" {...form.field('email')} />
        <TextField
          label={t('auth.field.password')}
          type="password"
          autoComplete="current-password"
          data-testid="login-password"
          {...form.field('password')}
        />
        {login.isError && <Alert data-testid="login-error">{describeError(login.error)}</Alert>}
        <Button type="submit" variant="primary" className="auth__submit" busy={login.isPending} data-testid="login-submit">
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
