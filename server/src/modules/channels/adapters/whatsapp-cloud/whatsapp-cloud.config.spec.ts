import { DEFAULT_API_BASE_URL, DEFAULT_API_VERSION, graphUrl, parseWhatsAppCloudConfig } from './whatsapp-cloud.config';

const valid = { phoneNumberId: '118273645509182', accessToken: 'EAAsecret-token', appSecret: 'app-secret-value', verifyToken: 'verify-me' };

describe('parseWhatsAppCloudConfig', () => {
  it('fills the defaults', () => {
    expect(parseWhatsAppCloudConfig(valid)).toEqual({ ...valid, apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' });
    expect([DEFAULT_API_BASE_URL, DEFAULT_API_VERSION]).toEqual(['https://graph.facebook.com', 'v25.0']);
  });

  it('keeps an explicit base URL and version, without trailing slashes, and treats blanks as defaults', () => {
    expect(parseWhatsAppCloudConfig({ ...valid, apiBaseUrl: 'http://127.0.0.1:4010//', apiVersion: 'v26.0' })).toMatchObject({ apiBaseUrl: 'http://127.0.0.1:4010', apiVersion: 'v26.0' });
    expect(parseWhatsAppCloudConfig({ ...valid, apiBaseUrl: '', apiVersion: ' ' })).toMatchObject({ apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' });
  });

  it('drops fields it does not know (the host adds webhookUrl)', () => {
    expect(parseWhatsAppCloudConfig({ ...valid, webhookUrl: 'https://x.test/webhooks/1' })).not.toHaveProperty('webhookUrl');
  });

  it.each([
    ['phoneNumberId', { ...valid, phoneNumberId: undefined }, /phoneNumberId is required/],
    ['phoneNumberId', { ...valid, phoneNumberId: '+55 11 99999-0000' }, /phoneNumberId must be the numeric Phone number ID/],
    ['phoneNumberId', { ...valid, phoneNumberId: 118273645509182 }, /phoneNumberId must be a string/],
    ['accessToken', { ...valid, accessToken: '  ' }, /accessToken is required/],
    ['appSecret', { ...valid, appSecret: undefined }, /appSecret is required \(the App Secret from App Dashboard/],
    ['verifyToken', { ...valid, verifyToken: null }, /verifyToken is required/],
    ['apiBaseUrl', { ...valid, apiBaseUrl: 'ftp://graph.facebook.com' }, /apiBaseUrl must be an http\(s\) URL/],
    ['apiVersion', { ...valid, apiVersion: '25' }, /apiVersion must look like v25.0/],
  ])('names the bad field: %s', (_field, config, message) => {
    expect(() => parseWhatsAppCloudConfig(config as Record<string, unknown>)).toThrow(message);
  });

  it('lists every bad field at once and never echoes a secret', () => {
    let message = '';
    try {
      parseWhatsAppCloudConfig({ accessToken: 'EAAsecret-token', appSecret: 42 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid WhatsApp Cloud channel config: /);
    expect(message).toMatch(/phoneNumberId is required/);
    expect(message).toMatch(/appSecret must be a string/);
    expect(message).toMatch(/verifyToken is required/);
    expect(message).not.toContain('EAAsecret-token');
    expect(() => parseWhatsAppCloudConfig(undefined)).toThrow(/phoneNumberId is required/);
  });
});

describe('graphUrl', () => {
  it('joins base, version and encoded segments', () => {
    const config = parseWhatsAppCloudConfig({ ...valid, apiBaseUrl: 'http://127.0.0.1:9/' });
    expect(graphUrl(config, '118273645509182', 'messages')).toBe('http://127.0.0.1:9/v25.0/118273645509182/messages');
    expect(graphUrl(config, '../me?x=1')).toBe('http://127.0.0.1:9/v25.0/..%2Fme%3Fx%3D1');
  });
});
