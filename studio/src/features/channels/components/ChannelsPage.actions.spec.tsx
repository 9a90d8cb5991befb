import { screen, waitFor, within } from '@testing-library/react';
import { resetStores } from '../../../testing/renderRoute';
import { errorReply } from '../../../testing/fakeApiClient';
import { PUBLIC_URL, bodiesOf, channel, channelsServer, renderChannelsPage, rowOf, telegram, toasts } from './channelsPageTestSupport';

beforeEach(resetStores);

describe("ChannelsPage: a channel's actions", () => {
  it('copies the webhook address and the website code to the clipboard', async () => {
    const server = channelsServer([
      telegram(),
      channel('ch-web', 'webchat', 'Chat do site', { allowedOrigins: ['https://www.lojadaana.com.br'], title: 'Fale conosco' }),
    ]);
    const { user } = renderChannelsPage(server.client, 'viewer');
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
    const { user } = renderChannelsPage(server.client);

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
    const { user } = renderChannelsPage(server.client);

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
    const { user } = renderChannelsPage(server.client);

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
});
