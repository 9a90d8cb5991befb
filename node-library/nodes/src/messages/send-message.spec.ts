import { replyMessage, resolvePorts, resumeNode, runNode, textMessage } from '@fluxo/node-sdk';
import { sendMessage } from './send-message.node';

const buttons = {
  kind: 'buttons',
  text: 'Confirma sua consulta, {{ contact.name }}?',
  buttons: [
    { id: 'confirmar', title: 'Confirmar' },
    { id: 'remarcar', title: 'Remarcar' },
    { id: 'cancelar', title: 'Cancelar' },
  ],
};

const list = {
  kind: 'list',
  text: 'Escolha o serviço',
  list: {
    sections: [
      { title: 'Cabelo', rows: [{ id: 'corte', title: 'Corte', description: 'R$ 50' }, { id: 'escova', title: 'Escova' }] },
      { rows: [{ id: 'manicure', title: 'Manicure' }] },
    ],
  },
};

const cfg = (config: Record<string, unknown>) => config as never;

describe('fluxo.sendMessage', () => {
  describe('sending', () => {
    it('sends rendered text and goes on through out', async () => {
      const run = await runNode(sendMessage, { config: cfg({ text: 'Olá {{ contact.name }}! Seu pedido {{ vars.pedido }} saiu.' }), contact: { name: 'Ana' }, vars: { pedido: 42 } });
      expect(run.sent).toEqual([{ kind: 'text', text: 'Olá Ana! Seu pedido 42 saiu.' }]);
      expect(run.port).toBe('out');
    });

    it('shows typing first when typingMs is set', async () => {
      const run = await runNode(sendMessage, { config: cfg({ kind: 'text', text: 'Oi', typingMs: 1500 }) });
      expect(run.sent).toEqual([{ kind: 'typing', on: true }, { kind: 'text', text: 'Oi' }]);
    });

    it('sends media with a rendered URL, caption and file name', async () => {
      const run = await runNode(sendMessage, {
        config: cfg({
          kind: 'media',
          media: { mediaType: 'document', url: 'https://cdn.exemplo.com/{{ vars.arquivo }}', caption: 'Seu boleto, {{ contact.name }}', fileName: 'boleto.pdf' },
        }),
        vars: { arquivo: 'b-1.pdf' },
        contact: { name: 'Ana' },
      });
      expect(run.sent).toEqual([
        { kind: 'media', mediaType: 'document', url: 'https://cdn.exemplo.com/b-1.pdf', caption: 'Seu boleto, Ana', fileName: 'boleto.pdf' },
      ]);
      expect(run.port).toBe('out');
    });

    it('leaves out optional texts that render empty', async () => {
      const run = await runNode(sendMessage, { config: cfg({ kind: 'media', media: { mediaType: 'image', url: 'https://x.example/a.jpg', caption: '{{ vars.nada }}' } }) });
      expect(run.sent).toEqual([{ kind: 'media', mediaType: 'image', url: 'https://x.example/a.jpg' }]);
    });

    it('sends buttons with header and footer, then waits for the pick', async () => {
      const run = await runNode(sendMessage, { config: cfg({ ...buttons, header: 'Clínica Sorriso', footer: 'Responda até 18h' }), contact: { name: 'Ana' } });
      expect(run.sent).toEqual([{
        kind: 'buttons',
        text: 'Confirma sua consulta, Ana?',
        buttons: buttons.buttons,
        header: 'Clínica Sorriso',
        footer: 'Responda até 18h',
      }]);
      expect(run.wait).toEqual({ kind: 'wait', for: 'input' });
    });

    it('sends an approved WhatsApp template with its rendered parameters in order, then goes on', async () => {
      const run = await runNode(sendMessage, {
        config: cfg({ kind: 'template', template: { name: 'lembrete_consulta', parameters: ['{{ contact.name }}', '{{ vars.quando }}'] } }),
        contact: { name: 'Carlos' }, vars: { quando: '14/05 às 14h' },
      });
      expect(run.sent).toEqual([{ kind: 'template', name: 'lembrete_consulta', language: 'pt_BR', variables: { 1: 'Carlos', 2: '14/05 às 14h' } }]);
      expect(run.port).toBe('out');
    });

    it('sends a list with the default button label, then waits', async () => {
      const run = await runNode(sendMessage, { config: cfg(list) });
      expect(run.sent).toEqual([{
        kind: 'list',
        text: 'Escolha o serviço',
        buttonLabel: 'Ver opções',
        sections: [
          { title: 'Cabelo', rows: [{ id: 'corte', title: 'Corte', description: 'R$ 50' }, { id: 'escova', title: 'Escova' }] },
          { rows: [{ id: 'manicure', title: 'Manicure' }] },
        ],
      }]);
      expect(run.wait).toEqual({ kind: 'wait', for: 'input' });
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
      ['text that renders empty', { text: '{{ vars.nada }}' }, {}, 'EMPTY_TEXT'],
      ['a button title that renders empty', { ...buttons, buttons: [{ id: 'a', title: '{{ vars.nada }}' }] }, {}, 'EMPTY_TEXT'],
      ['a media URL that renders to no URL', { kind: 'media', media: { mediaType: 'image', url: '{{ vars.url }}' } }, { url: 'javascript:alert(1)' }, 'MEDIA_URL'],
    ])('fails as a config error for %s', async (_name, config, vars, code) => {
      const run = await runNode(sendMessage, { config: cfg(config), vars: vars as never });
      expect(run.error?.kind).toBe('config');
      expect(run.error?.code).toBe(code);
      expect(run.sent).toEqual([]);
    });
  });

  describe('ports', () => {
    // `error`: the message could not be rendered, or the channel refused it for good (taken on the next turn).
    const sent = [{ id: 'out', label: 'Enviada' }, { id: 'error', label: 'Error' }];

    it('has out for text, media and templates, and error', () => {
      expect(resolvePorts(sendMessage, sendMessage.config.parse({ text: 'x' }))).toEqual(sent);
      expect(resolvePorts(sendMessage, sendMessage.config.parse({ kind: 'template', template: { name: 'lembrete' } }))).toEqual(sent);
      expect(resolvePorts(sendMessage, sendMessage.config.parse({ kind: 'media', media: { mediaType: 'image', url: 'https://x.example/a.png' } }))).toEqual(sent);
    });

    it('has one port per button, labelled by its title, plus other and error', () => {
      expect(resolvePorts(sendMessage, sendMessage.config.parse(buttons))).toEqual([
        { id: 'confirmar', label: 'Confirmar' },
        { id: 'remarcar', label: 'Remarcar' },
        { id: 'cancelar', label: 'Cancelar' },
        { id: 'other', label: 'Outra resposta' },
        { id: 'error', label: 'Error' },
      ]);
    });

    it('has one port per list row across sections, plus other and error', () => {
      expect(resolvePorts(sendMessage, sendMessage.config.parse(list)).map((p) => p.id)).toEqual(['corte', 'escova', 'manicure', 'other', 'error']);
    });
  });

  describe('replies', () => {
    it.each<[string, Parameters<typeof resumeNode>[1]['event'], string]>([
      ['the button id', replyMessage('remarcar', 'Remarcar'), 'remarcar'],
      ['a number', '3', 'cancelar'],
      ['a number with a dot', '1.', 'confirmar'],
      ['a keycap emoji', '2️⃣', 'remarcar'],
      ['a number word', 'três', 'cancelar'],
      ['a feminine number word', 'duas', 'remarcar'],
      ['the title in another case, without accents', 'CONFIRMAR', 'confirmar'],
    ])('follows the button picked by %s', async (_name, event, port) => {
      const run = await resumeNode(sendMessage, { config: cfg(buttons), event });
      expect(run.port).toBe(port);
      const title = buttons.buttons.find((b) => b.id === port)?.title;
      expect(run.outputs).toEqual({ choiceId: port, choiceTitle: title });
    });

    it('follows a list row picked by id or by its title', async () => {
      expect((await resumeNode(sendMessage, { config: cfg(list), event: replyMessage('manicure') })).port).toBe('manicure');
      expect((await resumeNode(sendMessage, { config: cfg(list), event: 'escova' })).port).toBe('escova');
      expect((await resumeNode(sendMessage, { config: cfg(list), event: '1' })).outputs).toEqual({ choiceId: 'corte', choiceTitle: 'Corte' });
    });

    it.each<[string, Parameters<typeof resumeNode>[1]['event'], string]>([
      ['unrelated text', 'quanto custa?', 'quanto custa?'],
      ['a number beyond the buttons', '4', '4'],
      ['a sticker', { id: 'm', type: 'sticker', timestamp: '2026-05-13T12:00:00Z' }, ''],
    ])('takes other for %s', async (_name, event, text) => {
      const run = await resumeNode(sendMessage, { config: cfg(buttons), event });
      expect(run.port).toBe('other');
      expect(run.outputs).toEqual({ text });
    });

    it('matches titles as rendered for this conversation', async () => {
      const config = cfg({ kind: 'buttons', text: 'Qual unidade?', buttons: [{ id: 'u1', title: '{{ vars.unidade }}' }] });
      expect((await resumeNode(sendMessage, { config, vars: { unidade: 'Centro' }, event: 'centro' })).port).toBe('u1');
    });

    it('keeps waiting when a timer or event wakes it', async () => {
      expect((await resumeNode(sendMessage, { config: cfg(buttons), event: 'timer' })).wait).toEqual({ kind: 'wait', for: 'input' });
    });

    it('does not take a reply to a text message', async () => {
      const run = await resumeNode(sendMessage, { config: cfg({ text: 'x' }), event: textMessage('1') });
      expect(run.error?.code).toBe('CANNOT_RESUME');
    });
  });

  describe('config', () => {
    const tenButtons = Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, title: `Botão ${i}` }));
    const rows = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Opção ${i}` }));

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['text without text', { kind: 'text' }, /text: A text message needs its text/],
      ['text with blank text', { kind: 'text', text: '   ' }, /text/],
      ['text over 4096 characters', { kind: 'text', text: 'a'.repeat(4097) }, /text/],
      ['buttons without text', { kind: 'buttons', buttons: buttons.buttons }, /text: A buttons message needs its text/],
      ['buttons without buttons', { kind: 'buttons', text: 'x' }, /buttons: Add at least one button/],
      ['buttons with an empty list', { kind: 'buttons', text: 'x', buttons: [] }, /buttons: Add at least one button/],
      ['11 buttons', { kind: 'buttons', text: 'x', buttons: [...tenButtons, { id: 'b10', title: 'Mais' }] }, /buttons/],
      ['repeated button ids', { kind: 'buttons', text: 'x', buttons: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }, /buttons.1.id: The id "a" is used twice/],
      ['a button id with spaces', { kind: 'buttons', text: 'x', buttons: [{ id: 'a b', title: 'A' }] }, /buttons.0.id/],
      ['a button named other', { kind: 'buttons', text: 'x', buttons: [{ id: 'other', title: 'Outro' }] }, /reserved/],
      ['a button title over 60 characters', { kind: 'buttons', text: 'x', buttons: [{ id: 'a', title: 'a'.repeat(61) }] }, /buttons.0.title/],
      ['a blank button title', { kind: 'buttons', text: 'x', buttons: [{ id: 'a', title: ' ' }] }, /buttons.0.title/],
      ['list without a list', { kind: 'list', text: 'x' }, /list: A list message needs its sections/],
      ['list without text', { kind: 'list', list: list.list }, /text: A list message needs its text/],
      ['a section without rows', { kind: 'list', text: 'x', list: { sections: [{ rows: [] }] } }, /list.sections.0.rows/],
      ['row ids repeated across sections', { kind: 'list', text: 'x', list: { sections: [{ rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'a', title: 'B' }] }] } }, /list.sections.1.rows.0.id: The id "a" is used twice/],
      ['a row named other', { kind: 'list', text: 'x', list: { sections: [{ rows: [{ id: 'other', title: 'Outro' }] }] } }, /reserved/],
      ['more than 30 rows in all', { kind: 'list', text: 'x', list: { sections: [1, 2, 3, 4].map((s) => ({ rows: rows(8, `s${s}-`) })) } }, /at most 30 options/],
      ['media without media', { kind: 'media' }, /media: A media message needs its media/],
      ['media with a non-http URL', { kind: 'media', media: { mediaType: 'image', url: 'ftp://x/a.png' } }, /media.url: The media URL must start with http/],
      ['media of an unknown type', { kind: 'media', media: { mediaType: 'sticker', url: 'https://x/a.webp' } }, /media.mediaType/],
      ['an unknown kind', { kind: 'carousel', text: 'x' }, /kind/],
      ['a template without its name', { kind: 'template' }, /template: A template message needs the template name/],
      ['a template name with capitals', { kind: 'template', template: { name: 'Lembrete' } }, /template.name/],
      ['a template language that is not a code', { kind: 'template', template: { name: 'lembrete', language: 'português' } }, /template.language/],
      ['a negative typingMs', { text: 'x', typingMs: -1 }, /typingMs/],
    ])('refuses %s', async (_name, config, message) => {
      const run = await runNode(sendMessage, { config: cfg(config) });
      expect(run.error?.kind).toBe('config');
      expect(run.error?.message).toMatch(message);
    });

    it('accepts 10 buttons, a templated media URL and unused fields of other kinds', () => {
      expect(sendMessage.config.safeParse({ kind: 'buttons', text: 'x', buttons: tenButtons }).success).toBe(true);
      expect(sendMessage.config.safeParse({ kind: 'media', media: { mediaType: 'image', url: '{{ vars.foto }}' } }).success).toBe(true);
      expect(sendMessage.config.safeParse({ kind: 'text', text: 'x', buttons: [] }).success).toBe(true);
    });
  });
});
