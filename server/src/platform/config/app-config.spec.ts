import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('has a default for everything the embedded mode needs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, redisUrl: undefined, publicUrl: 'http://localhost:3000', logLevel: 'info', queuePrefix: 'fluxo' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads production settings, ignoring empty values', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/fluxo', REDIS_URL: 'redis://cache:6379', PUBLIC_URL: 'https://bots.example.com/', LOG_LEVEL: '', TURN_CONCURRENCY: '32' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@db:5432/fluxo', redisUrl: 'redis://cache:6379', publicUrl: 'https://bots.example.com', logLevel: 'info', turns: { concurrency: 32 } });
  });

  it('refuses bad values naming every one of them and what to do', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'http', DATABASE_URL: 'mysql://x', FLUXO_SECRET_KEY: 'short', LOG_LEVEL: 'loud' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'FLUXO_SECRET_KEY', 'LOG_LEVEL']) expect(message).toContain(name);
    expect(message).toMatch(/openssl rand -hex 32/);
    expect(message).toMatch(/\.env\.example/);
  });
});
