import { replyMessage, resolvePorts, resumeNode, runNode } from '@fluxo/node-sdk';
import type { InboundMessage } from '@fluxo/node-sdk';
import { askQuestion, defaultRetryMessage } from './ask-question.node';

const cfg = (config: Record<string, unknown>) => config as never;
const sticker: InboundMessage = { id: 'm', type: 'sticker', timestamp: '2026-05-13T12:00:00Z' };
const plans = [{ id: 'basico', title: 'Básico' }, { id: 'pro', title: 'Pro' }, { id: 'empresa', title: 'Empresa' }];
const choice = { question: 'Qual plano?', answerType: 'choice', variable: 'plano', choices: plans };

describe('fluxo.askQuestion', () => {
  describe('asking', () => {
    it('sends the rendered question and waits with no attempts yet', async () => {
      const run = await runNode(askQuestion, { config: cfg({ question: 'Olá {{ contact.name }}! Qual é o seu e-mail?', answerType: 'email', variable: 'email' }), contact: { name: 'Ana' } });
      expect(run.sent).toEqual([{ kind: 'text', text: 'Olá Ana! Qual é o seu e-mail?' }]);
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', state: { attempts: 0 } });
    });

    it('waits with the timeout in milliseconds when one is set', async () => {
      const run = await runNode(askQuestion, { config: cfg({ question: 'Nome?', variable: 'nome', timeoutMinutes: 2.5 }) });
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', timeoutMs: 150_000, state: { attempts: 0 } });
    });

    it('sends the choices as buttons', async () => {
      const run = await runNode(askQuestion, { config: cfg(choice) });
      expect(run.sent).toEqual([{ kind: 'buttons', text: 'Qual plano?', buttons: plans }]);
    });

    it('sends more than ten choices as a list', async () => {
      const many = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, title: `Opção ${i}` }));
      const run = await runNode(askQuestion, { config: cfg({ ...choice, choices: many }) });
      expect(run.sent).toEqual([{ kind: 'list', text: 'Qual plano?', buttonLabel: 'Ver opções', sections: [{ rows: many }] }]);
    });

    it('fails as a config error when the question renders empty', async () => {
      const run = await runNode(askQuestion, { config: cfg({ question: '{{ vars.pergunta }}', variable: 'x' }) });
      expect(run.error?.kind).toBe('config');
      expect(run.sent).toEqual([]);
    });
  });

  describe('ports', () => {
    const ports = (config: Record<string, unknown>) => resolvePorts(askQuestion, askQuestion.config.parse(config)).map((p) => `${p.id}:${p.label}`);

    it('has out and invalid, and timeout only with a timeout', () => {
      expect(ports({ question: 'q', variable: 'v' })).toEqual(['out:Resposta válida', 'invalid:Tentativas esgotadas']);
      expect(ports({ question: 'q', variable: 'v', timeoutMinutes: 5 })).toEqual(['out:Resposta válida', 'invalid:Tentativas esgotadas', 'timeout:Sem resposta']);
    });

    it('has one port per choice instead of out', () => {
      expect(ports(choice)).toEqual(['basico:Básico', 'pro:Pro', 'empresa:Empresa', 'invalid:Tentativas esgotadas']);
    });
  });

  describe('valid answers', () => {
    it.each<[string, Record<string, unknown>, string, unknown]>([
      ['text', { answerType: 'text' }, '  Ana Souza ', 'Ana Souza'],
      ['text within lengths', { answerType: 'text', minLength: 2, maxLength: 5 }, 'Ana', 'Ana'],
      ['number', { answerType: 'number' }, '1.234,5', 1234.5],
      ['number within bounds', { answerType: 'number', min: 1, max: 10 }, '10', 10],
      ['email', { answerType: 'email' }, 'Ana@Exemplo.com', 'ana@exemplo.com'],
      ['phone with DDD', { answerType: 'phone' }, '(11) 99999-0001', '5511999990001'],
      ['legacy 8-digit mobile', { answerType: 'phone' }, '11 9999-0001', '5511999990001'],
      ['international phone', { answerType: 'phone' }, '+55 11 99999-0001', '5511999990001'],
      ['full date', { answerType: 'date' }, '13/05/2026', '2026-05-13'],
      ['date without year', { answerType: 'date' }, '25/12', '2026-12-25'],
      ['ISO date', { answerType: 'date' }, '2026-05-13', '2026-05-13'],
      ['hoje', { answerType: 'date' }, 'hoje', '2026-05-13'],
      ['amanhã', { answerType: 'date' }, 'amanhã', '2026-05-14'],
    ])('stores a %s answer and goes out', async (_name, extra, reply, value) => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'resposta', ...extra }), event: reply, waitState: { attempts: 0 } });
      expect(run.port).toBe('out');
      expect(run.outputs).toEqual({ answer: value, text: reply });
      expect(run.vars).toEqual({ resposta: value });
      expect(run.sent).toEqual([]);
    });

    it('reads "hoje" in the tenant time zone', async () => {
      const run = await resumeNode(askQuestion, {
        config: cfg({ question: 'Quando?', answerType: 'date', variable: 'dia' }),
        event: 'hoje',
        now: '2026-05-14T01:30:00Z',
        timeZone: 'America/Sao_Paulo',
      });
      expect(run.outputs?.answer).toBe('2026-05-13');
    });

    it('stores the answer on the contact when the scope says so', async () => {
      const run = await resumeNode(askQuestion, {
        config: cfg({ question: 'E-mail?', answerType: 'email', variable: 'email', variableScope: 'contact' }),
        event: 'ana@exemplo.com',
      });
      expect(run.contactFields).toEqual({ email: 'ana@exemplo.com' });
      expect(run.vars).toEqual({});
      expect(run.varChanges).toEqual([{ scope: 'contact', name: 'email', from: null, to: 'ana@exemplo.com' }]);
    });

    it.each<[string, Parameters<typeof resumeNode>[1]['event'], string]>([
      ['button id', replyMessage('pro', 'Pro'), 'pro'],
      ['number', '3', 'empresa'],
      ['number word', 'um', 'basico'],
      ['title without accents', 'basico', 'basico'],
    ])('follows the choice picked by %s and stores its id', async (_name, event, id) => {
      const run = await resumeNode(askQuestion, { config: cfg(choice), event });
      expect(run.port).toBe(id);
      expect(run.outputs).toMatchObject({ answer: id, choiceTitle: plans.find((p) => p.id === id)?.title });
      expect(run.vars).toEqual({ plano: id });
    });
  });

  describe('file answers', () => {
    const file = { question: 'Envie a foto da receita', answerType: 'file', variable: 'receita' };
    const photo: InboundMessage = {
      id: 'm', type: 'image', text: 'minha receita', timestamp: '2026-05-13T12:00:00Z',
      media: { providerMediaId: '1146723029895231', mime: 'image/jpeg' },
    };

    it('stores a photo as a download link from the media port, with its caption', async () => {
      const resolved: unknown[] = [];
      const run = await resumeNode(askQuestion, {
        config: cfg(file), event: photo, waitState: { attempts: 0 },
        media: { resolve: async (media) => { resolved.push(media); return { url: 'https://fluxo.example/media/abc', sizeBytes: 2048, expiresAt: '2026-05-14T12:00:00Z' }; } },
      });
      expect(resolved).toEqual([photo.media]);
      expect(run.port).toBe('out');
      const value = { type: 'image', url: 'https://fluxo.example/media/abc', mime: 'image/jpeg', sizeBytes: 2048, expiresAt: '2026-05-14T12:00:00Z', caption: 'minha receita' };
      expect(run.vars).toEqual({ receita: value });
      expect(run.outputs).toEqual({ answer: value, text: 'minha receita' });
    });

    it('takes a URL the channel already gave without asking the media port', async () => {
      const document: InboundMessage = { id: 'm', type: 'document', timestamp: '2026-05-13T12:00:00Z', media: { url: 'https://api.twilio.example/Media/ME1', mime: 'application/pdf', fileName: 'exame.pdf' } };
      const run = await resumeNode(askQuestion, { config: cfg(file), event: document, waitState: { attempts: 0 } });
      expect(run.vars).toEqual({ receita: { type: 'document', url: 'https://api.twilio.example/Media/ME1', mime: 'application/pdf', fileName: 'exame.pdf' } });
    });

    it('asks again for a text, and counts a sticker as a wrong answer', async () => {
      const text = await resumeNode(askQuestion, { config: cfg(file), event: 'não tenho', waitState: { attempts: 0 } });
      expect(text.sent).toEqual([{ kind: 'text', text: 'Por favor, envie o arquivo ou a foto aqui na conversa.' }]);
      expect(text.wait?.state).toEqual({ attempts: 1 });
      const sticker2 = await resumeNode(askQuestion, { config: cfg({ ...file, maxRetries: 0 }), event: sticker, waitState: { attempts: 0 } });
      expect(sticker2.outputs).toEqual({ text: '', attempts: 1, reason: 'notFile' });
    });
  });

  describe('invalid answers', () => {
    it.each<[string, Record<string, unknown>, Parameters<typeof resumeNode>[1]['event'], string]>([
      ['empty text', { answerType: 'text' }, '   ', 'Não entendi. Pode responder de novo?'],
      ['too short text', { answerType: 'text', minLength: 3 }, 'oi', 'Por favor, responda com pelo menos 3 caracteres.'],
      ['too long text', { answerType: 'text', minLength: 1, maxLength: 3 }, 'abcd', 'Por favor, responda com 1 a 3 caracteres.'],
      ['not a number', { answerType: 'number' }, 'vinte', 'Por favor, responda com um número.'],
      ['number out of bounds', { answerType: 'number', min: 1, max: 10 }, '11', 'Por favor, informe um número entre 1 e 10.'],
      ['number below a fractional minimum', { answerType: 'number', min: 0.5 }, '0', 'Por favor, informe um número a partir de 0,5.'],
      ['bad email', { answerType: 'email' }, 'ana@', 'Por favor, informe um e-mail válido.'],
      ['phone without DDD', { answerType: 'phone' }, '99999-0001', 'Por favor, informe um telefone válido com DDD, por exemplo (11) 99999-0001.'],
      ['phone with words', { answerType: 'phone' }, 'não tenho', 'Por favor, informe um telefone válido com DDD, por exemplo (11) 99999-0001.'],
      ['impossible date', { answerType: 'date' }, '31/02/2026', 'Por favor, informe uma data válida, por exemplo 13/05/2026.'],
      ['a sticker for text', { answerType: 'text' }, sticker, 'Não entendi. Pode responder de novo?'],
      ['an unsupported message', { answerType: 'text' }, { id: 'm', type: 'unsupported', timestamp: '2026-05-13T12:00:00Z' }, 'Não entendi. Pode responder de novo?'],
    ])('re-prompts on the first %s', async (_name, extra, event, retry) => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'v', ...extra }), event, waitState: { attempts: 0 } });
      expect(run.sent).toEqual([{ kind: 'text', text: retry }]);
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', state: { attempts: 1 } });
      expect(run.varChanges).toEqual([]);
    });

    it('uses the rendered custom retry message and keeps the timeout', async () => {
      const run = await resumeNode(askQuestion, {
        config: cfg({ question: 'E-mail?', answerType: 'email', variable: 'email', retryMessage: '{{ contact.name }}, esse e-mail não parece certo.', timeoutMinutes: 10 }),
        contact: { name: 'Ana' },
        event: 'ana',
        waitState: { attempts: 0 },
      });
      expect(run.sent).toEqual([{ kind: 'text', text: 'Ana, esse e-mail não parece certo.' }]);
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', timeoutMs: 600_000, state: { attempts: 1 } });
    });

    it('re-sends the buttons after the retry message for a choice', async () => {
      const run = await resumeNode(askQuestion, { config: cfg(choice), event: 'talvez', waitState: { attempts: 0 } });
      expect(run.sent).toEqual([
        { kind: 'text', text: 'Por favor, escolha uma das opções.' },
        { kind: 'buttons', text: 'Qual plano?', buttons: plans },
      ]);
      expect(run.wait?.state).toEqual({ attempts: 1 });
    });

    it('re-prompts up to maxRetries times, then takes invalid', async () => {
      const config = cfg({ question: 'Idade?', answerType: 'number', variable: 'idade', maxRetries: 2 });
      const second = await resumeNode(askQuestion, { config, event: 'x', waitState: { attempts: 1 } });
      expect(second.wait?.state).toEqual({ attempts: 2 });
      expect(second.sent).toHaveLength(1);
      const third = await resumeNode(askQuestion, { config, event: 'x', waitState: { attempts: 2 } });
      expect(third.port).toBe('invalid');
      expect(third.outputs).toEqual({ text: 'x', attempts: 3, reason: 'notANumber' });
      expect(third.sent).toEqual([]);
      expect(third.varChanges).toEqual([]);
    });

    it('takes invalid at once with maxRetries 0, a sticker counting as an attempt', async () => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'v', maxRetries: 0 }), event: sticker, waitState: { attempts: 0 } });
      expect(run.port).toBe('invalid');
      expect(run.outputs).toEqual({ text: '', attempts: 1, reason: 'notText' });
    });

    it('counts from zero when the wait state was lost', async () => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'v', answerType: 'number' }), event: 'x' });
      expect(run.wait?.state).toEqual({ attempts: 1 });
    });

    it('takes invalid for a choice nobody picked after the retries', async () => {
      const run = await resumeNode(askQuestion, { config: cfg({ ...choice, maxRetries: 1 }), event: '7', waitState: { attempts: 1 } });
      expect(run.port).toBe('invalid');
    });
  });

  describe('timeout', () => {
    it('takes timeout when the timer fires', async () => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'v', timeoutMinutes: 5 }), event: 'timer', waitState: { attempts: 1 } });
      expect(run.port).toBe('timeout');
      expect(run.outputs).toEqual({ attempts: 1 });
      expect(run.sent).toEqual([]);
    });

    it('keeps waiting, attempts kept, when an event that is no answer wakes it', async () => {
      const run = await resumeNode(askQuestion, {
        config: cfg({ question: 'q', variable: 'v', timeoutMinutes: 1 }),
        event: { type: 'event', name: 'handoff.resolved' },
        waitState: { attempts: 2 },
      });
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', timeoutMs: 60_000, state: { attempts: 2 } });
    });

    it('keeps waiting on a stray timer when no timeout is configured', async () => {
      const run = await resumeNode(askQuestion, { config: cfg({ question: 'q', variable: 'v' }), event: 'timer', waitState: { attempts: 1 } });
      expect(run.wait).toEqual({ kind: 'wait', for: 'input', state: { attempts: 1 } });
    });
  });

  describe('config', () => {
    it.each<[string, Record<string, unknown>, RegExp]>([
      ['no question', { variable: 'v' }, /question/],
      ['a blank question', { question: '  ', variable: 'v' }, /question/],
      ['no variable', { question: 'q' }, /variable/],
      ['a variable starting with a digit', { question: 'q', variable: '1email' }, /variable: Use letters/],
      ['a variable with a dot', { question: 'q', variable: 'contato.email' }, /variable/],
      ['an unknown answer type', { question: 'q', variable: 'v', answerType: 'cpf' }, /answerType/],
      ['a choice without choices', { question: 'q', variable: 'v', answerType: 'choice' }, /choices: A choice question needs at least one option/],
      ['a choice with an empty list', { question: 'q', variable: 'v', answerType: 'choice', choices: [] }, /choices: A choice question needs/],
      ['repeated choice ids', { ...choice, choices: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }, /choices.1.id: The id "a" is used twice/],
      ['a choice named invalid', { ...choice, choices: [{ id: 'invalid', title: 'A' }] }, /reserved/],
      ['a choice named timeout', { ...choice, choices: [{ id: 'timeout', title: 'A' }] }, /reserved/],
      ['min above max', { question: 'q', variable: 'v', answerType: 'number', min: 5, max: 1 }, /max: The maximum is below the minimum/],
      ['minLength above maxLength', { question: 'q', variable: 'v', minLength: 5, maxLength: 1 }, /maxLength/],
      ['maxRetries above 10', { question: 'q', variable: 'v', maxRetries: 11 }, /maxRetries/],
      ['negative maxRetries', { question: 'q', variable: 'v', maxRetries: -1 }, /maxRetries/],
      ['a zero timeout', { question: 'q', variable: 'v', timeoutMinutes: 0 }, /timeoutMinutes/],
      ['a timeout over 30 days', { question: 'q', variable: 'v', timeoutMinutes: 43_201 }, /timeoutMinutes/],
    ])('refuses %s', async (_name, config, message) => {
      const run = await runNode(askQuestion, { config: cfg(config) });
      expect(run.error?.kind).toBe('config');
      expect(run.error?.message).toMatch(message);
    });

    it('defaults to a text answer in a flow variable, two retries and no timeout', () => {
      expect(askQuestion.config.parse({ question: 'q', variable: 'v' })).toEqual({
        question: 'q', answerType: 'text', variable: 'v', variableScope: 'flow', maxRetries: 2,
      });
    });

    it('has a Portuguese retry message for every answer type', () => {
      for (const answerType of ['text', 'number', 'email', 'phone', 'date', 'choice'] as const) {
        const config = askQuestion.config.parse({ question: 'q', variable: 'v', answerType, choices: plans });
        expect(defaultRetryMessage(config)).toMatch(/^(Por favor|Não entendi)/);
      }
    });
  });
});
