import { screen } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeReply } from '../../../testing/fakeApiClient';

beforeEach(resetStores);

function server(reply: FakeReply) {
  return fakeApiClient({ 'POST /api/auth/signup': () => reply, 'GET /api/flows': () => ({ body: [] }) });
}

async function signUp(user: ReturnType<typeof renderRoute>['user'], password = 'segredo123') {
  await user.type(await screen.findByTestId('signup-tenant'), 'Loja da Ana');
  await user.type(screen.getByTestId('signup-name'), 'Ana');
  await user.type(screen.getByTestId('signup-email'), 'ana@loja.com.br');
  await user.type(screen.getByTestId('signup-password'), password);
  await user.click(screen.getByTestId('signup-submit'));
}

describe('SignupPage', () => {
  it('asks for a password of at least 8 characters', async () => {
    const client = server({ status: 201, body: demoSession() });
    const { user } = renderRoute('/signup', { client });

    await signUp(user, 'curta');

    expect(screen.getByLabelText('Senha')).toHaveAccessibleDescription(expect.stringContaining('Use pelo menos 8 caracteres.'));
    expect(client.calls).toEqual([]);
  });

  it('says when the e-mail already has an account', async () => {
    const { user } = renderRoute('/signup', { client: server(errorReply(409, 'EMAIL_TAKEN')) });
    await signUp(user);
    expect(await screen.findByTestId('signup-error')).toHaveTextContent('Já existe uma conta com este e-mail.');
  });

  it('creates the account with the browser time zone and opens the flows', async () => {
    const client = server({ status: 201, body: demoSession() });
    const { user, router } = renderRoute('/signup', { client });

    await signUp(user);

    expect(await screen.findByRole('heading', { name: 'Seus fluxos' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/flows');
    expect(client.calls[0]!.body).toEqual({
      tenantName: 'Loja da Ana',
      name: 'Ana',
      email: 'ana@loja.com.br',
      password: 'segredo123',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('links to the login page', async () => {
    const { user, router } = renderRoute('/signup', { client: server({}) });
    await user.click(await screen.findByRole('link', { name: 'Entrar' }));
    expect(router.state.location.pathname).toBe('/login');
  });
});
