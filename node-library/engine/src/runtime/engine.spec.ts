import { InMemoryFlowSource, InMemoryRuntime } from '../memory';
import { graph, testRegistry } from '../__fixtures__/test-nodes';

function runtime(options: { maxSteps?: number; fallbackMessage?: string } = {}) {
  return new InMemoryRuntime({ registry: testRegistry(), ...options });
}

describe('engine: triggers and waits', () => {
  it('starts on a trigger, runs until a question, and resumes the waiting node with the answer', async () => {
    const rt = runtime();
    rt.flows.publish('welcome', graph(
      [['t', 'test.trigger'], ['hi', 'test.say', { text: 'Olá!' }], ['ask', 'test.ask', { question: 'Seu nome?', variable: 'name' }], ['bye', 'test.say', { text: 'Prazer, {{ vars.name }}! Você disse "{{ nodes.ask.answer }}".' }]],
      ['t>hi', 'hi>ask', 'ask>bye'],
    ));
    const first = await rt.sendText('c1', 'oi');
    expect(first.status).toBe('waiting');
    expect(first.trace.map((s) => [s.nodeId, s.action, s.port])).toEqual([['t', 'next', 'out'], ['hi', 'next', 'out'], ['ask', 'wait', undefined]]);
    expect(first.state.waiting).toMatchObject({ nodeId: 'ask', for: 'input', state: { asked: true } });

    const second = await rt.sendText('c1', 'Maria');
    expect(second.status).toBe('ended');
    expect(second.trace[0]).toMatchObject({ nodeId: 'ask', resumed: true, varChanges: [{ scope: 'flow', name: 'name', from: null, to: 'Maria' }] });
    expect(rt.replyTexts('c1')).toEqual(['Olá!', 'Seu nome?', 'Prazer, Maria! Você disse "Maria".']);
    expect((await rt.state('c1'))?.status).toBe('ended');
  });

  it('runs a turn on the flows the turn brings, instead of its own source (one engine, many tenants)', async () => {
    const rt = runtime();
    rt.flows.publish('own', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'own flow' }]], ['t>s']));
    const tenantFlows = new InMemoryFlowSource();
    tenantFlows.publish('tenant', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'tenant flow' }]], ['t>s']));
    const message = { id: 'm1', type: 'text' as const, text: 'oi', timestamp: '2026-05-13T13:00:00Z' };
    const result = await rt.engine.runTurn({
      state: null, event: { type: 'message', message }, flows: tenantFlows,
      contact: { id: 'k1', isNew: true, fields: {} }, conversation: { id: 'c1', channel: 'test' },
    });
    expect(result.outbound).toEqual([{ kind: 'text', text: 'tenant flow' }]);
    expect(result.state.flow).toEqual({ flowId: 'tenant', version: 1 });
  });

  it('starts the fallback flow at its message trigger when nothing else matches', async () => {
    const rt = runtime();
    rt.flows.publish('menu', graph([['t', 'test.trigger', { keyword: 'menu' }], ['s', 'test.say', { text: 'Menu' }]], ['t>s']));
    rt.flows.publish('fallback', graph([['t', 'test.trigger', { keyword: 'never typed' }], ['s', 'test.say', { text: 'Não entendi, digite menu.' }]], ['t>s']));
    const message = { id: 'm1', type: 'text' as const, text: 'bom dia', timestamp: '2026-05-13T13:00:00Z' };
    const input = { state: null, event: { type: 'message' as const, message }, contact: { id: 'k1', isNew: true, fields: {} }, conversation: { id: 'c1', channel: 'test' } };
    const caught = await rt.engine.runTurn({ ...input, fallbackFlowId: 'fallback' });
    expect(caught.outbound).toEqual([{ kind: 'text', text: 'Não entendi, digite menu.' }]);
    expect(caught.state.trigger).toEqual({ fallback: true });
    const matched = await rt.engine.runTurn({ ...input, event: { type: 'message', message: { ...message, text: 'menu' } }, fallbackFlowId: 'fallback' });
    expect(matched.outbound).toEqual([{ kind: 'text', text: 'Menu' }]);
    expect((await rt.engine.runTurn({ ...input, fallbackFlowId: 'missing' })).status).toBe('no_match');
  });

  it('answers no_match and stores nothing when no trigger matches', async () => {
    const rt = runtime();
    rt.flows.publish('menu', graph([['t', 'test.trigger', { keyword: 'menu' }], ['s', 'test.say', { text: 'Menu' }]], ['t>s']));
    const result = await rt.sendText('c1', 'bom dia');
    expect(result.status).toBe('no_match');
    expect(await rt.state('c1')).toBeNull();
    expect(rt.replies('c1')).toEqual([]);
  });

  it('picks the trigger with the highest priority, then the most specific one', async () => {
    const rt = runtime();
    rt.flows.publish('any', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'any' }]], ['t>s']));
    rt.flows.publish('keyword', graph([['t', 'test.trigger', { keyword: 'preço' }], ['s', 'test.say', { text: 'keyword' }]], ['t>s']));
    rt.flows.publish('urgent', graph([['t', 'test.trigger', { priority: 5 }], ['s', 'test.say', { text: 'urgent' }]], ['t>s']));
    await rt.sendText('a', 'PRECO');
    expect(rt.replyTexts('a')).toEqual(['urgent']);
    rt.flows.publish('urgent', graph([['t', 'test.trigger', { priority: -1 }], ['s', 'test.say', { text: 'urgent' }]], ['t>s']));
    await rt.sendText('b', 'preco');
    expect(rt.replyTexts('b')).toEqual(['keyword']);
    await rt.sendText('c', 'outra coisa');
    expect(rt.replyTexts('c')).toEqual(['any']);
  });

  it('resumes a wait for an event only with that event', async () => {
    const rt = runtime();
    rt.flows.publish('handoff', graph([['t', 'test.trigger'], ['w', 'test.waitEvent', { event: 'handoff.resolved' }], ['s', 'test.say', { text: 'Voltei: {{ nodes.w.payload.agent }}' }]], ['t>w', 'w>s']));
    await rt.sendText('c1', 'humano');
    expect((await rt.emit('c1', 'other.event')).status).toBe('ignored');
    const resolved = await rt.emit('c1', 'handoff.resolved', { agent: 'Ana' });
    expect(resolved.status).toBe('ended');
    expect(rt.replyTexts('c1')).toEqual(['Voltei: Ana']);
  });

  it('never mutates the state it is given, and the state is plain JSON', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['ask', 'test.ask', { question: 'Q', variable: 'x' }]], ['t>ask']));
    const first = await rt.sendText('c1', 'oi');
    const frozen = JSON.stringify(first.state);
    const second = await rt.engine.runTurn({
      state: first.state, event: { type: 'message', message: { id: 'm', type: 'text', text: 'A', timestamp: '2026-05-13T12:00:00Z' } },
      contact: { id: 'k', isNew: false, fields: {} }, conversation: { id: 'c1', channel: 'memory' },
    });
    expect(JSON.stringify(first.state)).toBe(frozen);
    expect(second.state.vars).toEqual({ x: 'A' });
    expect(JSON.parse(JSON.stringify(second.state))).toEqual(second.state);
  });
});

describe('engine: timers', () => {
  const flow = () => graph(
    [['t', 'test.trigger'], ['ask', 'test.ask', { question: 'Ainda está aí?', variable: 'a', timeoutMs: 60_000 }], ['ok', 'test.say', { text: 'Obrigado' }], ['late', 'test.say', { text: 'Vou encerrar por aqui.' }]],
    ['t>ask', 'ask>ok', 'ask:timeout>late'],
  );

  it('takes the timeout port when the timer fires first', async () => {
    const rt = runtime();
    rt.flows.publish('f', flow());
    const first = await rt.sendText('c1', 'oi');
    expect(first.timers).toEqual([{ action: 'schedule', timerId: expect.any(String), nodeId: 'ask', fireAt: '2026-05-13T12:01:00.000Z' }]);
    expect(await rt.advance(59_999)).toEqual([]);
    const [fired] = await rt.advance(1);
    expect(fired?.trace[0]).toMatchObject({ nodeId: 'ask', action: 'next', port: 'timeout', resumed: true });
    expect(rt.replyTexts('c1')).toEqual(['Ainda está aí?', 'Vou encerrar por aqui.']);
  });

  it('cancels the timeout when the answer comes first, and ignores a stale timer', async () => {
    const rt = runtime();
    rt.flows.publish('f', flow());
    const first = await rt.sendText('c1', 'oi');
    const answered = await rt.sendText('c1', 'sim');
    const timerId = first.state.waiting?.timerId as string;
    expect(answered.timers).toEqual([{ action: 'cancel', timerId }]);
    expect(rt.scheduler.pending()).toEqual([]);
    expect(await rt.advance(120_000)).toEqual([]);
    const stale = await rt.engine.runTurn({ state: answered.state, event: { type: 'timer', timerId }, contact: { id: 'k', isNew: false, fields: {} }, conversation: { id: 'c1', channel: 'memory' } });
    expect(stale.status).toBe('ignored');
    expect(rt.replyTexts('c1')).toEqual(['Ainda está aí?', 'Obrigado']);
  });

  it('runs a delay as a timer wait and continues when it fires', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['d', 'test.delay', { ms: 5_000 }], ['s', 'test.say', { text: 'depois' }]], ['t>d', 'd>s']));
    await rt.sendText('c1', 'oi');
    expect(rt.replyTexts('c1')).toEqual([]);
    await rt.advance(5_000);
    expect(rt.replyTexts('c1')).toEqual(['depois']);
  });
});

describe('engine: failures', () => {
  it('stops a loop at the step limit, names the loop and sends the fallback message', async () => {
    const rt = runtime({ maxSteps: 50 });
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['a', 'test.pass'], ['b', 'test.pass']], ['t>a', 'a>b', 'b>a']));
    const result = await rt.sendText('c1', 'oi');
    expect(result.status).toBe('failed');
    expect(result.trace).toHaveLength(50);
    expect(result.error).toMatchObject({ code: 'STEP_LIMIT', kind: 'config' });
    expect(result.error?.message).toMatch(/50 steps/);
    expect(result.error?.message).toMatch(/(a → b → a|b → a → b)/);
    expect(rt.replyTexts('c1')).toEqual(['Desculpe, tive um problema aqui. Pode tentar de novo em instantes?']);
    expect(result.state.status).toBe('failed');
  });

  it('defaults to a 200-step limit', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['a', 'test.pass']], ['t>a', 'a>a']));
    const result = await rt.sendText('c1', 'oi');
    expect(result.trace).toHaveLength(200);
    expect(result.error?.message).toMatch(/loops through a → a/);
  });

  it('follows the error port when connected, with the error as outputs', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['x', 'test.fail', { kind: 'provider' }], ['s', 'test.say', { text: 'Falhou: {{ nodes.x.error.message }}' }]], ['t>x', 'x:error>s']));
    const result = await rt.sendText('c1', 'oi');
    expect(result.status).toBe('ended');
    expect(result.trace[1]).toMatchObject({ nodeId: 'x', action: 'error', port: 'error', error: { kind: 'provider', message: 'CRM answered 503' } });
    expect(rt.replyTexts('c1')).toEqual(['Falhou: CRM answered 503']);
  });

  it('ends the turn with the flow fallback message and a failed trace when the error port is not connected', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'antes' }], ['x', 'test.fail']], ['t>s', 's>x'], { settings: { fallbackMessage: 'Ops! Tente mais tarde.' } }));
    const result = await rt.sendText('c1', 'oi');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ nodeId: 'x', kind: 'internal', message: 'boom' });
    expect(rt.replyTexts('c1')).toEqual(['antes', 'Ops! Tente mais tarde.']);
    // the next message starts afresh
    const again = await rt.sendText('c1', 'oi');
    expect(again.trace[0]?.nodeId).toBe('t');
  });

  it('treats a port the node does not declare as an error, not a silent stop', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['b', 'test.badPort']], ['t>b']));
    const result = await rt.sendText('c1', 'oi');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'UNKNOWN_PORT', kind: 'internal' });
    expect(result.error?.message).toMatch(/"nowhere".*declared: out/);
  });

  it('fails with a clear message when a conversation reaches a misconfigured node of a draft', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['s', 'test.say', { text: '' }]], ['t>s']));
    const result = await rt.sendText('c1', 'oi');
    expect(result.error).toMatchObject({ nodeId: 's', kind: 'config' });
    expect(result.error?.message).toMatch(/misconfigured: text/);
  });
});

describe('engine: deliveries that fail for good', () => {
  const followUp = () => graph(
    [['t', 'test.trigger'], ['n', 'test.notify', { text: 'Sua consulta é amanhã' }], ['ask', 'test.ask', { question: 'Confirma?', variable: 'ok' }],
      ['plan_b', 'test.say', { text: 'Falhou ({{ nodes.n.error.code }}): {{ nodes.n.error.message }}' }]],
    ['t>n', 'n>ask', 'n:error>plan_b'],
  );

  it('keeps where each outbound message came from, index for index', async () => {
    const rt = runtime();
    rt.flows.publish('f', followUp());
    const result = await rt.sendText('c1', 'oi');
    expect(result.outbound.map((m) => (m.kind === 'text' ? m.text : m.kind))).toEqual(['Sua consulta é amanhã', 'Confirma?']);
    expect(result.outboundOrigins).toEqual([{ flowId: 'f', version: 1, nodeId: 'n' }, { flowId: 'f', version: 1, nodeId: 'ask' }]);
  });

  it('takes the sending node\'s error port, abandoning the wait the run was in', async () => {
    const rt = runtime();
    rt.flows.publish('f', followUp());
    const first = await rt.sendText('c1', 'oi');
    const failed = await rt.failDelivery('c1', first.outboundOrigins![0]!);
    expect(failed.status).toBe('ended');
    expect(failed.trace.map((s) => [s.nodeId, s.action, s.port])).toEqual([['n', 'error', 'error'], ['plan_b', 'next', 'out']]);
    expect(failed.outbound).toEqual([{ kind: 'text', text: 'Falhou (outside_window): Outside the 24-hour window.' }]);
    // The question's timer (none here) and wait are gone: an answer now starts the flow afresh.
    expect(failed.state.waiting).toBeUndefined();
  });

  it('changes nothing when the node has no error port connected, or the conversation is in another flow version', async () => {
    const rt = runtime();
    rt.flows.publish('f', followUp());
    const first = await rt.sendText('c1', 'oi');
    const noPort = await rt.failDelivery('c1', first.outboundOrigins![1]!);
    expect(noPort.status).toBe('ignored');
    expect(noPort.outbound).toEqual([]);
    expect((await rt.state('c1'))?.waiting?.nodeId).toBe('ask');
    const stale = await rt.failDelivery('c1', { ...first.outboundOrigins![0]!, version: 7 });
    expect(stale.status).toBe('ignored');
  });
});

describe('engine: variables, jumps and HTTP', () => {
  it('starts runs with declared defaults and keeps contact variables across runs', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph(
      [['t', 'test.trigger'], ['s', 'test.say', { text: '{{ vars.greeting }} ({{ contact.fields.visits }})' }], ['ask', 'test.ask', { question: 'Cidade?', variable: 'city', scope: 'contact' }]],
      ['t>s', 's>ask'],
      { variables: [{ name: 'greeting', type: 'string', default: 'Oi' }, { name: 'visits', type: 'number', default: 1, scope: 'contact' }] },
    ));
    await rt.sendText('c1', 'oi');
    const answered = await rt.sendText('c1', 'Recife');
    expect(answered.contactFields).toEqual({ visits: 1, city: 'Recife' });
    expect(rt.contactOf('c1').fields).toEqual({ visits: 1, city: 'Recife' });
    expect(rt.replyTexts('c1')).toEqual(['Oi (1)', 'Cidade?']);
  });

  it('jumps to another flow and returns through the out port when it ends', async () => {
    const rt = runtime();
    rt.flows.publish('sub', graph([['t', 'test.trigger', { keyword: 'never' }], ['s', 'test.say', { text: 'no sub' }]], ['t>s']));
    rt.flows.publish('main', graph(
      [['t', 'test.trigger'], ['j', 'test.goto', { flowId: 'sub', returnAfter: true }], ['back', 'test.say', { text: 'de volta' }]],
      ['t>j', 'j>back'],
    ));
    await rt.sendText('c1', 'oi');
    expect(rt.replyTexts('c1')).toEqual(['no sub', 'de volta']);
  });

  it('jumps without returning, and waits inside the called flow', async () => {
    const rt = runtime();
    rt.flows.publish('sub', graph([['t', 'test.trigger', { keyword: 'never' }], ['ask', 'test.ask', { question: 'No sub?', variable: 'q' }], ['s', 'test.say', { text: 'fim do sub' }]], ['t>ask', 'ask>s']));
    rt.flows.publish('main', graph([['t', 'test.trigger'], ['j', 'test.goto', { flowId: 'sub' }], ['back', 'test.say', { text: 'nunca' }]], ['t>j', 'j>back']));
    const first = await rt.sendText('c1', 'oi');
    expect(first.state.flow).toEqual({ flowId: 'sub', version: 1 });
    await rt.sendText('c1', 'sim');
    expect(rt.replyTexts('c1')).toEqual(['No sub?', 'fim do sub']);
  });

  it('follows the jump node error port when the target flow does not exist', async () => {
    const rt = runtime();
    rt.flows.publish('main', graph([['t', 'test.trigger'], ['j', 'test.goto', { flowId: 'missing' }], ['e', 'test.say', { text: '{{ nodes.j.error.code }}' }]], ['t>j', 'j:error>e']));
    await rt.sendText('c1', 'oi');
    expect(rt.replyTexts('c1')).toEqual(['FLOW_NOT_FOUND']);
  });

  it('keeps a conversation on the version it started on', async () => {
    const rt = runtime();
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['ask', 'test.ask', { question: 'v1?', variable: 'a' }], ['s', 'test.say', { text: 'fim v1' }]], ['t>ask', 'ask>s']));
    await rt.sendText('c1', 'oi');
    rt.flows.publish('f', graph([['t', 'test.trigger'], ['ask', 'test.ask', { question: 'v2?', variable: 'a' }], ['s', 'test.say', { text: 'fim v2' }]], ['t>ask', 'ask>s']));
    await rt.sendText('c1', 'x');
    expect(rt.replyTexts('c1')).toEqual(['v1?', 'fim v1']);
  });
});
