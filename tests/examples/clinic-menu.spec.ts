import { validateGraph } from '@fluxo/engine';
import { loadExample, registry, runtimeWith } from './load-example';

// Wednesday 13 May 2026, 10:00 in São Paulo (13:00 UTC): the clinic is open.
const OPEN = '2026-05-13T13:00:00Z';

describe('example: clinic menu bot', () => {
  it('is a valid flow that can be published', () => {
    expect(validateGraph(loadExample('clinic-menu.json').graph, registry(), 'publish')).toEqual([]);
  });

  it('starts on any first message ("oi"), asks the name and offers the menu buttons', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    const first = await rt.sendText('maria', 'oi');
    expect(first.status).toBe('waiting');
    expect(rt.replyTexts('maria')).toEqual(['Olá! 👋 Bem-vindo(a) à Clínica Sorriso.', 'Como podemos te chamar?']);

    await rt.sendText('maria', 'Maria');
    expect(rt.replies('maria').at(-1)).toEqual({
      kind: 'buttons',
      text: 'Maria, como posso ajudar?',
      footer: 'Clínica Sorriso',
      buttons: [
        { id: 'agendar', title: 'Agendar consulta' },
        { id: 'precos', title: 'Preços' },
        { id: 'atendente', title: 'Falar com atendente' },
      ],
    });
    expect(rt.contactOf('maria').fields).toMatchObject({ nome: 'Maria' });
  });

  it('shows prices and comes back to the menu, then books a date typed as a menu number', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    await rt.sendText('ana', 'olá, tudo bem?');
    await rt.sendText('ana', 'Ana');
    await rt.clickButton('ana', 'precos', 'Preços');
    expect(rt.replyTexts('ana').slice(-2)).toEqual([expect.stringContaining('Consulta de avaliação: R$ 150,00'), 'Ana, como posso ajudar?']);

    await rt.sendText('ana', '1');
    expect(rt.replyTexts('ana').at(-1)).toBe('Para qual dia você gostaria de agendar? (por exemplo: 15/05)');
    await rt.sendText('ana', '31/02');
    expect(rt.replyTexts('ana').at(-1)).toMatch(/Não reconheci a data/);
    const booked = await rt.sendText('ana', '15/05');
    expect(booked.status).toBe('ended');
    expect(rt.replyTexts('ana').at(-1)).toBe('Anotado, Ana! Vamos verificar a agenda para 15/05 e confirmamos por aqui. 🦷');
    expect(booked.state.vars).toMatchObject({ data_consulta: '2026-05-15' });
  });

  it('answers an unknown reply with a hint and the menu again', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    await rt.sendText('c', 'oi');
    await rt.sendText('c', 'Carlos');
    await rt.sendText('c', 'quanto custa um canal?');
    expect(rt.replyTexts('c').slice(-2)).toEqual(['Não entendi. 🙂 Toque em uma das opções ou responda com o número dela.', 'Carlos, como posso ajudar?']);
    const handoff = await rt.sendText('c', 'falar com atendente');
    expect(handoff.status).toBe('ended');
    expect(rt.replyTexts('c').at(-1)).toBe('Certo! Um de nossos atendentes vai falar com você em instantes.');
  });

  it('skips the name question for a returning contact who asks for the menu', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    await rt.sendText('joao', 'bom dia, pode me mandar o menu?', { isNew: false, fields: { nome: 'João' } });
    expect(rt.replyTexts('joao')).toEqual(['Olá! 👋 Bem-vindo(a) à Clínica Sorriso.', 'João, como posso ajudar?']);
  });

  it('does not start for a returning contact without a menu keyword', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    const result = await rt.sendText('k', 'obrigado', { isNew: false });
    expect(result.status).toBe('no_match');
  });

  it.each([
    ['on Sunday', '2026-05-17T13:00:00Z'],
    ['on Saturday afternoon', '2026-05-16T16:00:00Z'],
    ['at night', '2026-05-13T23:30:00Z'],
    ['on Christmas', '2026-12-25T13:00:00Z'],
  ])('tells customers the opening hours when closed %s', async (_when, now) => {
    const rt = runtimeWith('clinic-menu.json', now);
    const result = await rt.sendText('x', 'oi');
    expect(result.status).toBe('ended');
    expect(rt.replyTexts('x')).toEqual([expect.stringMatching(/^Olá! 😊 A Clínica Sorriso está fechada agora/)]);
  });

  it('gives up on the date after 30 minutes without an answer', async () => {
    const rt = runtimeWith('clinic-menu.json', OPEN);
    await rt.sendText('d', 'oi');
    await rt.sendText('d', 'Davi');
    await rt.clickButton('d', 'agendar', 'Agendar consulta');
    await rt.advance(29 * 60_000);
    expect(rt.replyTexts('d').at(-1)).toMatch(/Para qual dia/);
    await rt.advance(60_000);
    expect(rt.replyTexts('d').at(-1)).toBe('Tudo bem! Um atendente vai te ajudar a escolher o melhor dia.');
    expect((await rt.state('d'))?.status).toBe('ended');
  });
});
