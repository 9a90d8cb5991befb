import { screen, waitFor, within } from '@testing-library/react';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeRequest } from '../../../testing/fakeApiClient';
import { demoSession, renderRoute, resetStores } from '../../../testing/renderRoute';
import { flowWith, nodeTypeViews, starterGraph } from '../../flow-editor/testFixtures';
import type { ConversationDetail } from '../../conversations/types';
import type { ContactSummary } from '../types';

beforeEach(resetStores);

const conversation = (source = 'live'): ConversationDetail => ({
  id: 'c1', channel: 'whatsapp_cloud', externalKey: '5511999990001', source, flowId: 'f1', flowVersion: 1, status: 'waiting',
  contact: { id: 'k-wa', name: 'Maria Souza' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  state: null, messages: [], turns: [],
});

const contacts: ContactSummary[] = [
  { id: 'k-wa', name: 'Maria Souza', phone: '+5511999990001', channel: 'whatsapp_cloud', externalId: '5511999990001', conversations: 1 },
  { id: 'k-tg', name: 'Maria', phone: null, channel: 'telegram', externalId: '777001', conversations: 1 },
  { id: 'k-jo', name: 'João', phone: '+5511988887777', channel: 'twilio', externalId: '5511988887777', conversations: 2 },
];

/** The contacts whose name or phone has `search`, as the server answers. */
const searched = (request: FakeRequest) => {
  const search = new URLSearchParams(request.path.split('?')[1]).get('search')?.toLowerCase() ?? '';
  return { body: contacts.filter((c) => `${c.name} ${c.phone ?? ''}`.toLowerCase().includes(search)) };
};

function server(merge: (request: FakeRequest) => ReturnType<typeof errorReply> | { body?: unknown } = () => ({ body: {} }), source = 'live') {
  return fakeApiClient({
    'GET /api/conversations/:id': () => ({ body: conversation(source) }),
    'GET /api/contacts\\?.*': searched,
    'POST /api/contacts/:id/merge': merge,
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows/:id': () => ({ body: flowWith(starterGraph()), headers: { ETag: '"1"' } }),
  });
}

describe('merging the contact of a conversation', () => {
  it('finds the other contact by name, merges it into this one and says so', async () => {
    const client = server();
    const { user } = renderRoute('/conversations/c1', { client, session: demoSession() });
    await user.click(await screen.findByTestId('conversation-merge-contact'));
    const dialog = await screen.findByTestId('merge-contact-dialog');
    // The conversation's own contact is not offered.
    await waitFor(() => expect(within(dialog).getByTestId('merge-contact-option-k-tg')).toBeInTheDocument());
    expect(within(dialog).queryByTestId('merge-contact-option-k-wa')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('merge-contact-option-k-jo')).toHaveTextContent('Twilio (WhatsApp ou SMS) · +5511988887777 · 2 conversas');
    await user.type(within(dialog).getByTestId('merge-contact-search'), 'maria');
    await waitFor(() => expect(within(dialog).queryByTestId('merge-contact-option-k-jo')).not.toBeInTheDocument());
    expect(within(dialog).getByTestId('merge-contact-accept')).toBeDisabled();
    await user.click(within(dialog).getByTestId('merge-contact-option-k-tg'));
    await user.click(within(dialog).getByTestId('merge-contact-accept'));
    await waitFor(() => expect(screen.queryByTestId('merge-contact-dialog')).not.toBeInTheDocument());
    expect(client.calls.find((call) => call.method === 'POST')).toMatchObject({ path: '/api/contacts/k-wa/merge', body: { contactId: 'k-tg' } });
    expect(await screen.findByText('Maria agora faz parte deste contato.')).toBeInTheDocument();
  });

  it("keeps the dialog open with the server's reason when the merge is refused", async () => {
    const client = server(() => errorReply(409, 'CONTACT_ALREADY_MERGED', 'already merged'));
    const { user } = renderRoute('/conversations/c1', { client, session: demoSession() });
    await user.click(await screen.findByTestId('conversation-merge-contact'));
    const dialog = await screen.findByTestId('merge-contact-dialog');
    await user.click(await within(dialog).findByTestId('merge-contact-option-k-tg'));
    await user.click(within(dialog).getByTestId('merge-contact-accept'));
    expect(await within(dialog).findByText('Este contato já foi mesclado com outro. Atualize a página e tente de novo.')).toBeInTheDocument();
  });

  it('offers no merge on a simulation, whose contact is a test visitor', async () => {
    renderRoute('/conversations/c1', { client: server(undefined, 'draft'), session: demoSession() });
    await screen.findByTestId('conversation-detail');
    expect(screen.queryByTestId('conversation-merge-contact')).not.toBeInTheDocument();
  });
});
