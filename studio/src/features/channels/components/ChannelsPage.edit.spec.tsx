import { screen, waitFor, within } from '@testing-library/react';
import { resetStores } from '../../../testing/renderRoute';
import { bodiesOf, channelsServer, renderChannelsPage, rowOf, telegram, toasts } from './channelsPageTestSupport';

beforeEach(resetStores);

describe('ChannelsPage: editing a channel', () => {
  it('edits without retyping the secrets: they are left out of the request unless a new one is typed', async () => {
    const server = channelsServer([telegram()]);
    const { user } = renderChannelsPage(server.client);

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
});
