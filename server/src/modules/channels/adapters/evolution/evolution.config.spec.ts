import { EvolutionConfigError, parseEvolutionConfig } from './evolution.config';

const valid = { baseUrl: 'https://evo.exemplo-bot.com.br/', instance: 'clinica-sorriso', apiKey: 'E3B1C9A2-6F4D-4A8B-9C1E-2D7F5A0B8C34' };

describe('parseEvolutionConfig', () => {
  it('strips trailing slashes and defaults ignoreGroups to true', () => {
    expect(parseEvolutionConfig({ ...valid, baseUrl: 'https://evo.exemplo-bot.com.br/api//' })).toEqual({
      baseUrl: 'https://evo.exemplo-bot.com.br/api', instance: 'clinica-sorriso', apiKey: valid.apiKey, ignoreGroups: true,
    });
  });

  it('keeps jwtKey, ignoreGroups and the host-added webhookUrl', () => {
    const config = { ...valid, jwtKey: 'evo-jwt-test-key-clinica-sorriso-2026', ignoreGroups: false, webhookUrl: 'https://fluxo.example.com/webhooks/evolution/ch_1/t' };
    expect(parseEvolutionConfig(config)).toEqual({ ...config, baseUrl: 'https://evo.exemplo-bot.com.br' });
  });

  it.each([null, ''])('treats jwtKey %j as not set', (jwtKey) => {
    expect(parseEvolutionConfig({ ...valid, jwtKey }).jwtKey).toBeUndefined();
  });

  it.each([
    ['a non-http baseUrl', { ...valid, baseUrl: 'ftp://evo.example.com' }, 'baseUrl: must be an http(s) URL, e.g. https://evo.example.com'],
    ['an instance with spaces', { ...valid, instance: 'clinica sorriso' }, 'instance: must be a URL-safe slug: letters, digits, - and _ (e.g. clinica-sorriso)'],
    ['an instance with a slash', { ...valid, instance: '../admin' }, 'instance: must be a URL-safe slug: letters, digits, - and _ (e.g. clinica-sorriso)'],
    ['an empty apiKey', { ...valid, apiKey: '' }, 'apiKey: is required'],
  ])('rejects %s', (_label, config, problem) => {
    expect(() => parseEvolutionConfig(config)).toThrow(new EvolutionConfigError(`Evolution channel config is invalid: ${problem}`));
  });

  it('names every problem at once, without echoing secrets', () => {
    let message = '';
    try {
      parseEvolutionConfig({ instance: 'a b', apiKey: 42, jwtKey: 'super-secret-jwt' , ignoreGroups: 'yes' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Evolution channel config is invalid: baseUrl: .+; instance: .+; apiKey: .+; ignoreGroups: .+$/);
    expect(message).not.toContain('super-secret-jwt');
  });
});
