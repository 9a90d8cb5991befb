/** What the ChannelsPage specs share: channels as the server shows them, a fake channels server, and helpers. */
import { screen } from '@testing-library/react';
import { demoSession, renderRoute } from '../../../testing/renderRoute';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeApiClient, FakeReply } from '../../../testing/fakeApiClient';
import type { Session } from '../../auth/types';
import type { FlowSummary } from '../../flows/types';
import { SECRET_MASK } from '../types';
import type { ChannelType, ChannelView, CreateChannelInput, UpdateChannelInput } from '../types';

export const PUBLIC_URL = 'https://bot.lojadaana.com.br';
const SECRETS: Record<ChannelType, string[]> = {
  whatsapp_cloud: ['accessToken', 'appSecret', 'verifyToken'],
  evolution: ['apiKey', 'jwtKey'],
  telegram: ['botToken', 'secretToken'],
  twilio: ['authToken'],
  webchat: [],
};

/** A channel as the server shows it: secrets masked, its webhook address (or, for the website chat, its script). */
export function channel(id: string, type: ChannelType, name: string, config: Record<string, unknown>, extra: Partial<ChannelView> = {}): ChannelView {
  const masked = Object.fromEntries(Object.entries(config).map(([field, value]) => [field, SECRETS[type].includes(field) ? SECRET_MASK : value]));
  const scriptUrl = `${PUBLIC_URL}/widget.js?key=key-${id}`;
  return {
    id,
    type,
    name,
    config: masked,
    flowIds: null,
    pauseBotMinutes: 60,
    allowGroups: false,
    webhookUrl: type === 'webchat' ? null : `${PUBLIC_URL}/webhooks/${type.replace('_', '-')}/${id}`,
    ...(type === 'webchat' ? { widget: { scriptUrl, snippet: `<script src="${scriptUrl}" async></script>` } } : {}),
    status: 'active',
    statusDetail: null,
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
    ...extra,
  };
}

export const telegram = (extra: Partial<ChannelView> = {}) =>
  channel('ch-tg', 'telegram', 'Robô da loja', { botToken: 'x', secretToken: 'y', apiBaseUrl: 'https://api.telegram.org' }, extra);

const flow = (id: string, name: string, publishedVersion: number | null): FlowSummary => ({
  id,
  name,
  revision: 1,
  publishedVersion,
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
  liveConversations: 0,
});

type Overrides = { create?: (input: CreateChannelInput) => FakeReply | false | undefined; activate?: (row: ChannelView) => FakeReply | undefined };

/** The channels endpoints over an array, like the server (oldest first), with the flows for the picker. */
export function channelsServer(initial: ChannelView[], overrides: Overrides = {}) {
  let channels = [...initial];
  let created = 0;
  const find = (id: string | undefined) => channels.find((row) => row.id === id);
  const notFound = errorReply(404, 'CHANNEL_NOT_FOUND', 'The channel was not found.');
  const client = fakeApiClient({
    'GET /api/channels': () => ({ body: channels }),
    'GET /api/flows': () => ({ body: [flow('f1', 'Atendimento', 2), flow('f2', 'Promoções', null)] }),
    'POST /api/channels': ({ body }) => {
      const input = body as CreateChannelInput;
      const refused = overrides.create?.(input);
      if (refused) return refused;
      created += 1;
      const row = channel(`new-${created}`, input.type, input.name, input.config, {
        flowIds: input.flowIds ?? null,
        pauseBotMinutes: input.pauseBotMinutes ?? 60,
        allowGroups: input.allowGroups ?? false,
      });
      channels = [...channels, row];
      return { status: 201, body: row };
    },
    'PUT /api/channels/:id': ({ params, body }) => {
      const row = find(params.id);
      if (!row) return notFound;
      const input = body as UpdateChannelInput;
      const { config, status, ...rest } = input;
      const updated: ChannelView = {
        ...row,
        ...rest,
        config: channel(row.id, row.type, row.name, { ...row.config, ...config }).config,
        ...(status ? { status, statusDetail: null } : {}),
      };
      channels = channels.map((other) => (other.id === row.id ? updated : other));
      return { body: updated };
    },
    'DELETE /api/channels/:id': ({ params }) => {
      channels = channels.filter((row) => row.id !== params.id);
      return { status: 204 };
    },
    'POST /api/channels/:id/activate': ({ params }) => {
      const row = find(params.id);
      if (!row) return notFound;
      const refused = overrides.activate?.(row);
      if (refused) {
        // The server keeps the refusal on the channel, as its status.
        const message = (refused.body as { error: { message: string } }).error.message;
        channels = channels.map((other) => (other.id === row.id ? { ...other, status: 'error', statusDetail: message } : other));
        return refused;
      }
      const activated: ChannelView = { ...row, status: 'active', statusDetail: null };
      channels = channels.map((other) => (other.id === row.id ? activated : other));
      return { body: activated };
    },
  });
  return { client, channels: () => channels };
}

/** The studio at `/channels`, signed in (as the owner unless told). */
export const renderChannelsPage = (client: FakeApiClient, role?: Session['user']['role']) => renderRoute('/channels', { client, session: demoSession(role) });

/** The page, then "connect", then the type: the form of that type's channel, empty. */
export async function openConnectForm(client: FakeApiClient, type: ChannelType) {
  const rendered = renderChannelsPage(client);
  await rendered.user.click(await screen.findByTestId('new-channel'));
  await rendered.user.click(screen.getByTestId(`channel-type-${type}`));
  return rendered;
}

export const rowOf = (id: string) => screen.findByTestId(`channel-row-${id}`);
export const bodiesOf = (client: FakeApiClient, method: string) => client.calls.filter((call) => call.method === method).map((call) => call.body);
export const toasts = () => screen.getAllByTestId('toast').map((toast) => toast.querySelector('p')?.textContent);

/** Fills `getRandomValues` with 128, 130, 132…: the secret is every other character of the alphabet (the high bits ignored). */
export function predictableRandom() {
  jest.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array;
    bytes.forEach((_byte, index) => (bytes[index] = 128 + index * 2));
    return array;
  });
}
