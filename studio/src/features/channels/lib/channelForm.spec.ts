import { catalogs, LANGUAGES } from '../../../shared/i18n/catalogs';
import { hasMessage } from '../../../shared/i18n/translate';
import { ApiError } from '../../../shared/api';
import { CHANNEL_TYPES, SECRET_MASK } from '../types';
import type { ChannelView } from '../types';
import { CHANNEL_FIELDS } from './channelFields';
import { createChannelBody, editChannelValues, newChannelValues, storedSecrets, updateChannelBody, validateChannel } from './channelForm';
import { generateSecretToken } from './secretToken';
import { activationReason, rejectedFields } from './serverErrors';

const view = (type: ChannelView['type'], config: Record<string, unknown>, extra: Partial<ChannelView> = {}): ChannelView => ({
  id: 'ch-1',
  type,
  name: 'Canal',
  config,
  flowIds: null,
  pauseBotMinutes: 60,
  allowGroups: false,
  webhookUrl: null,
  status: 'active',
  statusDetail: null,
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
  ...extra,
});

describe('channel fields', () => {
  it.each(LANGUAGES)('have a label and a hint in %s for every field of every type', (language) => {
    const missing = CHANNEL_TYPES.flatMap((type) => CHANNEL_FIELDS[type].flatMap((field) => [field.label, field.hint]))
      .filter((key) => !hasMessage(catalogs[language], key));
    expect(missing).toEqual([]);
  });
});

describe('channel form', () => {
  it('starts a new website chat with its title in the language and the default colour', () => {
    expect(newChannelValues('webchat', (field) => (typeof field.initial === 'object' ? 'Chat with us' : (field.initial ?? ''))).config).toEqual({
      allowedOrigins: '',
      title: 'Chat with us',
      subtitle: '',
      primaryColour: '#0f766e',
      greeting: '',
    });
  });

  it('reads a stored channel into the form: lists one a line, secrets empty and known as stored', () => {
    const channel = view('webchat', { allowedOrigins: ['https://a.com.br', 'https://b.com.br'], title: 'Oi', primaryColour: '#112233' });
    expect(editChannelValues(channel).config).toEqual({ allowedOrigins: 'https://a.com.br\nhttps://b.com.br', title: 'Oi', subtitle: '', primaryColour: '#112233', greeting: '' });

    const evolution = view('evolution', { baseUrl: 'https://evo.loja.com.br', instance: 'loja', apiKey: SECRET_MASK });
    expect(editChannelValues(evolution).config).toEqual({ baseUrl: 'https://evo.loja.com.br', instance: 'loja', apiKey: '', jwtKey: '' });
    expect([...storedSecrets(evolution)]).toEqual(['apiKey']);
    // A stored secret may stay empty; a missing one may not.
    expect(validateChannel('evolution', editChannelValues(evolution), storedSecrets(evolution))).toEqual({});
    expect(validateChannel('evolution', editChannelValues(evolution), new Set())).toEqual({ 'config.apiKey': { key: 'validation.required' } });
  });

  it('takes the pause in whole minutes up to a week', () => {
    const values = { ...editChannelValues(view('twilio', { accountSid: 'AC1', authToken: SECRET_MASK, from: '+15550100' })) };
    const stored = new Set(['authToken']);
    expect(validateChannel('twilio', { ...values, pauseBotMinutes: '10080' }, stored)).toEqual({});
    for (const pauseBotMinutes of ['10081', '1.5', '-1', '']) {
      expect(validateChannel('twilio', { ...values, pauseBotMinutes }, stored)).toEqual({
        pauseBotMinutes: { key: 'channels.form.pauseMinutesInvalid', params: { max: 10080 } },
      });
    }
  });

  it('sends the website addresses as a list, split on lines or commas, trimmed', () => {
    const values = {
      name: ' Chat ',
      config: { allowedOrigins: ' https://a.com.br,\n\nhttps://b.com.br  ', title: 'Oi ', subtitle: ' ', primaryColour: '#112233', greeting: '' },
      flowIds: ['f1'],
      pauseBotMinutes: '60',
      allowGroups: true,
    };
    expect(createChannelBody('webchat', values)).toEqual({
      type: 'webchat',
      name: 'Chat',
      config: { allowedOrigins: ['https://a.com.br', 'https://b.com.br'], title: 'Oi', primaryColour: '#112233' },
      flowIds: ['f1'],
    });
  });

  it('sends a cleared optional field that had a value as the server default (or empty when it has none)', () => {
    const whatsapp = view('whatsapp_cloud', {
      phoneNumberId: '123',
      accessToken: SECRET_MASK,
      appSecret: SECRET_MASK,
      verifyToken: SECRET_MASK,
      apiBaseUrl: 'https://proxy.loja.com.br',
      apiVersion: 'v24.0',
    });
    const values = editChannelValues(whatsapp);
    values.config.apiBaseUrl = '';
    values.config.apiVersion = ' ';
    values.config.appSecret = ' novo-segredo ';
    expect(updateChannelBody(whatsapp, values)).toEqual({
      name: 'Canal',
      config: { phoneNumberId: '123', appSecret: 'novo-segredo', apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' },
      flowIds: null,
      pauseBotMinutes: 60,
      allowGroups: false,
    });

    const chat = view('webchat', { allowedOrigins: ['*'], title: 'Oi', subtitle: 'Antes', primaryColour: '#112233' });
    const chatValues = editChannelValues(chat);
    chatValues.config.subtitle = '';
    expect(updateChannelBody(chat, chatValues).config).toEqual({ allowedOrigins: ['*'], title: 'Oi', subtitle: '', primaryColour: '#112233' });
  });
});

describe('server refusals', () => {
  it('marks every field a CHANNEL_CONFIG_INVALID message names, in either of the adapters’ wordings', () => {
    const whatsapp = new ApiError(
      422,
      'CHANNEL_CONFIG_INVALID',
      "The whatsapp_cloud channel's config is invalid: Invalid WhatsApp Cloud channel config: phoneNumberId must be the numeric Phone number ID; apiVersion must look like v25.0",
    );
    expect(rejectedFields(whatsapp, 'whatsapp_cloud')).toEqual({
      'config.phoneNumberId': { key: 'channels.field.rejected' },
      'config.apiVersion': { key: 'channels.field.rejected' },
    });
    const twilio = new ApiError(422, 'CHANNEL_CONFIG_INVALID', "The twilio channel's config is invalid: from: whatsapp:+E.164 for WhatsApp or +E.164 for SMS");
    expect(rejectedFields(twilio, 'twilio')).toEqual({ 'config.from': { key: 'channels.field.rejected' } });
    expect(rejectedFields(new ApiError(500, 'INTERNAL', 'from botToken'), 'telegram')).toEqual({});
  });

  it("keeps the provider's words of a refused activation, without the server's preamble", () => {
    expect(activationReason(new ApiError(422, 'CHANNEL_ACTIVATION_FAILED', 'The provider refused the webhook registration: Evolution answered 401'))).toBe('Evolution answered 401');
    expect(activationReason(new ApiError(422, 'CHANNEL_CONFIG_INVALID', 'x'))).toBeUndefined();
  });
});

describe('generateSecretToken', () => {
  it('makes 32 characters that Telegram accepts as a secret_token, different each time', () => {
    const tokens = Array.from({ length: 20 }, () => generateSecretToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(tokens).size).toBe(20);
  });
});
