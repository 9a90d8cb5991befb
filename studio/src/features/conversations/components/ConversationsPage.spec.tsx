import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { fakeApiClient } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { nodeTypeViews, flowWith, starterGraph } from '../../flow-editor/testFixtures';
import type { TraceStep } from '@fluxo/engine';
import type { ConversationDetail, ConversationSummary } from '../types';
import { TraceViewer } from './TraceViewer';

beforeEach(resetStores);

const step = (nodeId: string, extra: Partial<TraceStep> = {}): TraceStep => ({
  flowId: 'f1', nodeId, type: 'fluxo.sendMessage', typeVersion: 1, startedAt: 0, durationMs: 12.4, action: 'next', port: 'out', varChanges: [], ...extra,
});

const summary = (id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id, channel: 'whatsapp', externalKey: id, source: 'live', flowId: 'f1', flowVersion: 1, status: 'waiting',
  contact: { id: `c-${id}`, name: 'Bia' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: new Date().toISOString(), ...extra,
});

const detail = (status = 'failed'): ConversationDetail => ({
  ...summary('c1', { status }),
  state: null,
  messages: [
    { id: 'm1', direction: 'in', type: 'text', content: { kind: 'message', message: { type: 'text', text: 'oi' } }, status: 'received', createdAt: '2026-01-01T10:00:00.000Z' },
    { id: 'm2', direction: 'out', type: 'text', content: { kind: 'text', text: 'Olá! *Bem-vinda*' }, status: 'sent', createdAt: '2026-01-01T10:00:01.000Z' },
  ],
  turns: [
    {
      id: 't1', status: 'failed', flowId: 'f1', flowVersion: 1, durationMs: 20, error: null, createdAt: '2026-01-01T10:00:01.000Z',
      trace: [step('start', { type: 'fluxo.messageTrigger' }), step('welcome', { action: 'error', port: 'error', varChanges: [{ scope: 'flow', name: 'tries', from: null, to: 1 }], error: { kind: 'provider', code: 'HTTP_500', message: 'A loja não respondeu.' } })],
    },
  ],
});

describe('TraceViewer', () => {
  it('lists turns and steps with title, port, duration, variable changes and the error; a click focuses the node', async () => {
    const focused: string[] = [];
    render(
      <MemoryRouter>
        <TraceViewer turns={[{ id: 't1', status: 'failed', trace: detail().turns[0]!.trace! }]} nodeOf={(id) => (id === 'start' ? { label: 'Início' } : undefined)} onStep={(id) => focused.push(id)} />
      </MemoryRouter>,
    );
    expect(screen.getAllByTestId('trace-turn')).toHaveLength(1);
    const [start, welcome] = screen.getAllByTestId('trace-step');
    expect(start).toHaveTextContent('Início');
    expect(start).toHaveTextContent('Saída: out');
    expect(start).toHaveTextContent('12 ms');
    expect(welcome).toHaveAttribute('data-node-id', 'welcome');
    expect(welcome).toHaveTextContent('tries: (vazio) → 1');
    expect(within(welcome!).getByTestId('trace-step-error')).toHaveTextContent('Erro de serviço externo (HTTP_500): A loja não respondeu.');
    await userEvent.click(within(welcome!).getByRole('button'));
    expect(focused).toEqual(['welcome']);
  });
});

describe('conversation pages', () => {
  const server = () =>
    fakeApiClient({
      'GET /api/conversations': () => ({ body: [summary('c1'), summary('c2', { channel: 'simulator', source: 'draft', status: 'ended', contact: { id: 'k', name: null } })] }),
      'GET /api/conversations\\?status=ended': () => ({ body: [summary('c2', { status: 'ended' })] }),
      'GET /api/conversations/:id': () => ({ body: detail() }),
      'POST /api/conversations/:id/reset': () => ({ body: detail('idle') }),
      'GET /api/node-types': () => ({ body: nodeTypeViews }),
      'GET /api/flows/:id': () => ({ body: flowWith(starterGraph()), headers: { ETag: '"1"' } }),
    });

  it('lists conversations with status and channel, and filters by status', async () => {
    const client = server();
    const { user } = renderRoute('/conversations', { client, session: demoSession() });
    const list = await screen.findByTestId('conversation-list');
    expect(within(list).getByTestId('conversation-row-c1')).toHaveTextContent('Esperando o cliente');
    expect(within(list).getByTestId('conversation-row-c2')).toHaveTextContent('Simulação do rascunho');
    expect(within(list).getByTestId('conversation-row-c2')).toHaveTextContent('Sem nome');
    await user.selectOptions(screen.getByTestId('conversation-filter'), 'ended');
    await waitFor(() => expect(screen.queryByTestId('conversation-row-c1')).not.toBeInTheDocument());
    expect(client.calls.at(-1)!.path).toBe('/api/conversations?status=ended');
  });

  it('shows the transcript and trace, links steps to the editor, and resets after confirming', async () => {
    const client = server();
    const { user } = renderRoute('/conversations/c1', { client, session: demoSession() });
    const page = await screen.findByTestId('conversation-detail');
    expect(within(page).getAllByTestId('transcript-message').map((line) => line.getAttribute('data-from'))).toEqual(['user', 'bot']);
    expect(within(page).getByText('Bem-vinda').tagName).toBe('STRONG');
    await waitFor(() => expect(within(page).getAllByTestId('trace-step')[0]).toHaveTextContent('Início'));
    expect(within(within(page).getAllByTestId('trace-step')[1]!).getByRole('link')).toHaveAttribute('href', '/flows/f1?node=welcome');

    await user.click(screen.getByTestId('conversation-reset'));
    await user.click(screen.getByTestId('confirm-accept'));
    await waitFor(() => expect(screen.getByTestId('conversation-status')).toHaveTextContent('Parada'));
    expect(client.calls.some((call) => call.method === 'POST' && call.path === '/api/conversations/c1/reset')).toBe(true);
  });
});
