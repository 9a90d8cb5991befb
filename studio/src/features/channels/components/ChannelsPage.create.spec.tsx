import { screen, waitFor, within } from '@testing-library/react';
import { resetStores } from '../../../testing/renderRoute';
import { errorReply } from '../../../testing/fakeApiClient';
import type { CreateChannelInput } from '../types';
import { PUBLIC_URL, bodiesOf, channelsServer, openConnectForm, predictableRandom, rowOf, toasts } from './channelsPageTestSupport';

beforeEach(resetStores);
afterEach(() => jest.restoreAllMocks());

describe('ChannelsPage: connecting a channel', () => {
  it('connects a Telegram bot: generated secret, exact request, then activation from the last step', async () => {
    predictableRandom();
    const server = channelsServer([]);
    const { user } = await openConnectForm(server.client, 'telegram');
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
    const { user } = await openConnectForm(server.client, 'telegram');
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
    const { user } = await openConnectForm(server.client, 'telegram');
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
    const { user } = await openConnectForm(server.client, 'whatsapp_cloud');
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

  it('connects the website chat: addresses one a line, sent as a list, and the code to paste', async () => {
    const server = channelsServer([]);
    const { user } = await openConnectForm(server.client, 'webchat');
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
});
