import { summarizeConfig } from './configSummary';

describe('summarizeConfig', () => {
  it('shows the text a message sends, on one line and clipped', () => {
    expect(summarizeConfig('fluxo.sendMessage', { kind: 'text', text: 'Olá!\n  Como posso ajudar?' })).toEqual({ text: 'Olá! Como posso ajudar?' });
    const long = summarizeConfig('fluxo.sendMessage', { kind: 'text', text: 'a'.repeat(200) });
    expect(long && 'text' in long && long.text).toHaveLength(80);
    expect(summarizeConfig('fluxo.sendMessage', { kind: 'media', media: { url: 'https://x.com/menu.pdf' } })).toEqual({ text: 'https://x.com/menu.pdf' });
  });

  it('shows the question of an ask-question', () => {
    expect(summarizeConfig('fluxo.askQuestion', { question: 'Qual é o seu CEP?', answerType: 'text' })).toEqual({ text: 'Qual é o seu CEP?' });
  });

  it("shows a trigger's keywords, or says in words when it starts", () => {
    expect(summarizeConfig('fluxo.messageTrigger', { mode: 'keywords', keywords: ['oi', 'olá', ''] })).toEqual({ text: 'oi, olá' });
    expect(summarizeConfig('fluxo.messageTrigger', { mode: 'keywords', keywords: [] })).toEqual({ key: 'editor.summary.noKeywords' });
    expect(summarizeConfig('fluxo.messageTrigger', { mode: 'any' })).toEqual({ key: 'editor.summary.anyMessage' });
    expect(summarizeConfig('fluxo.messageTrigger', { mode: 'regex', pattern: '^pedido \\d+$' })).toEqual({ text: '^pedido \\d+$' });
  });

  it('says how long a delay waits', () => {
    expect(summarizeConfig('fluxo.delay', { amount: 5, unit: 'hours' })).toEqual({ key: 'editor.summary.delay.hours', params: { amount: 5 } });
  });

  it('falls back to the first non-empty text field of any other node, or nothing', () => {
    expect(summarizeConfig('acme.cepLookup', { retries: 2, blank: ' ', cep: '{{ vars.cep }}' })).toEqual({ text: '{{ vars.cep }}' });
    expect(summarizeConfig('acme.cepLookup', {})).toBeNull();
    expect(summarizeConfig('fluxo.sendMessage', { kind: 'text' })).toBeNull();
  });
});
