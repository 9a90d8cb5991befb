import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { useDockStore } from '../../flow-editor/store/dock.store';
import { starterGraph } from '../../flow-editor/testFixtures';
import type { FlowGraph } from '../../flow-editor/types';
import { versionOf, versionsServer } from '../testServer';

beforeEach(() => {
  resetStores();
  useDockStore.setState({ panel: null });
});

const AUTOSAVE = { timeout: 3_000 };

/** Version 1: the starter flow with another greeting and a node the draft no longer has. */
function olderGraph(): FlowGraph {
  const graph = starterGraph();
  graph.nodes[1]!.config = { kind: 'text', text: 'Oi, tudo bem?' };
  graph.nodes.push({ id: 'closed', type: 'fluxo.businessHours', typeVersion: 1, position: { x: 640, y: 0 }, config: {} });
  graph.edges.push({ id: 'welcome-closed', source: 'welcome', sourcePort: 'out', target: 'closed' });
  return graph;
}

const twoVersions = () => [
  versionOf(2, starterGraph(), { changelog: 'Mensagem de boas-vindas nova', author: { id: 'u2', name: 'Bruno' }, liveConversations: 4 }),
  versionOf(1, olderGraph(), { author: null }),
];

async function openPanel(backend: ReturnType<typeof versionsServer>) {
  const rendered = renderRoute('/flows/f1', { client: backend.client, session: demoSession() });
  await screen.findByTestId('node-start');
  await rendered.user.click(screen.getByTestId('versions-open'));
  return { ...rendered, panel: await screen.findByTestId('versions-panel') };
}

describe('VersionsPanel', () => {
  it('says so before the first publish, and the button closes it again', async () => {
    const { user, panel } = await openPanel(versionsServer());
    expect(await within(panel).findByTestId('versions-empty')).toHaveTextContent('Nenhuma versão publicada ainda');
    await user.click(screen.getByTestId('versions-open'));
    expect(screen.queryByTestId('versions-panel')).not.toBeInTheDocument();
  });

  it('lists versions newest first: who, when, changelog, the published badge and live conversations', async () => {
    const { panel } = await openPanel(versionsServer({ publishedVersion: 2, versions: twoVersions() }));
    const items = await within(panel).findAllByTestId('version-item');
    expect(items.map((item) => item.dataset.version)).toEqual(['2', '1']);

    const [latest, first] = items as [HTMLElement, HTMLElement];
    expect(latest).toHaveTextContent('Versão 2');
    expect(within(latest).getByTestId('version-author')).toHaveTextContent('Bruno');
    expect(within(latest).getByTestId('version-changelog')).toHaveTextContent('Mensagem de boas-vindas nova');
    expect(within(latest).getByTestId('version-published')).toHaveTextContent('publicada');
    expect(within(latest).getByTestId('version-live')).toHaveTextContent('4 conversas em andamento');
    const time = within(latest).getByTestId('version-time');
    expect(time).toHaveAttribute('dateTime', '2026-01-01T00:00:00.000Z');
    expect(time.getAttribute('title')).toMatch(/2026/);

    expect(within(first).getByTestId('version-author')).toHaveTextContent('Autor desconhecido');
    expect(within(first).getByTestId('version-changelog')).toHaveTextContent('Sem descrição');
    expect(within(first).queryByTestId('version-published')).not.toBeInTheDocument();
    expect(within(first).queryByTestId('version-live')).not.toBeInTheDocument();
  });

  it('restores after confirmation: the canvas shows the version and the next save uses its ETag', async () => {
    const backend = versionsServer({ publishedVersion: 2, versions: twoVersions() });
    const { user, panel } = await openPanel(backend);
    const first = (await within(panel).findAllByTestId('version-item'))[1]!;

    await user.click(within(first).getByTestId('version-restore'));
    const confirm = screen.getByTestId('confirm-dialog');
    expect(confirm).toHaveTextContent('O rascunho será substituído pela versão 1. Nada é publicado até você publicar.');
    expect(within(confirm).queryByTestId('restore-unsaved')).not.toBeInTheDocument();
    await user.click(within(confirm).getByTestId('confirm-cancel'));
    expect(backend.calls('POST', '/restore')).toHaveLength(0);

    await user.click(within(first).getByTestId('version-restore'));
    await user.click(within(screen.getByTestId('confirm-dialog')).getByTestId('confirm-accept'));

    expect(await screen.findByTestId('toast')).toHaveTextContent('Versão 1 restaurada no rascunho');
    expect(backend.calls('POST', '/versions/1/restore')).toHaveLength(1);
    expect(await within(screen.getByTestId('canvas')).findByTestId('node-closed')).toBeInTheDocument();
    expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo');

    await user.click(screen.getByTestId('palette-item-fluxo.askQuestion'));
    await waitFor(() => expect(backend.calls('PUT', '/api/flows/f1')).toHaveLength(1), AUTOSAVE);
    expect(backend.calls('PUT', '/api/flows/f1')[0]!.headers['If-Match']).toBe('"2"');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo'), AUTOSAVE);
  });

  it('warns harder when the draft has unsaved edits', async () => {
    const { user, panel } = await openPanel(versionsServer({ publishedVersion: 2, versions: twoVersions() }));
    const items = await within(panel).findAllByTestId('version-item');
    await user.click(screen.getByTestId('palette-item-fluxo.businessHours'));
    await user.click(within(items[1]!).getByTestId('version-restore'));
    expect(within(screen.getByTestId('confirm-dialog')).getByTestId('restore-unsaved')).toHaveTextContent('serão perdidas');
  });

  it('shows an old version read-only, and with the diff marks added, removed and changed nodes', async () => {
    const { user, panel } = await openPanel(versionsServer({ publishedVersion: 2, versions: twoVersions() }));
    await user.click(within((await within(panel).findAllByTestId('version-item'))[1]!).getByTestId('version-view'));

    const viewer = await screen.findByTestId('version-viewer');
    const canvas = await within(viewer).findByTestId('version-canvas');
    expect(canvas).toHaveAttribute('data-readonly', 'true');
    expect(await within(canvas).findByTestId('node-closed')).not.toHaveAttribute('data-diff');
    expect(within(canvas).getByTestId('node-welcome')).toHaveTextContent('Oi, tudo bem?');

    await user.click(within(viewer).getByTestId('version-diff-toggle'));
    const diffCanvas = await within(viewer).findByTestId('version-canvas');
    expect(await within(diffCanvas).findByTestId('node-closed')).toHaveAttribute('data-diff', 'removed');
    expect(within(diffCanvas).getByTestId('node-welcome')).toHaveAttribute('data-diff', 'changed');
    expect(within(diffCanvas).getByTestId('node-welcome')).toHaveTextContent('Olá! Como posso ajudar?');
    expect(within(diffCanvas).getByTestId('node-start')).not.toHaveAttribute('data-diff');
    expect(within(viewer).getByTestId('version-diff-count-removed')).toHaveTextContent('Só nesta versão (1)');
    expect(within(viewer).getByTestId('version-diff-count-changed')).toHaveTextContent('Alterados (1)');
    expect(within(viewer).getByTestId('version-diff-count-added')).toHaveTextContent('Só no rascunho (0)');

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('version-viewer')).not.toBeInTheDocument();
  });

  it('marks a node only in the draft as added, and restores from the viewer', async () => {
    const backend = versionsServer({ publishedVersion: 2, versions: twoVersions() });
    const { user, panel } = await openPanel(backend);
    const items = await within(panel).findAllByTestId('version-item');
    await user.click(screen.getByTestId('palette-item-fluxo.askQuestion'));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Salvo'), AUTOSAVE);
    const added = backend.savedGraph().nodes.find((node) => node.type === 'fluxo.askQuestion')!;

    await user.click(within(items[0]!).getByTestId('version-view'));
    const viewer = await screen.findByTestId('version-viewer');
    await user.click(within(viewer).getByTestId('version-diff-toggle'));
    expect(await within(within(viewer).getByTestId('version-canvas')).findByTestId(`node-${added.id}`)).toHaveAttribute('data-diff', 'added');

    await user.click(within(viewer).getByTestId('version-restore'));
    await user.click(within(screen.getByTestId('confirm-dialog')).getByTestId('confirm-accept'));
    await waitFor(() => expect(screen.queryByTestId('version-viewer')).not.toBeInTheDocument());
    expect(backend.calls('POST', '/versions/2/restore')).toHaveLength(1);
    expect(within(screen.getByTestId('canvas')).queryByTestId(`node-${added.id}`)).not.toBeInTheDocument();
  });
});
