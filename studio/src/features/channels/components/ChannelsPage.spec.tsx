import { screen, waitFor, within } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeReply } from '../../../testing/fakeApiClient';
import type { FlowSummary } from '../../flows/types';
import { SECRET_MASK } from '../types';
import type { ChannelType, ChannelView, CreateChannelInput, UpdateChannelInput } from '../types';

beforeEach(resetStores);
afterEach(() => jest.restoreAllMocks());

const PUBLIC_URL = 'https://bot.lojadaana.com.br';
const SECRETS: Record<ChannelType, string[]> = {
  whatsapp_cloud: ['accessToken', 'appSecret', 'verifyToken'],
  evolution: ['apiKey', 'jwtKey'],
  telegram: ['botToken', 'secretToken'],
  twilio: ['authToken'],
  webchat: [],
};

/** A channel as the server shows it: secrets masked, its webhook address (or, for the website chat, its script). */
function channel(id: string, type: ChannelType, name: string, config: Record<string, unknown>, extra: Partial<ChannelView> = {}): ChannelView {
  const masked = Object.fromEntries(Object.entries(config).map(([field, value]) => [field, SECRETS[type].includes(field) ? SECRET_MASK : value]));
  const scriptUrl = `${PUBLIC_URL}/widget.js?key=key-${id}`;
  return {
    id,
    type,
    name,
    config: masked,
    flowIds: null,
    pauseBotMinutes: 60,
    allowGroups: false,
    webhookUrl: type === 'webchat' ? null : `${PUBLIC_URL}/webhooks/${type.replace('_', '-')}/${id}`,
    ...(type === 'webchat' ? { widget: { scriptUrl, snippet: `<script src="${scriptUrl}" async></script>` } } : {}),
    status: 'active',
    statusDetail: null,
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
    ...extra,
  };
}

const telegram = (extra: Partial<ChannelView> = {}) =>
  channel('ch-tg', 'telegram', 'Robô da loja', { botToken: 'x', secretToken: 'y', apiBaseUrl: 'https://api.telegram.org' }, extra);

const flow = (id: string, name: string, publishedVersion: number | null): FlowSummary => ({
  id,
  name,
  revision: 1,
  publishedVersion,
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
  liveConversations: 0,
});

type Overrides = { create?: (input: CreateChannelInput) => FakeReply | false | undefined; activate?: (row: ChannelView) => FakeReply | undefined };

/** The channels endpoints over an array, like the server (oldest first), with the flows for the picker. */
function channelsServer(initial: ChannelView[], overrides: Overrides = {}) {
  let channels = [...initial];
  let created = 0;
  const find = (id: string | undefined) => channels.find((row) => row.id === id);
  const notFound = errorReply(404, 'CHANNEL_NOT_FOUND', 'The channel was not found.');
  const client = fakeApiClient({
    'GET /api/channels': () => ({ body: channels }),
    'GET /api/flows': () => ({ body: [flow('f1', 'Atendimento', 2), flow('f2', 'Promoções', null)] }),
    'POST /api/channels': ({ body }) => {
      const input = body as CreateChannelInput;
      const refused = overrides.create?.(input);
      if (refused) return refused;
      created += 1;
      const row = channel(`new-${created}`, input.type, input.name, input.config, {
        flowIds: input.flowIds ?? null,
        pauseBotMinutes: input.pauseBotMinutes ?? 60,
        allowGroups: input.allowGroups ?? false,
      });
      channels = [...channels, row];
      return { status: 201, body: row };
    },
    'PUT /api/channels/:id': ({ params, body }) => {
      const row = find(params.id);
      if (!row) return notFound;
      const input = body as UpdateChannelInput;
      const { config, status, ...rest } = input;
      const updated: ChannelView = {
        ...row,
        ...rest,
        config: channel(row.id, row.type, row.name, { ...row.config, ...config }).config,
        ...(status ? { status, statusDetail: null } : {}),
      };
      channels = channels.map((other) => (other.id === row.id ? updated : other));
      return { body: updated };
    },
    'DELETE /api/channels/:id': ({ params }) => {
      channels = channels.filter((row) => row.id !== params.id);
      return { status: 204 };
    },
    'POST /api/channels/:id/activate': ({ params }) => {
      const row = find(params.id);
      if (!row) return notFound;
      const refused = overrides.activate?.(row);
      if (refused) {
        // The server keeps the refusal on the channel, as its status.
        const message = (refused.body as { error: { message: string } }).error.message;
        channels = channels.map((other) => (other.id === row.id ? { ...other, status: 'error', statusDetail: message } : other));
        return refused;
      }
      const activated: ChannelView = { ...row, status: 'active', statusDetail: null };
      channels = channels.map((other) => (other.id === row.id ? activated : other));
      return { body: activated };
    },
  });
  return { client, channels: () => channels };
}

const rowOf = (id: string) => screen.findByTestId(`channel-row-${id}`);
const bodiesOf = (client: ReturnType<typeof channelsServer>['client'], method: string) => client.calls.filter((call) => call.method === method).map((call) => call.body);
const toasts = () => screen.getAllByTestId('toast').map((toast) => toast.querySelector('p')?.textContent);

/** Fills `getRandomValues` with 128, 130, 132…: the secret is every other character of the alphabet (the high bits ignored). */
function predictableRandom() {
  jest.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array;
    bytes.forEach((_byte, index) => (bytes[index] = 128 + index * 2));
    return array;
  });
}

describe('ChannelsPage', () => {
  it('lists each channel with its kind, status, flows and what to paste where', async () => {
    const server = channelsServer([
      channel('ch-wa', 'whatsapp_cloud', 'WhatsApp da loja', { phoneNumberId: '1029384756', accessToken: 'a', appSecret: 'b', verifyToken: 'c' }),
      telegram({ status: 'error', statusDetail: 'Unauthorized', flowIds: ['f1', 'f2'] }),
      channel('ch-web', 'webchat', 'Chat do site', { allowedOrigins: ['https://www.lojadaana.com.br'], title: 'Fale conosco' }, { status: 'disconnected', flowIds: ['f1'] }),
    ]);
    renderRoute('/channels', { client: server.client, session: demoSession() });

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
    const { user } = renderRoute('/channels', { client: channelsServer([]).client, session: demoSession() });

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

  it('connects a Telegram bot: generated secret, exact request, then activation from the last step', async () => {
    predictableRandom();
    const server = channelsServer([]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(await screen.findByTestId('new-channel'));
    await user.click(screen.getByTestId('channel-type-telegram'));
    const dialog = screen.getByRole('dialog', { name: 'Conectar Telegram' });
    await user.type(within(dialog).getByTestId('channel-name'), 'Robô da loja');
    await user.type(within(dialog).getByLabelText('Token do robô'), '123456789:AAEh3k-xyz');
    expect(within(dialog).getByTestId('channel-field-secretToken')).toHaveAttribute('type', 'password');
    await user.click(within(dialog).getByTestId('channel-generate'));
    // Generated, and shown, so the person sees something happened.
    expect(within(dialog).getByTestId('channel-field-secretToken')).toHaveValue('ACEGIKMOQSUWYacegikmoqsuwy02468_');
    expect(within(dialog).getByTestId('channel-field-secretToken')).toHaveAttribute('type', 'text');
    await user.click(within(dialog).getByTestId('channel-save'));

    const setup = await screen.findByRole('dialog', { name: 'Quase pronto!' });
    expect(bodiesOf(server.client, 'POST')).toEqual([
      {
        type: 'telegram',
        name: 'Robô da loja',
        config: { botToken: '123456789:AAEh3k-xyz', secretToken: 'ACEGIKMOQSUWYacegikmoqsuwy02468_' },
        flowIds: null,
        pauseBotMinutes: 60,
        allowGroups: false,
      },
    ]);
    expect(setup).toHaveTextContent('O canal “Robô da loja” foi salvo. Falta só um passo:');
    expect(within(setup).getByTestId('channel-webhook-url')).toHaveTextContent(`${PUBLIC_URL}/webhooks/telegram/new-1`);

    await user.click(within(setup).getByTestId('channel-activate'));
    await waitFor(() => expect(toasts()).toEqual(['Pronto! O Telegram já entrega as mensagens do seu robô.']));
    expect(server.client.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/api/channels', '/api/channels/new-1/activate']);
    await user.click(within(setup).getByTestId('channel-done'));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(await rowOf('new-1')).getByTestId('channel-status')).toHaveTextContent('Ativo');
  });

  it('says what is missing before sending anything', async () => {
    const server = channelsServer([]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(await screen.findByTestId('new-channel'));
    await user.click(screen.getByTestId('channel-type-telegram'));
    await user.type(screen.getByTestId('channel-name'), 'Robô da loja');
    await user.click(screen.getByTestId('channel-save'));

    const botToken = screen.getByTestId('channel-field-botToken');
    expect(botToken).toHaveAttribute('aria-invalid', 'true');
    expect(botToken).toHaveFocus();
    expect(botToken).toHaveAccessibleDescription(
      'Preencha este campo. O @BotFather envia quando você cria o robô. Parece com 123456789:AAEh3k…',
    );
    expect(screen.getByTestId('channel-field-secretToken')).toHaveAttribute('aria-invalid', 'true');
    expect(bodiesOf(server.client, 'POST')).toEqual([]);
  });

  it('shows a refused config next to the form, marks the field the server named and keeps what was typed', async () => {
    let refusals = 1;
    const server = channelsServer([], {
      create: () =>
        refusals-- > 0 &&
        errorReply(
          422,
          'CHANNEL_CONFIG_INVALID',
          "The telegram channel's config is invalid: botToken: must look like <bot id digits>:<token> as given by @BotFather",
        ),
    });
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(await screen.findByTestId('new-channel'));
    await user.click(screen.getByTestId('channel-type-telegram'));
    await user.type(screen.getByTestId('channel-name'), 'Robô da loja');
    await user.type(screen.getByTestId('channel-field-botToken'), 'meu-token');
    await user.type(screen.getByTestId('channel-field-secretToken'), 'segredo_123');
    await user.click(screen.getByTestId('channel-save'));

    const dialog = screen.getByRole('dialog', { name: 'Conectar Telegram' });
    expect(await within(dialog).findByTestId('channel-error')).toHaveTextContent('Alguns dados do canal não foram aceitos. Confira e tente de novo.');
    const botToken = within(dialog).getByTestId('channel-field-botToken');
    expect(botToken).toHaveAttribute('aria-invalid', 'true');
    expect(botToken).toHaveFocus();
    expect(botToken).toHaveAccessibleDescription(
      'Confira este campo: ele não foi aceito. O @BotFather envia quando você cria o robô. Parece com 123456789:AAEh3k…',
    );
    expect(within(dialog).getByTestId('channel-field-secretToken')).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).getByTestId('channel-name')).toHaveValue('Robô da loja');
    expect(botToken).toHaveValue('meu-token');
    expect(within(dialog).getByTestId('channel-field-secretToken')).toHaveValue('segredo_123');

    // Fixing the field drops its mark; the next try sends the corrected value with the rest as typed.
    await user.clear(botToken);
    await user.type(botToken, '123456789:AAEh3k');
    expect(botToken).not.toHaveAttribute('aria-invalid');
    await user.click(within(dialog).getByTestId('channel-save'));

    expect(await screen.findByRole('dialog', { name: 'Quase pronto!' })).toBeInTheDocument();
    expect(bodiesOf(server.client, 'POST').map((body) => (body as CreateChannelInput).config)).toEqual([
      { botToken: 'meu-token', secretToken: 'segredo_123' },
      { botToken: '123456789:AAEh3k', secretToken: 'segredo_123' },
    ]);
  });

  it('marks the Phone number ID when the WhatsApp number is connected elsewhere (409)', async () => {
    const server = channelsServer([], {
      create: () => errorReply(409, 'CHANNEL_ACCOUNT_TAKEN', 'Another channel already receives the WhatsApp number 1029384756: remove it there first.'),
    });
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(await screen.findByTestId('new-channel'));
    await user.click(screen.getByTestId('channel-type-whatsapp_cloud'));
    await user.type(screen.getByTestId('channel-name'), 'WhatsApp da loja');
    await user.type(screen.getByLabelText('ID do número de telefone'), '1029384756');
    await user.type(screen.getByLabelText('Token de acesso'), 'EAAG-token');
    await user.type(screen.getByLabelText('Chave secreta do app'), 'app-secret');
    await user.type(screen.getByLabelText('Token de verificação'), 'minha-senha');
    await user.click(screen.getByTestId('channel-save'));

    expect(await screen.findByTestId('channel-error')).toHaveTextContent(
      'Este número de WhatsApp já está conectado em outro canal. Exclua-o de lá antes de conectar aqui.',
    );
    expect(screen.getByTestId('channel-field-phoneNumberId')).toHaveAccessibleDescription(
      'Este número já está conectado em outro canal. Só números. Fica no painel da Meta, em WhatsApp → Configuração da API. Não é o número de telefone.',
    );
    // Empty optional fields are left out: the server applies its defaults.
    expect(bodiesOf(server.client, 'POST')).toEqual([
      {
        type: 'whatsapp_cloud',
        name: 'WhatsApp da loja',
        config: { phoneNumberId: '1029384756', accessToken: 'EAAG-token', appSecret: 'app-secret', verifyToken: 'minha-senha' },
        flowIds: null,
        pauseBotMinutes: 60,
        allowGroups: false,
      },
    ]);
  });

  it('edits without retyping the secrets: they are left out of the request unless a new one is typed', async () => {
    const server = channelsServer([telegram()]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-edit'));
    let dialog = screen.getByRole('dialog', { name: 'Configurar “Robô da loja”' });
    const botToken = within(dialog).getByTestId('channel-field-botToken');
    expect(botToken).toHaveValue('');
    expect(botToken).toHaveAttribute('placeholder', '•••••••• (guardado)');
    expect(botToken).toHaveAccessibleDescription(
      'O @BotFather envia quando você cria o robô. Parece com 123456789:AAEh3k… Já está guardado. Deixe em branco para manter, ou digite um novo para trocar.',
    );
    expect(within(dialog).getByTestId('channel-field-apiBaseUrl')).toHaveValue('https://api.telegram.org');
    await user.clear(within(dialog).getByTestId('channel-name'));
    await user.type(within(dialog).getByTestId('channel-name'), 'Robô de vendas');
    await user.click(within(dialog).getByTestId(`channel-flow-f1`));
    await user.clear(within(dialog).getByTestId('channel-pause-minutes'));
    await user.type(within(dialog).getByTestId('channel-pause-minutes'), '30');
    await user.click(within(dialog).getByTestId('channel-save'));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodiesOf(server.client, 'PUT')).toEqual([
      { name: 'Robô de vendas', config: { apiBaseUrl: 'https://api.telegram.org' }, flowIds: ['f1'], pauseBotMinutes: 30, allowGroups: false },
    ]);
    expect(server.client.calls.find((call) => call.method === 'PUT')?.path).toBe('/api/channels/ch-tg');
    expect(toasts()).toEqual(['Canal “Robô de vendas” salvo.']);
    const row = await rowOf('ch-tg');
    expect(within(row).getByText('Robô de vendas')).toBeInTheDocument();
    expect(within(row).getByText('Responde com 1 fluxo escolhido')).toBeInTheDocument();

    // A retyped secret goes; the other stays out. A cleared optional address goes back to the default.
    await user.click(within(row).getByTestId('channel-edit'));
    dialog = screen.getByRole('dialog', { name: 'Configurar “Robô de vendas”' });
    expect(within(dialog).getByTestId('channel-flow-f1')).toBeChecked();
    expect(within(dialog).getByText('Promoções (ainda não publicado)')).toBeInTheDocument();
    await user.type(within(dialog).getByTestId('channel-field-botToken'), '987654321:NOVO');
    await user.clear(within(dialog).getByTestId('channel-field-apiBaseUrl'));
    await user.click(within(dialog).getByTestId('channel-flow-f1'));
    await user.click(within(dialog).getByTestId('channel-save'));

    await waitFor(() => expect(bodiesOf(server.client, 'PUT')).toHaveLength(2));
    expect(bodiesOf(server.client, 'PUT')[1]).toEqual({
      name: 'Robô de vendas',
      config: { botToken: '987654321:NOVO', apiBaseUrl: 'https://api.telegram.org' },
      flowIds: null,
      pauseBotMinutes: 30,
      allowGroups: false,
    });
  });

  it('copies the webhook address and the website code to the clipboard', async () => {
    const server = channelsServer([
      telegram(),
      channel('ch-web', 'webchat', 'Chat do site', { allowedOrigins: ['https://www.lojadaana.com.br'], title: 'Fale conosco' }),
    ]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession('viewer') });
    // After renderRoute: user-event puts a clipboard of its own on the navigator when it is set up.
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-copy'));
    expect(writeText).toHaveBeenCalledWith(`${PUBLIC_URL}/webhooks/telegram/ch-tg`);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Endereço copiado.');

    const copyCode = within(screen.getByTestId('channel-row-ch-web')).getByTestId('channel-copy');
    expect(copyCode).toHaveTextContent('Copiar código');
    await user.click(copyCode);
    expect(writeText).toHaveBeenLastCalledWith(`<script src="${PUBLIC_URL}/widget.js?key=key-ch-web" async></script>`);
    await waitFor(() => expect(toasts()).toEqual(['Endereço copiado.', 'Código copiado. Agora cole nas páginas do seu site.']));

    // A refused clipboard says how to copy by hand.
    writeText.mockImplementationOnce(() => Promise.reject(new Error('denied')));
    await user.click(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-copy'));
    await waitFor(() => expect(toasts()).toContain('Não foi possível copiar. Selecione o texto e copie com Ctrl+C.'));
  });

  it("activates a channel, and shows the provider's refusal with its reason", async () => {
    let refuse = true;
    const server = channelsServer([telegram()], {
      activate: () =>
        refuse
          ? errorReply(
              422,
              'CHANNEL_ACTIVATION_FAILED',
              `The provider refused the webhook registration: Could not register the Telegram webhook at ${PUBLIC_URL}/webhooks/telegram/ch-tg: Unauthorized`,
            )
          : undefined,
    });
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-activate'));

    const alert = await screen.findByTestId('channel-activate-error');
    expect([...alert.querySelectorAll('p')].map((line) => line.textContent)).toEqual([
      'O serviço não aceitou a ativação. Confira os dados do canal e tente de novo.',
      `Resposta do serviço: Could not register the Telegram webhook at ${PUBLIC_URL}/webhooks/telegram/ch-tg: Unauthorized`,
    ]);
    // The list reloads: the refusal is the channel's status now (its reason is already on screen).
    await waitFor(() => expect(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-status')).toHaveTextContent('Com problema'));
    expect(screen.queryByTestId('channel-status-detail')).not.toBeInTheDocument();

    refuse = false;
    await user.click(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-activate'));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Pronto! O Telegram já entrega as mensagens do seu robô.');
    expect(screen.queryByTestId('channel-activate-error')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-status')).toHaveTextContent('Ativo');
    expect(server.client.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([
      '/api/channels/ch-tg/activate',
      '/api/channels/ch-tg/activate',
    ]);
  });

  it('pauses and resumes a channel through its status', async () => {
    const server = channelsServer([telegram()]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-toggle'));
    await waitFor(() => expect(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-status')).toHaveTextContent('Pausado'));
    expect(toasts()).toEqual(['Canal “Robô da loja” pausado: o robô não responde por ele até você retomar.']);
    expect(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-toggle')).toHaveTextContent('Retomar');

    await user.click(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-toggle'));
    await waitFor(() => expect(within(screen.getByTestId('channel-row-ch-tg')).getByTestId('channel-status')).toHaveTextContent('Ativo'));
    expect(bodiesOf(server.client, 'PUT')).toEqual([{ status: 'disconnected' }, { status: 'active' }]);
  });

  it('asks before deleting, and deletes only after the confirmation', async () => {
    const server = channelsServer([telegram(), channel('ch-web', 'webchat', 'Chat do site', { allowedOrigins: ['*'], title: 'Oi' })]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-delete'));
    const dialog = screen.getByRole('dialog', { name: 'Excluir o canal “Robô da loja”?' });
    expect(dialog).toHaveTextContent('O robô deixa de responder por este canal. As conversas que já aconteceram continuam guardadas.');
    await user.click(within(dialog).getByTestId('confirm-cancel'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.client.calls.some((call) => call.method === 'DELETE')).toBe(false);

    await user.click(within(await rowOf('ch-tg')).getByTestId('channel-delete'));
    expect(screen.getByTestId('confirm-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('confirm-accept'));

    await waitFor(() => expect(screen.queryByTestId('channel-row-ch-tg')).not.toBeInTheDocument());
    expect(server.client.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/api/channels/ch-tg']);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Canal “Robô da loja” excluído.');
    expect(screen.getByTestId('channel-row-ch-web')).toBeInTheDocument();
  });

  it('connects the website chat: addresses one a line, sent as a list, and the code to paste', async () => {
    const server = channelsServer([]);
    const { user } = renderRoute('/channels', { client: server.client, session: demoSession() });

    await user.click(await screen.findByTestId('new-channel'));
    await user.click(screen.getByTestId('channel-type-webchat'));
    const dialog = screen.getByRole('dialog', { name: 'Colocar o chat no seu site' });
    expect(within(dialog).getByTestId('channel-field-title')).toHaveValue('Fale conosco');
    expect(within(dialog).getByTestId('channel-field-primaryColour')).toHaveValue('#0f766e');
    expect(within(dialog).queryByTestId('channel-pause-minutes')).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId('channel-name'), 'Chat do site');
    await user.type(within(dialog).getByTestId('channel-field-allowedOrigins'), 'https://www.lojadaana.com.br{Enter}https://lojadaana.com.br');
    await user.type(within(dialog).getByTestId('channel-field-greeting'), 'Oi! Em que posso ajudar?');
    await user.click(within(dialog).getByTestId('channel-save'));

    const setup = await screen.findByRole('dialog', { name: 'Quase pronto!' });
    expect(bodiesOf(server.client, 'POST')).toEqual([
      {
        type: 'webchat',
        name: 'Chat do site',
        config: {
          allowedOrigins: ['https://www.lojadaana.com.br', 'https://lojadaana.com.br'],
          title: 'Fale conosco',
          primaryColour: '#0f766e',
          greeting: 'Oi! Em que posso ajudar?',
        },
        flowIds: null,
      },
    ]);
    expect(within(setup).getByTestId('channel-snippet')).toHaveTextContent(`<script src="${PUBLIC_URL}/widget.js?key=key-new-1" async></script>`);
    expect(within(setup).queryByTestId('channel-activate')).not.toBeInTheDocument();
  });

  it('shows a viewer the channels and the addresses, without the buttons that change them', async () => {
    renderRoute('/channels', { client: channelsServer([telegram()]).client, session: demoSession('viewer') });

    const row = await rowOf('ch-tg');
    expect(within(row).getByTestId('channel-copy')).toBeInTheDocument();
    for (const id of ['channel-edit', 'channel-toggle', 'channel-delete', 'channel-activate']) expect(within(row).queryByTestId(id)).not.toBeInTheDocument();
    expect(screen.queryByTestId('new-channel')).not.toBeInTheDocument();
  });

  it('offers to try again when the list cannot load', async () => {
    let fail = true;
    const client = fakeApiClient({ 'GET /api/channels': () => (fail ? errorReply(503, 'UNAVAILABLE') : { body: [telegram()] }) });
    const { user } = renderRoute('/channels', { client, session: demoSession() });

    expect(await screen.findByTestId('channels-error')).toHaveTextContent('Não foi possível carregar seus canais.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    expect(await rowOf('ch-tg')).toBeInTheDocument();
  });
});
