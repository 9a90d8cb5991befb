import { screen, waitFor } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeReply } from '../../../testing/fakeApiClient';
import { useSessionStore } from '../store/session.store';

beforeEach(resetStores);

/** A server whose login answers `reply`, with an empty flows list behind it. */
function server(reply: FakeReply) {
  return fakeApiClient({
    'POST /api/auth/login': () => reply,
    'GET /api/flows': () => ({ body: [] }),
  });
}

async function fillAndSubmit(user: ReturnType<typeof renderRoute>['user'], email: string, password: string) {
  if (email) await user.type(await screen.findByTestId('login-email'), email);
  if (password) await user.type(screen.getByTestId('login-password'), password);
  await user.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('checks the fields before sending anything, and focuses the first wrong one', async () => {
    const client = server({ body: demoSession() });
    const { user } = renderRoute('/login', { client });

    await fillAndSubmit(user, 'ana@', '');

    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('Digite um e-mail válido, como voce@empresa.com.br.');
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    expect(screen.getByLabelText('Senha')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Preencha este campo.')).toBeInTheDocument();
    expect(client.calls).toEqual([]);
  });

  it('shows wrong credentials inline and stays on the page', async () => {
    const client = server(errorReply(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.'));
    const { user, router } = renderRoute('/login', { client });

    await fillAndSubmit(user, 'ana@loja.com.br', 'errada123');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail ou senha incorretos.');
    expect(router.state.location.pathname).toBe('/login');
    expect(client.calls[0]).toMatchObject({ body: { email: 'ana@loja.com.br', password: 'errada123' } });
  });

  it('says how long to wait after too many attempts', async () => {
    const client = server(errorReply(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed logins.', { retryAfterSeconds: 840 }));
    const { user } = renderRoute('/login', { client });

    await fillAndSubmit(user, 'ana@loja.com.br', 'errada123');

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Aguarde 14 minutos');
  });

  it('stores the session and goes to the flows after a successful login', async () => {
    const session = demoSession();
    const { user, router } = renderRoute('/login', { client: server({ body: session }) });

    await fillAndSubmit(user, 'ana@loja.com.br', 'certa1234');

    expect(await screen.findByRole('heading', { name: 'Seus fluxos' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/flows');
    expect(useSessionStore.getState().session).toEqual(session);
    expect(JSON.parse(localStorage.getItem('fluxo.session') ?? '{}')).toMatchObject({ state: { session } });
  });

  it('guards the studio: a logged-out visit goes to /login, and back to the page after logging in', async () => {
    const client = fakeApiClient({
      'POST /api/auth/login': () => ({ body: demoSession() }),
      'GET /api/flows/:id': () => ({ body: { id: 'f1', name: 'Menu', revision: 1 }, headers: { ETag: '"1"' } }),
    });
    const { user, router } = renderRoute('/flows/f1', { client });

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    await fillAndSubmit(user, 'ana@loja.com.br', 'certa1234');

    expect(await screen.findByTestId('editor-flow-name')).toHaveTextContent('Menu');
    expect(router.state.location.pathname).toBe('/flows/f1');
  });

  it('sends a logged-in visitor straight to the flows', async () => {
    const { router } = renderRoute('/login', { client: server({ body: demoSession() }), session: demoSession() });
    await waitFor(() => expect(router.state.location.pathname).toBe('/flows'));
  });
});
