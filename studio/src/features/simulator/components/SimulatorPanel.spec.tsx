import { act, screen, waitFor, within } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { useRunOverlayStore } from '../../flow-editor/store/runOverlay.store';
import { useSimulatorStore } from '../store/simulator.store';
import { menuTurn, simulatorServer, traceStep } from '../testServer';
import type { BotTurn } from '../testServer';

beforeEach(() => {
  resetStores();
  useDockStore.setState({ panel: null });
});

const AUTOSAVE = { timeout: 3_000 };

async function openSimulator(backend: ReturnType<typeof simulatorServer>) {
  useSimulatorStore.setState({ connect: backend.connect });
  const rendered = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
  await screen.findByTestId('node-start');
  await rendered.user.click(screen.getByTestId('simulator-open'));
  const panel = await screen.findByTestId('simulator-panel');
  const say = async (text: string) => {
    await rendered.user.type(within(panel).getByTestId('simulator-input'), `${text}{Enter}`);
  };
  return { ...rendered, panel, say };
}

const bubbles = () => within(screen.getByTestId('simulator-messages')).queryAllByTestId('simulator-message');

const salesTurn = (): BotTurn => ({
  turnId: 't2',
  status: 'ended',
  waitingFor: null,
  trace: [traceStep('menu', 'sales', { resumed: true }), traceStep('sales', 'out', { action: 'end' })],
  vars: { name: 'Ana', choice: 'sales' },
  replies: [{ id: 't2-r1', message: { kind: 'text', text: 'Vamos às compras!' } }],
});

describe('SimulatorPanel', () => {
  it('starts a draft simulation on the first message and shows the user and bot bubbles, formatted', async () => {
    const backend = simulatorServer();
    const { say } = await openSimulator(backend);

    await say('oi');

    await waitFor(() => expect(bubbles()).toHaveLength(2));
    const [user, bot] = bubbles();
    expect(user).toHaveAttribute('data-from', 'user');
    expect(user).toHaveTextContent('oi');
    expect(bot).toHaveAttribute('data-from', 'bot');
    expect(bot!.querySelector('strong')).toHaveTextContent('Como');
    expect(bot).toHaveTextContent('Loja da Ana');
    expect(bot!.querySelector('time')).toHaveTextContent(/^\d{2}:\d{2}$/);
    expect(backend.calls('POST', '/simulations')[0]!.body).toEqual({ source: 'draft' });
    expect(backend.calls('POST', '/sim-1/messages')[0]!.body).toEqual({ text: 'oi' });
    expect(screen.getByTestId('simulator-input')).toHaveValue('');
    // The live channel joined with the session's token.
    expect(backend.connections).toMatchObject([{ simulationId: 'sim-1', token: 'access-1' }]);
  });

  it('draws the path on the canvas: visited nodes, taken edges, the node it waits on', async () => {
    const backend = simulatorServer({ answer: (_input, index) => (index === 0 ? menuTurn() : salesTurn()) });
    const { say, user } = await openSimulator(backend);

    await say('oi');
    await waitFor(() => expect(useRunOverlayStore.getState().activeNodeId).toBe('menu'));
    expect(useRunOverlayStore.getState()).toMatchObject({ visitedNodeIds: ['start', 'menu'], takenEdgeIds: ['start-menu'] });
    expect(screen.getByTestId('node-menu')).toHaveAttribute('data-run', 'active');
    expect(screen.getByTestId('node-start')).toHaveAttribute('data-run', 'visited');

    await user.click(within(bubbles()[1]!).getByRole('button', { name: 'Vendas' }));
    await waitFor(() => expect(useRunOverlayStore.getState().activeNodeId).toBeNull());
    expect(useRunOverlayStore.getState().takenEdgeIds).toEqual(['start-menu', 'menu-sales']);
    expect(useRunOverlayStore.getState().visitedNodeIds).toEqual(['start', 'menu', 'menu', 'sales']);
  });

  it('a button sends its id, shows its title as the answer, and the answered buttons are disabled', async () => {
    const backend = simulatorServer({ answer: (_input, index) => (index === 0 ? menuTurn() : salesTurn()) });
    const { say, user } = await openSimulator(backend);
    await say('oi');
    const buttons = await within(screen.getByTestId('simulator-messages')).findAllByTestId('simulator-button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Vendas', 'Suporte']);

    await user.click(buttons[0]!);

    await waitFor(() => expect(bubbles()).toHaveLength(4));
    expect(backend.calls('POST', '/sim-1/messages')[1]!.body).toEqual({ buttonId: 'sales' });
    expect(bubbles()[2]).toHaveAttribute('data-from', 'user');
    expect(bubbles()[2]).toHaveTextContent('Vendas');
    expect(bubbles()[3]).toHaveTextContent('Vamos às compras!');
    for (const button of within(bubbles()[1]!).getAllByTestId('simulator-button')) expect(button).toBeDisabled();
    expect(screen.getByTestId('simulator-status')).toHaveTextContent('A conversa terminou');
  });

  it('opens a list and answers with a row', async () => {
    const listTurn: BotTurn = {
      ...menuTurn(),
      replies: [
        {
          id: 'l1',
          message: { kind: 'list', text: 'Escolha', buttonLabel: 'Ver cardápio', header: 'Pizzaria', sections: [{ title: 'Salgadas', rows: [{ id: 'calabresa', title: 'Calabresa', description: 'Com cebola' }] }] },
        },
      ],
    };
    const backend = simulatorServer({ answer: (_input, index) => (index === 0 ? listTurn : salesTurn()) });
    const { say, user } = await openSimulator(backend);
    await say('oi');

    const open = await screen.findByTestId('simulator-list-open');
    expect(open).toHaveTextContent('Ver cardápio');
    expect(screen.getByTestId('simulator-status')).toHaveTextContent('tocar em uma opção');
    await user.click(open);
    const list = screen.getByTestId('simulator-list');
    expect(list).toHaveTextContent('Salgadas');
    await user.click(within(list).getByTestId('simulator-button'));

    await waitFor(() => expect(backend.calls('POST', '/messages')).toHaveLength(2));
    expect(backend.calls('POST', '/messages')[1]!.body).toEqual({ buttonId: 'calabresa' });
  });

  it('shows later replies from the live channel once, even when the HTTP answer had them too', async () => {
    const backend = simulatorServer();
    const { say } = await openSimulator(backend);
    await say('oi');
    await waitFor(() => expect(bubbles()).toHaveLength(2));

    // The socket also delivers the turn's own reply: not shown twice.
    backend.push({ reply: menuTurn().replies[0] });
    backend.push({ reply: { id: 'late-typing', message: { kind: 'typing', on: true } } });
    expect(screen.getByTestId('simulator-typing')).toHaveTextContent('digitando');
    backend.push({ reply: { id: 'late-1', message: { kind: 'media', mediaType: 'image', url: 'https://cdn.loja/p.png', caption: 'Nossa promoção' } } });
    backend.push({ reply: { id: 'late-1', message: { kind: 'media', mediaType: 'image', url: 'https://cdn.loja/p.png', caption: 'Nossa promoção' } } });
    backend.push({ reply: { id: 'late-2', message: { kind: 'media', mediaType: 'document', url: 'https://cdn.loja/files/tabela%20precos.pdf' } } });

    expect(bubbles()).toHaveLength(4);
    expect(screen.queryByTestId('simulator-typing')).not.toBeInTheDocument();
    expect(screen.getByTestId('simulator-image')).toHaveAttribute('src', 'https://cdn.loja/p.png');
    expect(bubbles()[2]).toHaveTextContent('Nossa promoção');
    expect(screen.getByTestId('simulator-document')).toHaveTextContent('tabela precos.pdf');
  });

  it('a slow turn answers 202: the notice shows until its turn arrives on the socket', async () => {
    const backend = simulatorServer({ answer: () => ({ status: 202, body: { status: 'pending' } }) });
    const { say } = await openSimulator(backend);
    await say('oi');

    expect(await screen.findByTestId('simulator-pending')).toBeInTheDocument();
    const { replies, ...turn } = menuTurn();
    backend.push({ reply: replies[0] });
    backend.push({ turn });

    expect(screen.queryByTestId('simulator-pending')).not.toBeInTheDocument();
    expect(bubbles()).toHaveLength(2);
    expect(useRunOverlayStore.getState().activeNodeId).toBe('menu');
  });

  it('shows the variables (changed ones marked), the status with the timer time, and the errors in words', async () => {
    const timerTurn: BotTurn = {
      turnId: 't2',
      status: 'waiting',
      waitingFor: { nodeId: 'sales', for: 'timer', fireAt: '2026-03-01T17:45:00.000Z' },
      trace: [traceStep('menu', 'error', { action: 'error', error: { kind: 'provider', code: 'HTTP_500', message: 'A loja virtual não respondeu.' } })],
      vars: { name: 'Ana', cart: ['pizza'] },
      replies: [],
    };
    const backend = simulatorServer({ answer: (_input, index) => (index === 0 ? menuTurn() : timerTurn) });
    const { say } = await openSimulator(backend);
    await say('oi');

    const variables = await screen.findByTestId('simulator-variables');
    await waitFor(() => expect(within(variables).getAllByTestId('simulator-variable')).toHaveLength(1));
    expect(within(variables).getByTestId('simulator-variable')).toHaveAttribute('data-changed', 'true');
    expect(screen.getByTestId('simulator-status')).toHaveTextContent('tocar em uma opção');

    await say('quero pizza');
    await waitFor(() => expect(within(variables).getAllByTestId('simulator-variable')).toHaveLength(2));
    const [cart, name] = within(variables).getAllByTestId('simulator-variable');
    expect(cart).toHaveTextContent('cart["pizza"]');
    expect(cart).toHaveAttribute('data-changed', 'true');
    expect(name).toHaveTextContent('nameAna');
    expect(name).not.toHaveAttribute('data-changed');
    const time = new Intl.DateTimeFormat('pt-BR', { hour: '2-digit', minute: '2-digit' }).format(new Date('2026-03-01T17:45:00.000Z'));
    expect(screen.getByTestId('simulator-status')).toHaveTextContent(`continua às ${time}`);
    expect(screen.getByTestId('simulator-errors')).toHaveTextContent('HTTP_500: A loja virtual não respondeu.');
  });

  it('restart starts a new simulation and clears the chat and the path', async () => {
    const backend = simulatorServer();
    const { say, user } = await openSimulator(backend);
    await say('oi');
    await waitFor(() => expect(bubbles()).toHaveLength(2));

    await user.click(screen.getByTestId('simulator-restart'));

    expect(bubbles()).toHaveLength(0);
    expect(useRunOverlayStore.getState()).toMatchObject({ activeNodeId: null, visitedNodeIds: [], takenEdgeIds: [] });
    expect(backend.connections[0]!.closed).toBe(true);
    expect(screen.getByTestId('simulator-variables')).toHaveTextContent('Nenhuma variável');
    await say('olá');
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    expect(backend.calls('POST', '/simulations')).toHaveLength(2);
    expect(backend.calls('POST', '/sim-2/messages')).toHaveLength(1);
  });

  it('waits for the draft to be saved before sending; edits apply by themselves unless the waiting block is removed', async () => {
    const backend = simulatorServer();
    const { say } = await openSimulator(backend);
    act(() => useEditorStore.getState().updateNodeLabel('sales', 'Vendas'));

    await say('oi');
    expect(screen.getByTestId('simulator-waiting-save')).toBeInTheDocument();
    await waitFor(() => expect(bubbles()).toHaveLength(2), AUTOSAVE);
    const order = backend.client.calls.map((call) => `${call.method} ${call.path}`);
    expect(order.indexOf('PUT /api/flows/f1')).toBeLessThan(order.indexOf('POST /api/flows/f1/simulations'));
    expect(screen.queryByTestId('simulator-stale')).not.toBeInTheDocument();

    act(() => useEditorStore.getState().updateNodeLabel('sales', 'Compras'));
    expect(await screen.findByTestId('simulator-draft-updated')).toHaveTextContent('a próxima mensagem já usa a versão salva');
    expect(screen.queryByTestId('simulator-stale')).not.toBeInTheDocument();

    act(() => useEditorStore.getState().onNodesChange([{ type: 'remove', id: 'menu' }]));
    const stale = await screen.findByTestId('simulator-stale');
    expect(stale).toHaveTextContent('saiu do rascunho');
    await act(async () => within(stale).getByTestId('simulator-stale-restart').click());
    expect(bubbles()).toHaveLength(0);
    expect(screen.queryByTestId('simulator-stale')).not.toBeInTheDocument();
  });

  it('offers the published version only once the flow was published', async () => {
    const { panel } = await openSimulator(simulatorServer());
    expect(within(panel).getByTestId('simulator-source-published')).toBeDisabled();
    expect(within(panel).getByTestId('simulator-published-hint')).toHaveTextContent('Publique o fluxo');
  });

  it('simulates the published version and says when its path has nodes the draft does not have', async () => {
    const published: BotTurn = { ...menuTurn(), trace: [traceStep('start', 'out'), traceStep('oldMenu', undefined)], waitingFor: { nodeId: 'oldMenu', for: 'input' } };
    const backend = simulatorServer({ publishedVersion: 3, answer: () => published });
    const { panel, say, user } = await openSimulator(backend);
    const source = within(panel).getByTestId('simulator-source-published');
    await waitFor(() => expect(source).toBeEnabled());
    await user.click(source);
    expect(source).toHaveAttribute('aria-pressed', 'true');
    expect(panel).toHaveTextContent('Conversando com a versão 3 publicada.');

    await say('oi');
    expect(await screen.findByTestId('simulator-missing-nodes')).toHaveTextContent('1 bloco desta conversa');
    expect(backend.calls('POST', '/simulations')[0]!.body).toEqual({ source: 'published' });
    expect(useRunOverlayStore.getState().visitedNodeIds).toEqual(['start', 'oldMenu']);
  });

  it('the trace tab lists the turns; a step click selects its node on the canvas', async () => {
    const backend = simulatorServer();
    const { say, user } = await openSimulator(backend);
    await say('oi');
    await waitFor(() => expect(bubbles()).toHaveLength(2));

    await user.click(screen.getByTestId('simulator-trace-open'));
    const viewer = await screen.findByTestId('trace-viewer');
    expect(within(viewer).getAllByTestId('trace-turn')).toHaveLength(1);
    const steps = within(viewer).getAllByTestId('trace-step');
    expect(steps[1]).toHaveTextContent('Menu principal');
    await user.click(steps[1]!);
    expect(useEditorStore.getState().nodes.find((node) => node.id === 'menu')?.selected).toBe(true);

    await user.click(screen.getByTestId('trace-back'));
    expect(bubbles()).toHaveLength(2);
  });
});
