import { screen, waitFor, within } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeRequest } from '../../../testing/fakeApiClient';
import type { Flow, FlowSummary } from '../types';

beforeEach(resetStores);

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function summary(id: string, name: string, extra: Partial<FlowSummary> = {}): FlowSummary {
  return { id, name, revision: 1, publishedVersion: null, createdAt: minutesAgo(60), updatedAt: minutesAgo(5), liveConversations: 0, ...extra };
}

const asFlow = (row: FlowSummary): Flow => ({ ...row, graph: { schemaVersion: 1, nodes: [], edges: [] }, settings: {}, updatedBy: null, problems: [] });

/** The flows endpoints over an array, like the server (the most recent first). */
function flowsServer(initial: FlowSummary[]) {
  let flows = [...initial];
  const find = (request: FakeRequest) => flows.find((flow) => flow.id === request.params.id);
  const notFound = errorReply(404, 'NOT_FOUND', 'The flow was not found.');
  const client = fakeApiClient({
    'GET /api/flows': () => ({ body: flows }),
    'GET /api/node-types': () => ({ body: [] }),
    'POST /api/flows': ({ body }) => {
      const created = summary('new-1', (body as { name: string }).name);
      flows = [created, ...flows];
      return { status: 201, body: asFlow(created), headers: { ETag: '"1"' } };
    },
    'GET /api/flows/:id': (request) => {
      const flow = find(request);
      return flow ? { body: asFlow(flow), headers: { ETag: `"${flow.revision}"` } } : notFound;
    },
    'PUT /api/flows/:id': (request) => {
      const flow = find(request);
      if (!flow) return notFound;
      if (request.headers['If-Match'] !== `"${flow.revision}"`) return errorReply(412, 'FLOW_CHANGED', 'The flow changed.', { currentRevision: flow.revision });
      Object.assign(flow, { name: (request.body as { name: string }).name, revision: flow.revision + 1 });
      return { body: asFlow(flow), headers: { ETag: `"${flow.revision}"` } };
    },
    'DELETE /api/flows/:id': (request) => {
      flows = flows.filter((flow) => flow.id !== request.params.id);
      return { status: 204 };
    },
    'GET /api/flows/:id/export': (request) => {
      const flow = find(request)!;
      return { body: { fluxoExport: 1, name: flow.name, graph: asFlow(flow).graph, settings: {}, exportedAt: minutesAgo(0) } };
    },
    'POST /api/flows/import': ({ body }) => {
      const file = body as { name?: string; graph?: unknown };
      if (!file.graph) return errorReply(400, 'INVALID_FLOW_FILE', 'Not a flow file', { problems: [{ field: 'graph', message: 'Required' }] });
      const copy = summary(`copy-${flows.length}`, `${file.name} (2)`);
      flows = [copy, ...flows];
      return { status: 201, body: asFlow(copy) };
    },
  });
  return { client, flows: () => flows };
}

const rowOf = (id: string) => screen.findByTestId(`flow-row-${id}`);

describe('FlowsPage', () => {
  it('lists each flow with its name, published version or draft, and when it changed', async () => {
    const server = flowsServer([summary('f1', 'Menu da loja', { publishedVersion: 3 }), summary('f2', 'Promoções')]);
    renderRoute('/flows', { client: server.client, session: demoSession() });

    const published = await rowOf('f1');
    expect(within(published).getByRole('link', { name: 'Menu da loja' })).toHaveAttribute('href', '/flows/f1');
    expect(within(published).getByTestId('flow-status')).toHaveTextContent('Publicado · versão 3');
    expect(within(published).getByTestId('flow-updated')).toHaveTextContent('Atualizado há 5 minutos');
    expect(within(await rowOf('f2')).getByTestId('flow-status')).toHaveTextContent('Rascunho');
    expect(within(screen.getByTestId('flow-list')).getAllByRole('listitem')).toHaveLength(2);
  });

  it('invites to create the first flow when there is none, inside the (empty) list container', async () => {
    const { user, router } = renderRoute('/flows', { client: flowsServer([]).client, session: demoSession() });

    const list = await screen.findByTestId('flow-list');
    expect(within(list).getByRole('heading', { name: 'Você ainda não tem nenhum fluxo' })).toBeInTheDocument();
    await user.click(within(list).getByTestId('empty-new-flow'));

    expect(await screen.findByTestId('flow-editor')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/flows/new-1');
  });

  it('creates a flow in one click, named so that it differs from the others, and opens it', async () => {
    const server = flowsServer([summary('f1', 'Novo fluxo')]);
    const { user, router } = renderRoute('/flows', { client: server.client, session: demoSession() });

    await rowOf('f1');
    await user.click(screen.getByTestId('new-flow'));

    expect(await screen.findByTestId('editor-flow-name')).toHaveTextContent('Novo fluxo (2)');
    expect(router.state.location.pathname).toBe('/flows/new-1');
    expect(server.client.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Novo fluxo (2)' });
  });

  it('asks before deleting, and deletes only after the confirmation', async () => {
    const server = flowsServer([summary('f1', 'Menu da loja', { liveConversations: 2 }), summary('f2', 'Promoções')]);
    const { user } = renderRoute('/flows', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('f1')).getByTestId('flow-delete'));
    const dialog = screen.getByRole('dialog', { name: 'Excluir “Menu da loja”?' });
    expect(dialog).toHaveTextContent('Há 2 conversas em andamento neste fluxo.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.client.calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(within(await rowOf('f1')).getByTestId('flow-delete'));
    await user.click(screen.getByTestId('confirm-accept'));

    await waitFor(() => expect(screen.queryByTestId('flow-row-f1')).not.toBeInTheDocument());
    expect(server.client.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/flows/f1']);
    expect(await screen.findByTestId('toast')).toHaveTextContent('Fluxo “Menu da loja” excluído.');
    expect(screen.getByTestId('flow-row-f2')).toBeInTheDocument();
  });

  it('renames with the ETag of the flow as loaded, and explains a conflict (412)', async () => {
    const server = flowsServer([summary('f1', 'Menu', { revision: 4 })]);
    const { user } = renderRoute('/flows', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('f1')).getByTestId('flow-rename'));
    const input = screen.getByLabelText('Nome do fluxo');
    await waitFor(() => expect(screen.getByTestId('rename-flow-submit')).toBeEnabled());
    // Someone else saves the flow after the dialog loaded it.
    server.flows()[0]!.revision = 5;
    await user.clear(input);
    await user.type(input, 'Menu principal');
    await user.click(screen.getByTestId('rename-flow-submit'));

    expect(await screen.findByTestId('rename-flow-error')).toHaveTextContent('Alguém alterou este fluxo enquanto você editava.');
    expect(server.client.calls.find((c) => c.method === 'PUT')?.headers).toEqual({ 'If-Match': '"4"' });

    // The dialog reloaded the flow: trying again sends the new ETag and succeeds.
    await waitFor(() => expect(server.client.calls.filter((c) => c.path === '/api/flows/f1' && c.method === 'GET')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('rename-flow-submit')).toBeEnabled());
    await user.click(screen.getByTestId('rename-flow-submit'));

    expect(await within(await rowOf('f1')).findByRole('link', { name: 'Menu principal' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.client.calls.filter((c) => c.method === 'PUT').map((c) => c.headers['If-Match'])).toEqual(['"4"', '"5"']);
  });

  it('duplicates through export and import', async () => {
    const server = flowsServer([summary('f1', 'Menu')]);
    const { user } = renderRoute('/flows', { client: server.client, session: demoSession() });

    await user.click(within(await rowOf('f1')).getByTestId('flow-duplicate'));

    expect(await screen.findByRole('link', { name: 'Menu (2)' })).toBeInTheDocument();
    expect(server.client.calls.map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining(['GET /api/flows/f1/export', 'POST /api/flows/import']),
    );
  });

  it("imports a file, and lists the server's problems with a wrong one", async () => {
    const server = flowsServer([]);
    const { user } = renderRoute('/flows', { client: server.client, session: demoSession() });
    const input = await screen.findByTestId('import-flow-input');

    await user.upload(input, new File([JSON.stringify({ name: 'Sem grafo' })], 'errado.json', { type: 'application/json' }));
    const alert = await screen.findByTestId('import-error');
    expect(alert).toHaveTextContent('Não foi possível importar “errado.json”.');
    expect(alert).toHaveTextContent('graph: Required');

    await user.upload(input, new File(['not json'], 'texto.json', { type: 'application/json' }));
    expect(await screen.findByTestId('import-error')).toHaveTextContent('O arquivo “texto.json” não é um arquivo de fluxo (JSON) válido.');
    await user.click(within(screen.getByTestId('import-error')).getByRole('button', { name: 'Fechar' }));
    expect(screen.queryByTestId('import-error')).not.toBeInTheDocument();

    await user.upload(input, new File([JSON.stringify({ name: 'Menu', graph: { nodes: [] } })], 'menu.json', { type: 'application/json' }));
    expect(await screen.findByRole('link', { name: 'Menu (2)' })).toBeInTheDocument();
    expect(screen.queryByTestId('import-error')).not.toBeInTheDocument();
  });

  it('shows a viewer the flows without the buttons that change them', async () => {
    renderRoute('/flows', { client: flowsServer([summary('f1', 'Menu')]).client, session: demoSession('viewer') });

    const row = await rowOf('f1');
    expect(within(row).getByTestId('flow-export')).toBeInTheDocument();
    expect(within(row).queryByTestId('flow-delete')).not.toBeInTheDocument();
    expect(screen.queryByTestId('new-flow')).not.toBeInTheDocument();
  });

  it('offers to try again when the list cannot load', async () => {
    let fail = true;
    const client = fakeApiClient({ 'GET /api/flows': () => (fail ? errorReply(503, 'UNAVAILABLE') : { body: [summary('f1', 'Menu')] }) });
    const { user } = renderRoute('/flows', { client, session: demoSession() });

    expect(await screen.findByTestId('flows-error')).toHaveTextContent('Não foi possível carregar seus fluxos.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    expect(await rowOf('f1')).toBeInTheDocument();
  });
});
