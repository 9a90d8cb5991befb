import { isTrigger, replyMessage, resolvePorts, runNode, textMessage } from '@fluxo/node-sdk';
import type { InboundMessage, TriggerMatch } from '@fluxo/node-sdk';
import { matchMessageTrigger, messageTrigger } from './message-trigger.node';

const returning = { isNew: false };
const newContact = { isNew: true };
const sticker: InboundMessage = { id: 'm', type: 'sticker', timestamp: '2026-05-13T12:00:00Z' };
const photo: InboundMessage = { id: 'm', type: 'image', text: 'oi', media: { url: 'https://x/y.jpg' }, timestamp: '2026-05-13T12:00:00Z' };

/** Parses a config as the engine does (defaults applied) and offers it one message. */
function match(config: Record<string, unknown>, message: InboundMessage | string, contact = returning): TriggerMatch | null {
  const parsed = messageTrigger.config.parse(config);
  return matchMessageTrigger(parsed, typeof message === 'string' ? textMessage(message) : message, contact);
}

const keywords = (list: string[], extra: Record<string, unknown> = {}) => ({ mode: 'keywords' as const, keywords: list, ...extra });

describe('fluxo.messageTrigger', () => {
  it('is a trigger with a single out port', () => {
    expect(isTrigger(messageTrigger)).toBe(true);
    expect(messageTrigger.trigger?.on).toBe('message');
    expect(resolvePorts(messageTrigger, messageTrigger.config.parse({}))).toEqual([{ id: 'out', label: 'Ao receber' }]);
  });

  describe('mode any', () => {
    it.each<[string, InboundMessage | string, string]>([
      ['text', 'qualquer coisa', 'qualquer coisa'],
      ['a sticker', sticker, ''],
      ['a captioned photo', photo, 'oi'],
      ['a button reply', replyMessage('sim', 'Sim'), 'Sim'],
    ])('matches %s with specificity 0', (_name, message, text) => {
      expect(match({ mode: 'any' }, message)).toEqual({ priority: 0, specificity: 0, outputs: { text } });
    });

    it.each<[InboundMessage['type']]>([['reaction'], ['system']])('ignores a %s', (type) => {
      expect(match({ mode: 'any' }, { id: 'm', type, timestamp: '2026-05-13T12:00:00Z' })).toBeNull();
    });

    it('carries the configured priority', () => {
      expect(match({ mode: 'any', priority: 5 }, 'x')?.priority).toBe(5);
    });
  });

  describe('mode firstMessage', () => {
    it('matches only a new contact, any message type, with specificity 3', () => {
      expect(match({ mode: 'firstMessage' }, 'Olá', newContact)).toEqual({ priority: 0, specificity: 3, outputs: { text: 'Olá' } });
      expect(match({ mode: 'firstMessage' }, sticker, newContact)?.specificity).toBe(3);
      expect(match({ mode: 'firstMessage' }, 'Olá', returning)).toBeNull();
    });
  });

  describe('mode keywords', () => {
    it.each<[string, Record<string, unknown>, string, string | null]>([
      ['exact, case and accents ignored', keywords(['preço']), 'PRECO', 'preço'],
      ['exact, trailing punctuation', keywords(['oi']), 'Oi!', 'oi'],
      ['exact, extra spaces', keywords(['bom dia']), '  Bom   dia ', 'bom dia'],
      ['exact, more words', keywords(['oi']), 'oi tudo bem', null],
      ['exact, second keyword', keywords(['olá', 'oi']), 'oi', 'oi'],
      ['exact, case kept', keywords(['Oi'], { ignoreCase: false }), 'oi', null],
      ['exact, case kept and equal', keywords(['Oi'], { ignoreCase: false }), 'Oi', 'Oi'],
      ['exact, accents kept', keywords(['preço'], { ignoreAccents: false }), 'preco', null],
      ['exact, accents kept and equal', keywords(['preço'], { ignoreAccents: false }), 'Preço', 'preço'],
      ['exact, accents kept, decomposed input', keywords(['preço'], { ignoreAccents: false }), 'prec\u0327o', 'preço'],
      ['contains, whole word', keywords(['oi'], { keywordMatch: 'contains' }), 'olá, oi tudo bem', 'oi'],
      ['contains, not inside a word', keywords(['oi'], { keywordMatch: 'contains' }), 'oito reais', null],
      ['contains, not at a word end', keywords(['oi'], { keywordMatch: 'contains' }), 'boi', null],
      ['contains, a later whole occurrence', keywords(['oi'], { keywordMatch: 'contains' }), 'oito? oi!', 'oi'],
      ['contains, accents ignored', keywords(['preço'], { keywordMatch: 'contains' }), 'qual o PRECO?', 'preço'],
      ['contains, accents kept', keywords(['preço'], { keywordMatch: 'contains', ignoreAccents: false }), 'qual o preco?', null],
      ['contains, case kept', keywords(['Pix'], { keywordMatch: 'contains', ignoreCase: false }), 'aceita pix?', null],
      ['contains, phrase', keywords(['segunda via'], { keywordMatch: 'contains' }), 'quero a Segunda Via do boleto', 'segunda via'],
      ['startsWith, first word', keywords(['pedido'], { keywordMatch: 'startsWith' }), 'Pedido 123', 'pedido'],
      ['startsWith, whole message', keywords(['pedido'], { keywordMatch: 'startsWith' }), 'pedido', 'pedido'],
      ['startsWith, not a prefix of a word', keywords(['oi'], { keywordMatch: 'startsWith' }), 'oito', null],
      ['startsWith, not later in the text', keywords(['pedido'], { keywordMatch: 'startsWith' }), 'meu pedido', null],
    ])('%s', (_name, config, text, keyword) => {
      const found = match(config, text);
      if (keyword === null) expect(found).toBeNull();
      else expect(found?.outputs).toEqual({ text, matchedKeyword: keyword });
    });

    it.each([
      ['exact', 3],
      ['startsWith', 2],
      ['contains', 2],
    ])('%s has specificity %d', (keywordMatch, specificity) => {
      expect(match(keywords(['oi'], { keywordMatch }), 'oi')?.specificity).toBe(specificity);
    });

    it('matches the title of a button reply', () => {
      expect(match(keywords(['menu']), replyMessage('m', 'Menu'))?.outputs).toEqual({ text: 'Menu', matchedKeyword: 'menu' });
    });

    it('never matches media, even with a caption', () => {
      expect(match(keywords(['oi']), photo)).toBeNull();
      expect(match(keywords(['oi']), sticker)).toBeNull();
    });
  });

  describe('mode regex', () => {
    it('matches with named and positional groups, specificity 2', () => {
      const found = match({ mode: 'regex', pattern: '^pedido (?<numero>\\d+)(?: (urgente))?$' }, 'Pedido 123');
      expect(found).toEqual({
        priority: 0,
        specificity: 2,
        outputs: { text: 'Pedido 123', groups: { 1: '123', 2: null, numero: '123' } },
      });
    });

    it('leaves groups out when the pattern has none', () => {
      expect(match({ mode: 'regex', pattern: '^\\d{5}-?\\d{3}$' }, '01001-000')?.outputs).toEqual({ text: '01001-000' });
    });

    it('ignores case unless told not to', () => {
      expect(match({ mode: 'regex', pattern: '^cpf' }, 'CPF 123')).not.toBeNull();
      expect(match({ mode: 'regex', pattern: '^cpf', ignoreCase: false }, 'CPF 123')).toBeNull();
    });

    it('only reads the first 4096 characters of a long message', () => {
      const long = `${'a'.repeat(4_096)}fim`;
      expect(match({ mode: 'regex', pattern: 'fim$' }, long)).toBeNull();
      expect(match({ mode: 'regex', pattern: '^a+$' }, long)).not.toBeNull();
    });

    it('does not match text the pattern misses, or media', () => {
      expect(match({ mode: 'regex', pattern: '^\\d+$' }, 'abc')).toBeNull();
      expect(match({ mode: 'regex', pattern: '.*' }, sticker)).toBeNull();
    });
  });

  describe('config', () => {
    it.each<[string, unknown, RegExp]>([
      ['keywords mode without keywords', { mode: 'keywords' }, /keywords: Add at least one keyword/],
      ['an empty keyword', { mode: 'keywords', keywords: ['  '] }, /keywords/],
      ['regex mode without a pattern', { mode: 'regex' }, /pattern: Write the regular expression/],
      ['an invalid pattern', { mode: 'regex', pattern: '(' }, /not a valid regular expression/],
      ['a nested quantifier', { mode: 'regex', pattern: '(a+)+$' }, /repeats a group that itself repeats/],
      ['a nested star', { mode: 'regex', pattern: '^(\\w*)*x' }, /repeats a group that itself repeats/],
      ['a nested quantifier even in another mode', { mode: 'any', pattern: '(a+)+' }, /repeats a group/],
      ['a pattern over 200 characters', { mode: 'regex', pattern: 'a'.repeat(201) }, /longer than 200/],
      ['an unknown mode', { mode: 'intent' }, /mode/],
      ['a fractional priority', { mode: 'any', priority: 1.5 }, /priority/],
    ])('refuses %s', async (_name, config, message) => {
      const run = await runNode(messageTrigger, { config: config as never });
      expect(run.error?.kind).toBe('config');
      expect(run.error?.message).toMatch(message);
    });

    it('reports a nested quantifier once', () => {
      const parsed = messageTrigger.config.safeParse({ mode: 'regex', pattern: '(a+)+' });
      expect(parsed.error?.issues).toHaveLength(1);
    });

    it('defaults to any message, exact keywords, ignoring case and accents, priority 0', () => {
      expect(messageTrigger.config.parse({})).toEqual({
        mode: 'any', keywords: [], keywordMatch: 'exact', ignoreCase: true, ignoreAccents: true, priority: 0,
      });
    });
  });

  describe('match and execute', () => {
    it('offers messages through the definition the engine calls', () => {
      const config = messageTrigger.config.parse(keywords(['oi']));
      expect(messageTrigger.trigger?.on === 'message' && messageTrigger.trigger.match({ config, message: textMessage('Oi'), contact: { id: 'c', isNew: false, fields: {} } }))
        .toEqual({ priority: 0, specificity: 3, outputs: { text: 'Oi', matchedKeyword: 'oi' } });
    });

    it('executes to out with the same outputs the match gave', async () => {
      const run = await runNode(messageTrigger, { config: { mode: 'regex', pattern: '^pedido (?<numero>\\d+)$' }, message: 'pedido 42' });
      expect(run.port).toBe('out');
      expect(run.outputs).toEqual({ text: 'pedido 42', groups: { 1: '42', numero: '42' } });
    });

    it('executes to out with the text when the message no longer matches, or without a message', async () => {
      expect((await runNode(messageTrigger, { config: keywords(['oi']), message: 'tchau' })).outputs).toEqual({ text: 'tchau' });
      expect((await runNode(messageTrigger, { config: { mode: 'any' } })).outputs).toEqual({ text: '' });
    });
  });
});
