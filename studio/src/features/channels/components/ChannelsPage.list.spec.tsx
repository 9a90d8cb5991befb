import { screen, within } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import { PUBLIC_URL, channel, channelsServer, renderChannelsPage, rowOf, telegram } from './channelsPageTestSupport';

beforeEach(resetStores);

describe('ChannelsPage: the list', () => {
  it('lists each channel with its kind, status, flows and what to paste where', async () => {
    const server = channelsServer([
      channel('ch-wa', 'whatsapp_cloud', 'WhatsApp da loja', { phoneNumberId: '1029384756', accessToken: 'a', appSecret: 'b', verifyToken: 'c' }),
      telegram({ status: 'error', statusDetail: 'Unauthorized', flowIds: ['f1', 'f2'] }),
      channel('ch-web', 'webchat', 'Chat do site', { allowedOrigins: ['https://www.lojadaana.com.br'], title: 'Fale conosco' }, { status: 'disconnected', flowIds: ['f1'] }),
    ]);
    renderChannelsPage(server.client);

    const whatsapp = await rowOf('ch-wa');
    expect(within(whatsapp).getByText('WhatsApp da loja')).toBeInTheDocument();
    expect(within(whatsapp).getByText('WhatsApp (oficial da Meta)')).toBeInTheDocument();
    expect(within(whatsapp).getByTestId('channel-status')).toHaveTextContent('Ativo');
    expect(within(whatsapp).getByText('Responde com todos os fluxos publicados')).toBeInTheDocument();
    expect(within(whatsapp).getByTestId('channel-webhook-url')).toHaveTextContent(`${PUBLIC_URL}/webhooks/whatsapp-cloud/ch-wa`);
    expect(within(whatsapp).getByText(/^Cole este endereço no painel da Meta/)).toBeInTheDocument();
    expect(within(whatsapp).queryByTestId('channel-activate')).not.toBeInTheDocument();

    const bot = screen.getByTestId('channel-row-ch-tg');
    expect(within(bot).getByTestId('channel-status')).toHaveTextContent('Com problema');
    expect(within(bot).getByTestId('channel-status-detail')).toHaveTextContent('Motivo: Unauthorized');
    expect(within(bot).getByText('Responde com 2 fluxos escolhidos')).toBeInTheDocument();
    expect(within(bot).getByTestId('channel-activate')).toHaveTextContent('Ativar');
    expect(within(bot).getByTestId('channel-toggle')).toHaveTextContent('Retomar');

    const web = screen.getByTestId('channel-row-ch-web');
    expect(within(web).getByTestId('channel-status')).toHaveTextContent('Pausado');
    expect(within(web).getByText('Responde com 1 fluxo escolhido')).toBeInTheDocument();
    expect(within(web).getByTestId('channel-snippet')).toHaveTextContent(`<script src="${PUBLIC_URL}/widget.js?key=key-ch-web" async></script>`);
    expect(within(web).queryByTestId('channel-webhook-url')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('channel-list')).getAllByRole('listitem')).toHaveLength(3);
  });

  it('invites to connect the first channel when there is none, inside the (empty) list container', async () => {
    const { user } = renderChannelsPage(channelsServer([]).client);

    const list = await screen.findByTestId('channel-list');
    const empty = within(list).getByTestId('channels-empty');
    expect(within(empty).getByRole('heading', { name: 'Nenhum canal conectado ainda' })).toBeInTheDocument();
    await user.click(within(empty).getByTestId('empty-new-channel'));
    expect(screen.getByRole('dialog', { name: 'Conectar um canal' })).toBeInTheDocument();
    expect(screen.getAllByTestId(/^channel-type-/).map((option) => option.dataset.testid)).toEqual([
      'channel-type-whatsapp_cloud',
      'channel-type-evolution',
      'channel-type-telegram',
      'channel-type-twilio',
      'channel-type-webchat',
    ]);
  });

  it('is reached from the navigation, next to the conversations', async () => {
    const { user, router } = renderRoute('/conversations', {
      client: fakeApiClient({ 'GET /api/conversations': () => ({ body: [] }), 'GET /api/channels': () => ({ body: [] }) }),
      session: demoSession(),
    });

    const nav = screen.getByRole('navigation', { name: 'Navegação principal' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Fluxos', 'Conversas', 'Canais']);
    await user.click(screen.getByTestId('nav-channels'));
    expect(await screen.findByTestId('channels-empty')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/channels');
  });

  it('shows a viewer the channels and the addresses, without the buttons that change them', async () => {
    renderChannelsPage(channelsServer([telegram()]).client, 'viewer');

    const row = await rowOf('ch-tg');
    expect(within(row).getByTestId('channel-copy')).toBeInTheDocument();
    for (const id of ['channel-edit', 'channel-toggle', 'channel-delete', 'channel-activate']) expect(within(row).queryByTestId(id)).not.toBeInTheDocument();
    expect(screen.queryByTestId('new-channel')).not.toBeInTheDocument();
  });

  it('offers to try again when the list cannot load', async () => {
    let fail = true;
    const client = fakeApiClient({ 'GET /api/channels': () => (fail ? errorReply(503, 'UNAVAILABLE') : { body: [telegram()] }) });
    const { user } = renderChannelsPage(client);

    expect(await screen.findByTestId('channels-error')).toHaveTextContent('Não foi possível carregar seus canais.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    expect(await rowOf('ch-tg')).toBeInTheDocument();
  });
});
