import { screen, waitFor, within } from '@testing-library/react';
import { errorReply } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { starterGraph } from '../../flow-editor/testFixtures';
import type { FlowProblem } from '../../flow-editor/types';
import { versionOf, versionsServer } from '../testServer';

beforeEach(resetStores);

const AUTOSAVE = { timeout: 3_000 };
const problem = (nodeId: string | undefined, message: string): FlowProblem => ({ code: nodeId ? 'INVALID_CONFIG' : 'NO_TRIGGER', severity: 'error', message, ...(nodeId && { nodeId }) });

async function openDialog(backend: ReturnType<typeof versionsServer>) {
  const rendered = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
  await screen.findByTestId('node-start');
  await rendered.user.click(screen.getByTestId('publish-open'));
  return { ...rendered, dialog: await screen.findByTestId('publish-dialog') };
}

describe('PublishDialog', () => {
  it('lists the problems, blocks publishing, and a click goes to the node', async () => {
    const backend = versionsServer({ problems: [problem('welcome', 'Connect the output'), problem(undefined, 'The flow has no trigger')] });
    const { user, dialog } = await openDialog(backend);

    const problems = await within(dialog).findByTestId('publish-problems');
    const items = within(problems).getAllByTestId('publish-problem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Enviar mensagem Connect the output');
    expect(items[1]).toHaveTextContent('No fluxo The flow has no trigger');
    expect(within(dialog).getByTestId('publish-confirm')).toBeDisabled();
    expect(within(dialog).queryByTestId('publish-ready')).not.toBeInTheDocument();

    await user.click(items[0]!);
    expect(screen.queryByTestId('publish-dialog')).not.toBeInTheDocument();
    expect(useEditorStore.getState().nodes.find((node) => node.id === 'welcome')?.selected).toBe(true);
  });

  it('first publish: ready, sends the changelog with If-Match, toasts and refreshes the flow', async () => {
    const backend = versionsServer();
    const { user, dialog } = await openDialog(backend);

    expect(await within(dialog).findByTestId('publish-ready')).toHaveTextContent('Tudo certo');
    expect(within(dialog).getByTestId('publish-changes')).toHaveTextContent('primeira publicação');
    expect(within(dialog).queryByTestId('publish-policy')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('publish-changelog')).toHaveAttribute('maxLength', '2000');

    await user.type(within(dialog).getByTestId('publish-changelog'), '  Boas-vindas nova  ');
    const detailLoads = backend.calls('GET', '/api/flows/f1').length;
    await user.click(within(dialog).getByTestId('publish-confirm'));

    expect(await screen.findByTestId('toast')).toHaveTextContent('Versão 1 publicada');
    expect(screen.queryByTestId('publish-dialog')).not.toBeInTheDocument();
    const [publish] = backend.calls('POST', '/publish');
    expect(publish!.body).toEqual({ changelog: 'Boas-vindas nova', liveConversations: 'drain' });
    expect(publish!.headers['If-Match']).toBe('"1"');
    // The flow's queries are refreshed: the editor learns publishedVersion 1 (the list refetches when shown).
    await waitFor(() => expect(backend.calls('GET', '/api/flows/f1').length).toBeGreaterThan(detailLoads));
  });

  it('summarises the changes since the published version and sends the chosen policy for live conversations', async () => {
    const published = starterGraph();
    published.nodes[1]!.config = { kind: 'text', text: 'Oi!' };
    published.nodes.push({ id: 'old', type: 'fluxo.businessHours', typeVersion: 1, position: { x: 0, y: 200 }, config: {} });
    const backend = versionsServer({ publishedVersion: 1, versions: [versionOf(1, published, { liveConversations: 3 })] });
    const { user, dialog } = await openDialog(backend);

    const changes = await within(dialog).findByTestId('diff-count-changed');
    expect(changes).toHaveTextContent('1 bloco alterado');
    expect(within(dialog).getByTestId('diff-count-removed')).toHaveTextContent('1 bloco removido');
    expect(within(dialog).queryByTestId('diff-count-added')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('publish-changes')).toHaveTextContent('versão 1 publicada');

    const policy = within(dialog).getByTestId('publish-policy');
    expect(policy).toHaveTextContent('Há 3 conversas em andamento');
    expect(within(policy).getByTestId('publish-policy-drain')).toBeChecked();
    await user.click(within(policy).getByTestId('publish-policy-migrate'));
    await user.click(await within(dialog).findByTestId('publish-confirm'));

    expect(await screen.findByTestId('toast')).toHaveTextContent('Versão 2 publicada');
    expect(backend.calls('POST', '/publish')[0]!.body).toEqual({ liveConversations: 'migrate' });
  });

  it('on 422 FLOW_INVALID shows the problems the server listed', async () => {
    const backend = versionsServer({
      publishReply: () => errorReply(422, 'FLOW_INVALID', 'The flow is invalid.', { errors: [{ nodeId: 'start', code: 'INVALID_CONFIG', message: 'Pattern is required' }] }),
    });
    const { user, dialog } = await openDialog(backend);
    await user.click(await within(dialog).findByTestId('publish-confirm'));

    const problems = await within(dialog).findByTestId('publish-problems');
    expect(within(problems).getByTestId('publish-problem')).toHaveTextContent('Início Pattern is required');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('não foi publicado');
    expect(within(dialog).getByTestId('publish-confirm')).toBeDisabled();
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('waits for pending edits to be saved before checking and publishing them', async () => {
    const backend = versionsServer();
    const { user } = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
    await user.click(await screen.findByTestId('palette-item-fluxo.businessHours'));
    await user.click(screen.getByTestId('publish-open'));

    const dialog = await screen.findByTestId('publish-dialog');
    expect(within(dialog).getByTestId('publish-waiting-save')).toHaveTextContent('Salvando alterações…');
    expect(within(dialog).getByTestId('publish-confirm')).toBeDisabled();
    expect(backend.calls('GET', '?mode=publish')).toHaveLength(0);

    expect(await within(dialog).findByTestId('publish-ready', {}, AUTOSAVE)).toBeInTheDocument();
    expect(backend.calls('PUT', '/api/flows/f1')).toHaveLength(1);
    await user.click(within(dialog).getByTestId('publish-confirm'));
    await screen.findByTestId('toast');
    expect(backend.calls('POST', '/publish')[0]!.headers['If-Match']).toBe('"2"');
  });
});
