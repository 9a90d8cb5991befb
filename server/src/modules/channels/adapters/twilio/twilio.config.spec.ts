import { ZodError } from 'zod';
import { parseTwilioConfig } from './twilio.config';

const valid = { accountSid: 'AC9422162090adb34a3297abb904571272', authToken: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', from: 'whatsapp:+5511999990000' };

const issuesOf = (config: unknown): string[] => {
  try {
    parseTwilioConfig(config);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return (error as ZodError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
};

describe('parseTwilioConfig', () => {
  it('defaults the API base URL to Twilio', () => {
    expect(parseTwilioConfig(valid)).toEqual({ ...valid, apiBaseUrl: 'https://api.twilio.com' });
  });

  it('strips trailing slashes from the API base URL', () => {
    expect(parseTwilioConfig({ ...valid, apiBaseUrl: 'http://127.0.0.1:4010//' }).apiBaseUrl).toBe('http://127.0.0.1:4010');
  });

  it('takes an SMS sender', () => {
    expect(parseTwilioConfig({ ...valid, from: '+5511999990000' }).from).toBe('+5511999990000');
  });

  it('drops what it does not know, such as the webhookUrl the host adds', () => {
    expect(parseTwilioConfig({ ...valid, webhookUrl: 'https://x.example/hook', extra: 1 })).toEqual({ ...valid, apiBaseUrl: 'https://api.twilio.com' });
  });

  it.each([
    [{}, ['accountSid: Invalid input: expected string, received undefined', 'authToken: Invalid input: expected string, received undefined', 'from: Invalid input: expected string, received undefined']],
    [{ ...valid, accountSid: 'AC123' }, ['accountSid: an Account SID: AC followed by 32 hex digits']],
    [{ ...valid, accountSid: 'SK9422162090adb34a3297abb904571272' }, ['accountSid: an Account SID: AC followed by 32 hex digits']],
    [{ ...valid, authToken: '  ' }, ['authToken: the Auth Token is required']],
    [{ ...valid, from: '5511999990000' }, ['from: whatsapp:+E.164 for WhatsApp or +E.164 for SMS, e.g. whatsapp:+5511999990000']],
    [{ ...valid, from: 'whatsapp:5511999990000' }, ['from: whatsapp:+E.164 for WhatsApp or +E.164 for SMS, e.g. whatsapp:+5511999990000']],
    [{ ...valid, from: 'MG888d9b13bf36de973508789de0d79a09' }, ['from: whatsapp:+E.164 for WhatsApp or +E.164 for SMS, e.g. whatsapp:+5511999990000']],
    [{ ...valid, apiBaseUrl: 'ftp://api.twilio.com' }, ['apiBaseUrl: an http(s) URL, e.g. https://api.twilio.com']],
  ])('refuses %j', (config, issues) => {
    expect(issuesOf(config)).toEqual(issues);
  });

  it('never puts the token in its error', () => {
    const secret = 'not-a-sid-but-a-secret';
    expect(JSON.stringify(issuesOf({ ...valid, accountSid: secret }))).not.toContain(secret);
  });
});
