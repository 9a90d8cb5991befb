import { validateGraph } from '@fluxo/engine';
import { loadExample, registry, runtimeWith } from './load-example';

const NOW = '2026-05-13T13:00:00Z';

describe('example: lead capture', () => {
  it('is a valid flow that can be published', () => {
    expect(validateGraph(loadExample('lead-capture.json').graph, registry(), 'publish')).toEqual([]);
  });

  it('validates each typed answer, re-prompts, and summarizes a priority lead', async () => {
    const rt = runtimeWith('lead-capture.json', NOW);
    await rt.sendText('l1', 'Olá, quero um orçamento');
    expect(rt.replyTexts('l1')).toEqual(['Que bom que você quer um orçamento! São só quatro perguntas rápidas.', 'Qual é o seu nome?']);
    await rt.sendText('l1', 'Joana Prado');
    await rt.sendText('l1', 'joana@');
    expect(rt.replyTexts('l1').at(-1)).toMatch(/Esse e-mail não parece válido/);
    await rt.sendText('l1', 'Joana@Empresa.com.br');
    await rt.sendText('l1', 'meu telefone');
    expect(rt.replyTexts('l1').at(-1)).toMatch(/Não reconheci o número/);
    await rt.sendText('l1', '(11) 9999-0001');
    await rt.sendText('l1', 'uns 7 mil');
    expect(rt.replyTexts('l1').at(-1)).toMatch(/Escreva só o valor/);
    const done = await rt.sendText('l1', 'R$ 7.500,00');

    expect(done.status).toBe('ended');
    expect(done.state.vars).toEqual({ nome: 'Joana Prado', email: 'joana@empresa.com.br', telefone: '5511999990001', orcamento: 7500, segmento: 'prioritario' });
    expect(rt.contactOf('l1').fields).toEqual({ lead_score: 75 });
    expect(rt.replyTexts('l1').at(-1)).toBe(
      'Perfeito, Joana Prado! Recebemos:\n• E-mail: joana@empresa.com.br\n• Telefone: 5511999990001\n• Investimento: R$ 7.500,00\n' +
        'Um consultor entra em contato em até 1 dia útil. Seu atendimento é prioritário. ⭐',
    );
  });

  it('keeps a smaller lead in the standard segment', async () => {
    const rt = runtimeWith('lead-capture.json', NOW);
    for (const text of ['cotação por favor', 'Rui', 'rui@exemplo.com', '+55 21 98888-7777', '1200']) await rt.sendText('l2', text);
    const state = await rt.state('l2');
    expect(state?.vars).toMatchObject({ telefone: '5521988887777', orcamento: 1200, segmento: 'padrao' });
    expect(rt.replyTexts('l2').at(-1)).toMatch(/Investimento: R\$ 1\.200,00\nUm consultor entra em contato em até 1 dia útil\.$/);
  });

  it('gives up politely after the retries run out', async () => {
    const rt = runtimeWith('lead-capture.json', NOW);
    for (const text of ['orçamento', 'Bia', 'x', 'y', 'z']) await rt.sendText('l3', text);
    expect(rt.replyTexts('l3').at(-1)).toBe('Sem problemas! Quando quiser retomar o orçamento, é só escrever "orçamento".');
    expect((await rt.state('l3'))?.status).toBe('ended');
  });

  it('gives up when the customer stops answering for an hour', async () => {
    const rt = runtimeWith('lead-capture.json', NOW);
    await rt.sendText('l4', 'orçamento');
    await rt.advance(60 * 60_000);
    expect(rt.replyTexts('l4').at(-1)).toBe('Sem problemas! Quando quiser retomar o orçamento, é só escrever "orçamento".');
  });
});
