import { z } from 'zod';
import { defineNode, next, NodeConfigError, resumeNode, runNode, ui, wait } from '..';

const lookup = defineNode({
  type: 'acme.cepLookup', version: 1, title: 'CEP', description: 'Looks a CEP up', category: 'tools', icon: 'map-pin',
  // A templated field is checked after rendering: its stored form is '{{ vars.cep }}'.
  config: z.object({ cep: ui(z.string().min(1), { label: 'CEP', templated: true }) }),
  outputs: [{ id: 'found', label: 'Found' }, { id: 'missing', label: 'Not found' }],
  errorPort: true,
  async execute(ctx) {
    if (!/^\d{8}$/.test(ctx.config.cep)) throw new NodeConfigError(`"${ctx.config.cep}" is not a CEP (8 digits).`);
    const res = await ctx.http.request({ method: 'GET', url: `https://viacep.example/ws/${ctx.config.cep}/json` });
    if (res.status === 404) return next('missing');
    const body = res.body as { localidade: string };
    ctx.vars.set('city', body.localidade);
    ctx.log.info('found', { city: body.localidade });
    ctx.send({ kind: 'text', text: `Cidade: ${body.localidade}` });
    return next('found', { city: body.localidade });
  },
});

describe('runNode harness', () => {
  it('runs a node with rendered config and fake ports, recording every effect', async () => {
    const run = await runNode(lookup, {
      config: { cep: '{{ vars.cep }}' },
      vars: { cep: '01001000' },
      http: { 'GET https://viacep.example/ws/01001000/json': { body: { localidade: 'São Paulo' } } },
    });
    expect(run.error).toBeUndefined();
    expect(run.port).toBe('found');
    expect(run.outputs).toEqual({ city: 'São Paulo' });
    expect(run.sent).toEqual([{ kind: 'text', text: 'Cidade: São Paulo' }]);
    expect(run.httpCalls).toEqual([{ method: 'GET', url: 'https://viacep.example/ws/01001000/json' }]);
    expect(run.varChanges).toEqual([{ scope: 'flow', name: 'city', from: null, to: 'São Paulo' }]);
    expect(run.logs).toEqual([{ level: 'info', message: 'found', data: { city: 'São Paulo' } }]);
  });

  it('fails the test on an HTTP call it did not expect', async () => {
    await expect(runNode(lookup, { config: { cep: '01001000' } })).rejects.toThrow(/unexpected HTTP call GET https:\/\/viacep.example/);
  });

  it('returns a config error for a config failing the schema', async () => {
    const run = await runNode(lookup, { config: { cep: '' } });
    expect(run.error).toBeInstanceOf(NodeConfigError);
    expect(run.error?.message).toMatch(/Invalid config for acme.cepLookup@1: cep/);
    const rendered = await runNode(lookup, { config: { cep: '{{ vars.cep }}' }, vars: { cep: 'abc' } });
    expect(rendered.error?.message).toBe('"abc" is not a CEP (8 digits).');
  });

  it('returns an undeclared port as an error', async () => {
    const bad = defineNode({ ...lookup, execute: () => next('nope') });
    const run = await runNode(bad, { config: { cep: '01001000' } });
    expect(run.error?.code).toBe('UNKNOWN_PORT');
  });

  it('resumes a waiting node with a reply, a timer or an event', async () => {
    const waiter = defineNode({
      type: 'acme.waiter', version: 1, title: 'W', description: '', category: 'custom', icon: 'clock',
      config: z.object({}),
      outputs: [{ id: 'out', label: 'Out' }, { id: 'timeout', label: 'Timeout' }, { id: 'event', label: 'Event' }],
      execute: () => wait({ for: 'input', timeoutMs: 1000, state: { n: 1 } }),
      resume: (ctx, event) => {
        if (event.type === 'timer') return next('timeout');
        if (event.type === 'event') return next('event', { name: event.name });
        return next('out', { text: event.message.text ?? '', n: (ctx.waitState?.n as number) ?? 0 });
      },
    });
    expect((await runNode(waiter, { config: {} })).wait).toEqual({ kind: 'wait', for: 'input', timeoutMs: 1000, state: { n: 1 } });
    expect((await resumeNode(waiter, { config: {}, event: 'oi', waitState: { n: 2 } })).outputs).toEqual({ text: 'oi', n: 2 });
    expect((await resumeNode(waiter, { config: {}, event: 'timer' })).port).toBe('timeout');
    expect((await resumeNode(waiter, { config: {}, event: { type: 'event', name: 'done' } })).outputs).toEqual({ name: 'done' });
  });

  it('uses the fixed clock, the given randomness and a contact', async () => {
    const probe = defineNode({
      type: 'acme.probe', version: 1, title: 'P', description: '', category: 'custom', icon: 'box',
      config: z.object({ greeting: z.string() }),
      outputs: [{ id: 'out', label: 'Out' }],
      execute: (ctx) => next('out', { now: ctx.now().toISOString(), r: ctx.random(), greeting: ctx.config.greeting, tz: ctx.timeZone }),
    });
    const run = await runNode(probe, { config: { greeting: 'Olá {{ contact.name }}' }, contact: { name: 'Ana' }, now: '2026-01-02T03:04:05Z', random: [0.25] });
    expect(run.outputs).toEqual({ now: '2026-01-02T03:04:05.000Z', r: 0.25, greeting: 'Olá Ana', tz: 'America/Sao_Paulo' });
  });
});
