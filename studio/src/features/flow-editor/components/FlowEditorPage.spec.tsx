import { screen, waitFor, within } from '@testing-library/react';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeRequest } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { flowWith, nodeTypeViews, starterGraph } from '../testFixtures';
import type { FlowGraph } from '../types';

beforeEach(resetStores);

function editorServer() {
  let revision = 1;
  let graph = starterGraph();
  const client = fakeApiClient({
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows/:id': () => ({ body: flowWith(graph, revision), headers: { ETag: `"${revision}"` } }),
    'PUT /api/flows/:id': (request: FakeRequest) => {
      if (request.headers['If-Match'] !== `"${revision}"`) return errorReply(412, 'FLOW_CHANGED', 'The flow changed.', { currentRevision: revision });
      revision += 1;
      graph = (request.body as { graph: FlowGraph }).graph;
      return { body: flowWith(graph, revision, { problems: [{ message: 'Conecte a saída' }] }), headers: { ETag: `"${revision}"` } };
    },
    'GET /api/flows': () => ({ body: [] }),
  });
  return {
    client,
    puts: () => client.calls.filter((call) => call.method === 'PUT'),
    savedGraph: () => graph,
    savedElsewhere: () => {
      revision += 1;
    },
  };
}

const AUTOSAVE = { timeout: 3_000 };

describe('FlowEditorPage', () => {
  it('draws the flow: name, nodes with title, summary and ports, a link back, and "Salvo"', async () => {
    renderRoute('/flows/f1', { client: editorServer().client, session: demoSession() });

    expect(await screen.findByTestId('canvas')).toBeInTheDocument();
    expect(screen.getByTestId('editor-flow-name')).toHaveTextContent('Atendimento da loja');
    expect(screen.getByTestId('editor-back')).toHaveAttribute('href', '/flows');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo');

    const trigger = await screen.findByTestId('node-start');
    expect(within(trigger).getByTestId('node-title')).toHaveTextContent('Mensagem recebida');
    expect(within(trigger).getByTestId('node-summary')).toHaveTextContent('Qualquer mensagem');
    expect(within(trigger).getByTestId('node-port-out')).toHaveTextContent('Ao receber');
    expect(trigger.querySelector('.react-flow__handle.target')).toBeNull();

    const welcome = screen.getByTestId('node-welcome');
    expect(within(welcome).getByTestId('node-summary')).toHaveTextContent('Olá! Como posso ajudar?');
    expect(welcome.querySelector('.react-flow__handle.target')).not.toBeNull();
    expect(welcome.querySelector('.react-flow__handle.source[data-handleid="out"]')).not.toBeNull();
  });

  it('groups the palette by category and filters it without minding accents', async () => {
    const { user } = renderRoute('/flows/f1', { client: editorServer().client, session: demoSession() });

    const palette = await screen.findByTestId('palette');
    expect(within(palette).getByRole('heading', { name: 'Gatilhos' })).toBeInTheDocument();
    expect(within(palette).getByRole('heading', { name: 'Lógica' })).toBeInTheDocument();

    await user.type(screen.getByTestId('palette-search'), 'horario');
    expect(screen.getByTestId('palette-item-fluxo.businessHours')).toBeInTheDocument();
    expect(screen.queryByTestId('palette-item-fluxo.sendMessage')).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('palette-search'));
    await user.type(screen.getByTestId('palette-search'), 'xyz');
    expect(within(palette).getByText('Nenhum bloco encontrado.')).toBeInTheDocument();
  });

  it('adds a node with its default config on click, then autosaves with If-Match and shows the problems count', async () => {
    const backend = editorServer();
    const { user } = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });

    await user.click(await screen.findByTestId('palette-item-fluxo.askQuestion'));
    expect(screen.getByTestId('save-status')).toHaveTextContent('Alterações não salvas');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo'), AUTOSAVE);

    expect(backend.puts()).toHaveLength(1);
    expect(backend.puts()[0]!.headers['If-Match']).toBe('"1"');
    const added = backend.savedGraph().nodes.find((node) => node.type === 'fluxo.askQuestion')!;
    expect(added.id).toMatch(/^askQuestion_[a-z0-9]{4}$/);
    expect(added.config).toEqual({ answerType: 'text', maxRetries: 2 });
    expect(backend.savedGraph().edges).toEqual(starterGraph().edges);
    expect(screen.getByTestId('problems-count')).toHaveTextContent('1 problema');
    expect(await screen.findByTestId(`node-${added.id}`)).toBeInTheDocument();
  });

  it('on 412 asks what to do, and overwrites only after "keep my version"', async () => {
    const backend = editorServer();
    const { user } = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
    await screen.findByTestId('node-start');
    backend.savedElsewhere();

    await user.click(screen.getByTestId('palette-item-fluxo.businessHours'));
    const dialog = await screen.findByTestId('conflict-dialog', {}, AUTOSAVE);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Alterado em outro lugar');
    expect(backend.puts()).toHaveLength(1);

    await user.click(within(dialog).getByTestId('conflict-overwrite'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo'));
    expect(backend.puts()[1]!.headers['If-Match']).toBe('"2"');
    expect(backend.savedGraph().nodes.some((node) => node.type === 'fluxo.businessHours')).toBe(true);
    expect(screen.queryByTestId('conflict-dialog')).not.toBeInTheDocument();
  });

  it("reloads the server's version when chosen, dropping the unsaved node", async () => {
    const backend = editorServer();
    const { user } = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
    await screen.findByTestId('node-start');
    backend.savedElsewhere();

    await user.click(screen.getByTestId('palette-item-fluxo.businessHours'));
    await user.click(await screen.findByTestId('conflict-reload', {}, AUTOSAVE));

    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo'));
    expect(screen.queryByTestId(/^node-businessHours_/)).not.toBeInTheDocument();
    expect(backend.puts()).toHaveLength(1);
  });

  it('asks before leaving with unsaved changes', async () => {
    const backend = editorServer();
    const { user, router } = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });

    await user.click(await screen.findByTestId('palette-item-fluxo.businessHours'));
    await user.click(screen.getByTestId('editor-back'));
    expect(await screen.findByTestId('confirm-dialog')).toHaveTextContent('Sair sem salvar?');
    expect(router.state.location.pathname).toBe('/flows/f1');

    await user.click(screen.getByTestId('confirm-cancel'));
    expect(router.state.location.pathname).toBe('/flows/f1');
  });
});
