import { screen, within } from '@testing-library/react';
import { fakeApiClient } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { useEditorStore } from '../store/editor.store';
import { flowWith, nodeTypeViews, starterGraph } from '../testFixtures';

beforeEach(resetStores);

function openEditor() {
  const client = fakeApiClient({
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows/:id': () => ({ body: flowWith(starterGraph(), 1), headers: { ETag: '"1"' } }),
    'PUT /api/flows/:id': () => ({ body: flowWith(starterGraph(), 2), headers: { ETag: '"2"' } }),
    'GET /api/flows': () => ({ body: [] }),
  });
  return renderRoute('/flows/f1', { client, session: demoSession() });
}

describe('CanvasToolbar', () => {
  it('undoes and redoes an added node, the buttons enabled only when there is something to do', async () => {
    const { user } = openEditor();
    const undo = await screen.findByTestId('canvas-undo');
    expect(undo).toBeDisabled();
    expect(undo).toHaveAttribute('title', 'Desfazer (Ctrl+Z)');

    await user.click(screen.getByTestId('palette-item-fluxo.askQuestion'));
    expect(useEditorStore.getState().nodes).toHaveLength(3);
    await user.click(undo);
    expect(useEditorStore.getState().nodes).toHaveLength(2);
    expect(undo).toBeDisabled();
    await user.click(screen.getByTestId('canvas-redo'));
    expect(useEditorStore.getState().nodes).toHaveLength(3);
  });

  it('tidies the flow up as one undo step and lists the shortcuts', async () => {
    const { user } = openEditor();
    await user.click(await screen.findByTestId('canvas-layout'));
    expect(useEditorStore.getState().history.past).toHaveLength(1);
    expect(useEditorStore.getState().nodes[1]!.position.x).toBeGreaterThan(useEditorStore.getState().nodes[0]!.position.x);

    await user.click(screen.getByTestId('shortcuts-help'));
    const help = screen.getByTestId('shortcuts-popover');
    expect(within(help).getByText('Selecionar uma área')).toBeInTheDocument();
    expect(within(help).getByText('Shift+arrastar no fundo')).toBeInTheDocument();
  });
});
