import { Writable } from 'node:stream';
import { addToLogContext, runWithLogContext } from './log-context';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('info', stream) };
}

describe('logger', () => {
  it('stamps every line with the ids of the request or job it runs in', async () => {
    const { lines, log } = capture();
    await runWithLogContext({ requestId: 'r1' }, async () => {
      addToLogContext({ tenantId: 't1' });
      await runWithLogContext({ conversationId: 'c1' }, async () => log.info('turn done'));
    });
    log.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'r1', tenantId: 't1', conversationId: 'c1', msg: 'turn done' });
    expect(lines[1]).not.toHaveProperty('tenantId');
  });

  it('never prints passwords, tokens, API keys or authorization headers', () => {
    const { lines, log } = capture();
    log.info({
      password: 'segredo123', body: { password: 'segredo123', refreshToken: 'flr_abc' }, apiKey: 'flx_key',
      req: { headers: { authorization: 'Bearer eyJ...', cookie: 'sid=1', 'x-fluxo-secret': 'hook-secret' } },
    }, 'login');
    const printed = JSON.stringify(lines[0]);
    for (const secret of ['segredo123', 'flr_abc', 'flx_key', 'eyJ', 'sid=1', 'hook-secret']) expect(printed).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: '[redacted]', req: { headers: { authorization: '[redacted]' } } });
  });
});
