import { Link } from 'react-router';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { useForm } from '../../../shared/lib/useForm';
import { collectErrors, email, LIMITS, maxLength, minLength, required } from '../../../shared/lib/validation';
import { Alert, Button, TextField } from '../../../shared/ui';
import { useSignup } from '../hooks/useSignup';
import { AuthLayout } from './AuthLayout';

const text = (value: string, max: number) => required(value) ?? maxLength(value, max);

export function SignupPage() {
  const t = useT();
  const describeError = useErrorMessage();
  const signup = useSignup();
  const form = useForm({ tenantName: '', name: '', email: '', password: '' }, (values) =>
    collectErrors({
      tenantName: text(values.tenantName, LIMITS.nameMax),
      name: text(values.name, LIMITS.nameMax),
      email: email(values.email),
      password: minLength(values.password, LIMITS.passwordMin) ?? maxLength(values.password, LIMITS.passwordMax),
    }),
  );

  return (
    <AuthLayout
      title={t('auth.signup.title')}
      subtitle={t('auth.signup.subtitle')}
      footer={
        <>
          {t('auth.signup.hasAccount')} <Link to="/login">{t('auth.signup.toLogin')}</Link>
        </>
      }
    >
      <form
        className="auth__form"
        noValidate
        onSubmit={form.handleSubmit((values) =>
          signup.mutate({
            tenantName: values.tenantName.trim(),
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
            timeZone: browserTimeZone(),
          }),
        )}
      >
        <TextField
          label={t('auth.field.tenant')}
          hint={t('auth.field.tenantHint')}
          autoComplete="organization"
          autoFocus
          data-testid="signup-tenant"
          {...form.field('tenantName')}
        />
        <TextField label={t('auth.field.name')} autoComplete="name" data-testid="signup-name" {...form.field('name')} />
        <TextField label={t('auth.field.email')} type="email" autoComplete="email" data-testid="signup-email" {...form.field('email')} />
        <TextField
          label={t('auth.field.password')}
          hint={t('auth.field.passwordHint', { min: LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          data-testid="signup-password"
          {...form.field('password')}
        />
        {signup.isError && <Alert data-testid="signup-error">{describeError(signup.error)}</Alert>}
        <Button type="submit" variant="primary" className="auth__submit" busy={signup.isPending} data-testid="signup-submit">
          {signup.isPending ? t('auth.signup.submitting') : t('auth.signup.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

/** The tenant's time zone (business hours, schedules) starts as the browser's, e.g. America/Manaus. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
