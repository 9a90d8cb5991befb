import { screen, waitFor } from '@testing-library/react';
import { useSessionStore } from '../features/auth/store/session.store';
import { fakeApiClient } from '../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../testing/renderRoute';

beforeEach(resetStores);

const client = () => fakeApiClient({ 'GET /api/flows': () => ({ body: [] }), 'POST /api/auth/logout': () => ({ status: 204 }) });

describe('AppLayout', () => {
  it('shows the tenant and logs out: session ended on the server, session and cached data gone, login page shown', async () => {
    const api = client();
    const session = demoSession();
    const { user, router, queryClient } = renderRoute('/flows', { client: api, session });

    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('Loja da Ana');
    await screen.findByTestId('flows-empty');
    await user.click(screen.getByTestId('logout'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(useSessionStore.getState().session).toBeNull();
    expect(api.calls.find((call) => call.path === '/api/auth/logout')?.body).toEqual({ refreshToken: session.refreshToken });
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(await screen.findByRole('heading', { name: 'Entrar no Fluxo' })).toBeInTheDocument();
  });

  it('switches the language and remembers it', async () => {
    const { user } = renderRoute('/flows', { client: client(), session: demoSession() });

    await user.selectOptions(await screen.findByTestId('language-select'), 'en');

    expect(await screen.findByRole('heading', { name: 'Your flows' })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('fluxo.language') ?? '{}')).toMatchObject({ state: { language: 'en' } });
    expect(document.documentElement.lang).toBe('en');
  });

  it('answers an unknown address with a way back to the flows', async () => {
    renderRoute('/nothing-here', { client: client(), session: demoSession() });
    expect(await screen.findByRole('link', { name: 'Ir para os fluxos' })).toHaveAttribute('href', '/flows');
  });
});
