import { act, screen, waitFor, within } from '@testing-library/react';
import { fakeApiClient } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { useDockStore } from '../store/dock.store';
import { useEditorStore } from '../store/editor.store';
import { useProblemsStore } from '../store/problems.store';
import { flowWith, nodeTypeViews, starterGraph } from '../testFixtures';
import type { FlowProblem } from '../types';

beforeEach(resetStores);

const PROBLEMS: FlowProblem[] = [
  { code: 'NO_TRIGGER', severity: 'error', message: 'The flow has no trigger.' },
  { code: 'UNCONNECTED_PORT', severity: 'error', message: 'Port "out" of node "welcome" is not connected.', nodeId: 'welcome' },
];

function openEditor(problems: FlowProblem[]) {
  const client = fakeApiClient({
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows/:id': () => ({ body: flowWith(starterGraph(), 1, { problems }), headers: { ETag: '"1"' } }),
    'GET /api/flows': () => ({ body: [] }),
  });
  return renderRoute('/flows/f1', { client, session: demoSession() });
}

describe('ProblemsPanel', () => {
  it('opens from the header count and lists every problem in friendly words, graph-wide ones too', async () => {
    const { user } = openEditor(PROBLEMS);
    await user.click(await screen.findByTestId('problems-count'));

    const items = within(screen.getByTestId('problems-panel')).getAllByTestId('problem-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Fluxo inteiro');
    expect(items[0]).toHaveTextContent('O fluxo não tem gatilho');
    expect(items[1]).toHaveAttribute('data-node-id', 'welcome');
    expect(items[1]).toHaveTextContent('Enviar mensagem');
    expect(items[1]).toHaveTextContent('A saída “out” precisa estar conectada');
    expect(within(screen.getByTestId('node-welcome')).getByTestId('node-problem-badge')).toHaveAttribute('title', expect.stringContaining('precisa estar conectada'));
  });

  it('selects the node of a clicked problem and gives the dock back to its inspector', async () => {
    const { user } = openEditor(PROBLEMS);
    await user.click(await screen.findByTestId('problems-count'));
    const item = screen.getAllByTestId('problem-item').find((element) => element.dataset.nodeId === 'welcome')!;
    await user.click(item);

    await waitFor(() => expect(useEditorStore.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['welcome']));
    expect(useDockStore.getState().panel).toBeNull();
    expect(screen.queryByTestId('problems-panel')).not.toBeInTheDocument();
  });

  it('says the flow is ready when the problems are gone', async () => {
    openEditor(PROBLEMS);
    await screen.findByTestId('problems-count');
    act(() => {
      useDockStore.getState().open('problems');
      useProblemsStore.getState().setProblems([]);
    });
    expect(await screen.findByTestId('problems-empty')).toHaveTextContent('Nenhum problema. Pronto para publicar.');
  });
});
