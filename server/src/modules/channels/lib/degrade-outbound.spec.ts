import type { OutboundButton, OutboundMessage } from '@fluxo/node-sdk';
import type { ChannelCapabilities } from '../adapters/channel-adapter';
import { degradeForChannel } from './degrade-outbound';

/** Capabilities shaped like the channels of §6.5 (the adapters own the real ones). */
const whatsapp: ChannelCapabilities = {
  maxTextLength: 4096, maxButtons: 3, buttonTitleMax: 20, maxListRows: 10, listRowTitleMax: 24,
  media: true, location: true, templates: true, typing: true, serviceWindow: true,
};
const telegram: ChannelCapabilities = {
  maxTextLength: 4096, maxButtons: 8, buttonTitleMax: 64, maxListRows: 10, listRowTitleMax: 64,
  media: true, location: true, templates: false, typing: true, serviceWindow: false,
};
const twilio: ChannelCapabilities = {
  maxTextLength: 1600, maxButtons: 0, buttonTitleMax: 0, maxListRows: 0, listRowTitleMax: 0,
  media: true, location: false, templates: true, typing: false, serviceWindow: true,
};
const evolution: ChannelCapabilities = { ...whatsapp, maxButtons: 0, buttonTitleMax: 0, maxListRows: 0, listRowTitleMax: 0, serviceWindow: false };
const smsLike: ChannelCapabilities = { ...twilio, media: false, templates: false, serviceWindow: false };

function buttons(count: number, title = (i: number) => `Opção ${i}`): OutboundButton[] {
  return Array.from({ length: count }, (_, i) => ({ id: `b${i + 1}`, title: title(i + 1) }));
}

function buttonsMessage(count: number, title?: (i: number) => string): Extract<OutboundMessage, { kind: 'buttons' }> {
  return { kind: 'buttons', text: 'Escolha:', buttons: buttons(count, title) };
}

function numberedText(body: string, titles: string[], instruction = 'Responda com o número da opção.'): string {
  return [body, ...titles.map((title, i) => `${i + 1} - ${title}`), instruction].join('\n');
}

function kinds(messages: OutboundMessage[]): string[] {
  return messages.map((message) => message.kind);
}

describe('degradeForChannel: buttons', () => {
  it.each([
    ['3 on WhatsApp stay buttons', whatsapp, 3, undefined, 'buttons'],
    ['4 on WhatsApp become a list', whatsapp, 4, undefined, 'list'],
    ['10 on WhatsApp become a list', whatsapp, 10, undefined, 'list'],
    ['11 on WhatsApp become numbered text', whatsapp, 11, undefined, 'text'],
    ['a 20-character title stays a button', whatsapp, 3, (i: number) => `${i}`.padEnd(20, 'x'), 'buttons'],
    ['a 21-character title forces a list', whatsapp, 3, (i: number) => `${i}`.padEnd(21, 'x'), 'list'],
    ['a 24-character title still fits a list row', whatsapp, 3, (i: number) => `${i}`.padEnd(24, 'x'), 'list'],
    ['a 25-character title forces numbered text', whatsapp, 3, (i: number) => `${i}`.padEnd(25, 'x'), 'text'],
    ['8 on Telegram stay buttons', telegram, 8, undefined, 'buttons'],
    ['a 64-character title on Telegram stays a button', telegram, 8, (i: number) => `${i}`.padEnd(64, 'x'), 'buttons'],
    ['9 on Telegram become a list', telegram, 9, undefined, 'list'],
    ['2 on Twilio become numbered text', twilio, 2, undefined, 'text'],
    ['3 on Evolution become numbered text', evolution, 3, undefined, 'text'],
  ] as const)('%s', (_name, capabilities, count, title, kind) => {
    const { messages } = degradeForChannel(buttonsMessage(count, title), capabilities);
    expect(kinds(messages)).toEqual([kind]);
  });

  it('leaves buttons that fit unchanged, and gives no menu', () => {
    const message: OutboundMessage = { kind: 'buttons', text: 'Confirma?', header: 'Consulta', footer: 'Clínica', buttons: buttons(3) };
    expect(degradeForChannel(message, whatsapp)).toEqual({ messages: [message] });
  });

  it.each([
    ['pt-BR', 'Ver opções'],
    ['en', 'See options'],
  ] as const)('turns 4 buttons into a one-section list labelled in %s', (language, buttonLabel) => {
    const message: OutboundMessage = { kind: 'buttons', text: 'Qual unidade?', header: 'Agendamento', footer: 'Clínica', buttons: buttons(4) };
    expect(degradeForChannel(message, whatsapp, language)).toEqual({
      messages: [{ kind: 'list', text: 'Qual unidade?', buttonLabel, header: 'Agendamento', footer: 'Clínica', sections: [{ rows: buttons(4) }] }],
    });
  });

  it('renders numbered text on Twilio and returns the menu to map the answer', () => {
    const message: OutboundMessage = {
      kind: 'buttons',
      text: 'Confirma sua consulta amanhã às 14h?',
      buttons: [{ id: 'confirm', title: 'Confirmar' }, { id: 'reschedule', title: 'Remarcar' }, { id: 'cancel', title: 'Cancelar' }],
    };
    expect(degradeForChannel(message, twilio)).toEqual({
      messages: [{ kind: 'text', text: 'Confirma sua consulta amanhã às 14h?\n1 - Confirmar\n2 - Remarcar\n3 - Cancelar\nResponda com o número da opção.' }],
      menu: { options: [{ n: 1, id: 'confirm', title: 'Confirmar' }, { n: 2, id: 'reschedule', title: 'Remarcar' }, { n: 3, id: 'cancel', title: 'Cancelar' }] },
    });
  });

  it('renders 11 buttons on WhatsApp as numbered text in English, with header and footer', () => {
    const message: OutboundMessage = { ...buttonsMessage(11), header: 'Menu', footer: 'Fluxo' };
    const titles = buttons(11).map((button) => button.title);
    const { messages, menu } = degradeForChannel(message, whatsapp, 'en');
    expect(messages).toEqual([{ kind: 'text', text: `Menu\n${numberedText('Escolha:', titles, "Reply with the option's number.")}\nFluxo` }]);
    expect(menu?.options).toHaveLength(11);
    expect(menu?.options[10]).toEqual({ n: 11, id: 'b11', title: 'Opção 11' });
  });

  it('sends a message without buttons as plain text', () => {
    expect(degradeForChannel({ kind: 'buttons', text: 'Só um aviso.', buttons: [] }, whatsapp)).toEqual({ messages: [{ kind: 'text', text: 'Só um aviso.' }] });
  });
});

describe('degradeForChannel: lists', () => {
  const sections = [
    { title: 'Manhã', rows: [{ id: 't09', title: '09:00', description: 'Dra. Ana' }, { id: 't10', title: '10:00' }] },
    { title: 'Tarde', rows: [{ id: 't14', title: '14:00' }] },
  ];
  const list: OutboundMessage = { kind: 'list', text: 'Escolha um horário:', buttonLabel: 'Horários', sections };

  function listOf(rows: number, titleLength = 5): OutboundMessage {
    return { kind: 'list', text: 'Escolha:', buttonLabel: 'Ver', sections: [{ rows: Array.from({ length: rows }, (_, i) => ({ id: `r${i + 1}`, title: `${i + 1}`.padEnd(titleLength, '.') })) }] };
  }

  it.each([
    ['10 rows on WhatsApp stay a list', whatsapp, listOf(10), 'list'],
    ['11 rows on WhatsApp become numbered text', whatsapp, listOf(11), 'text'],
    ['a 24-character row title stays a list', whatsapp, listOf(3, 24), 'list'],
    ['a 25-character row title forces numbered text', whatsapp, listOf(3, 25), 'text'],
    ['rows counted across sections', { ...whatsapp, maxListRows: 2 }, list, 'text'],
    ['Telegram keeps lists', telegram, listOf(10, 64), 'list'],
    ['Twilio has no lists', twilio, listOf(2), 'text'],
    ['Evolution has no lists', evolution, listOf(2), 'text'],
  ] as const)('%s', (_name, capabilities, message, kind) => {
    expect(kinds(degradeForChannel(message, capabilities).messages)).toEqual([kind]);
  });

  it('leaves a list that fits unchanged', () => {
    expect(degradeForChannel(list, whatsapp)).toEqual({ messages: [list] });
  });

  it('numbers the rows of every section on a channel without lists', () => {
    expect(degradeForChannel(list, evolution)).toEqual({
      messages: [{ kind: 'text', text: 'Escolha um horário:\nManhã\n1 - 09:00 — Dra. Ana\n2 - 10:00\nTarde\n3 - 14:00\nResponda com o número da opção.' }],
      menu: { options: [{ n: 1, id: 't09', title: '09:00' }, { n: 2, id: 't10', title: '10:00' }, { n: 3, id: 't14', title: '14:00' }] },
    });
  });

  it('sends a list without rows as plain text', () => {
    expect(degradeForChannel({ kind: 'list', text: 'Nada por aqui.', buttonLabel: 'Ver', sections: [{ rows: [] }] }, whatsapp).messages).toEqual([{ kind: 'text', text: 'Nada por aqui.' }]);
  });
});

describe('degradeForChannel: long text', () => {
  const paragraph = (i: number) => `Parágrafo ${i}: ${'texto de exemplo '.repeat(40).trim()}.`;
  const long = Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n\n');

  it.each([
    ['exactly max stays one message', 'a'.repeat(1600), twilio, [1600]],
    ['max + 1 becomes two', 'a'.repeat(1601), twilio, [1600, 1]],
    ['a long text on Twilio (1600)', long, twilio, [1388, 1388, 1388, 1388]],
    ['the same text on WhatsApp (4096)', long, whatsapp, [3473, 2083]],
  ])('%s', (_name, text, capabilities, lengths) => {
    const { messages, menu } = degradeForChannel({ kind: 'text', text }, capabilities);
    expect(menu).toBeUndefined();
    expect(kinds(messages).every((kind) => kind === 'text')).toBe(true);
    expect(messages.map((message) => (message.kind === 'text' ? message.text.length : -1))).toEqual(lengths);
  });

  it('keeps previewUrl on every part', () => {
    const { messages } = degradeForChannel({ kind: 'text', text: 'aaaa bbbb', previewUrl: true }, { ...twilio, maxTextLength: 5 });
    expect(messages).toEqual([{ kind: 'text', text: 'aaaa', previewUrl: true }, { kind: 'text', text: 'bbbb', previewUrl: true }]);
  });

  it('sends nothing for blank text', () => {
    expect(degradeForChannel({ kind: 'text', text: '  ' }, whatsapp)).toEqual({ messages: [] });
  });

  it('sends the leading parts of a long button body as text and the buttons last', () => {
    const message: OutboundMessage = { kind: 'buttons', text: 'Primeira parte.\n\nSegunda parte.', footer: 'Rodapé', buttons: buttons(2) };
    expect(degradeForChannel(message, { ...whatsapp, maxTextLength: 20 }).messages).toEqual([
      { kind: 'text', text: 'Primeira parte.' },
      { kind: 'buttons', text: 'Segunda parte.', footer: 'Rodapé', buttons: buttons(2) },
    ]);
  });

  it('does the same for a list made from buttons', () => {
    const message: OutboundMessage = { kind: 'buttons', text: 'Um. Dois. Três.', buttons: buttons(4) };
    expect(degradeForChannel(message, { ...whatsapp, maxTextLength: 9 }).messages).toEqual([
      { kind: 'text', text: 'Um. Dois.' },
      { kind: 'list', text: 'Três.', buttonLabel: 'Ver opções', sections: [{ rows: buttons(4) }] },
    ]);
  });

  it('splits numbered text that outgrows the limit at its lines', () => {
    const { messages, menu } = degradeForChannel(buttonsMessage(3), { ...twilio, maxTextLength: 32 });
    expect(messages).toEqual([
      { kind: 'text', text: 'Escolha:\n1 - Opção 1\n2 - Opção 2' },
      { kind: 'text', text: '3 - Opção 3' },
      { kind: 'text', text: 'Responda com o número da opção.' },
    ]);
    expect(menu?.options).toHaveLength(3);
  });

  it('keeps every part of a long numbered menu within the limit', () => {
    const { messages } = degradeForChannel(buttonsMessage(11, (i) => `Opção ${i} ${'x'.repeat(150)}`), twilio);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.kind).toBe('text');
      if (message.kind === 'text') expect(message.text.length).toBeLessThanOrEqual(1600);
    }
  });
});

describe('degradeForChannel: media, location, typing, template', () => {
  const image: OutboundMessage = { kind: 'media', mediaType: 'image', url: 'https://cdn.exemplo.com/mapa.png', caption: 'Como chegar' };

  it.each([
    ['media kept where supported', image, twilio, [image]],
    ['media without support: caption and link', image, smsLike, [{ kind: 'text', text: 'Como chegar\nhttps://cdn.exemplo.com/mapa.png' }]],
    [
      'a document without caption: file name and link',
      { kind: 'media', mediaType: 'document', url: 'https://cdn.exemplo.com/b.pdf', fileName: 'boleto.pdf' },
      smsLike,
      [{ kind: 'text', text: 'boleto.pdf\nhttps://cdn.exemplo.com/b.pdf' }],
    ],
    [
      'media with neither: the link alone',
      { kind: 'media', mediaType: 'audio', url: 'https://cdn.exemplo.com/a.ogg' },
      smsLike,
      [{ kind: 'text', text: 'https://cdn.exemplo.com/a.ogg' }],
    ],
    [
      'location kept where supported',
      { kind: 'location', lat: -23.5505, lng: -46.6333, name: 'Clínica Sorriso' },
      whatsapp,
      [{ kind: 'location', lat: -23.5505, lng: -46.6333, name: 'Clínica Sorriso' }],
    ],
    [
      'location without support: name, address and maps link',
      { kind: 'location', lat: -23.5505, lng: -46.6333, name: 'Clínica Sorriso', address: 'Av. Paulista, 1000 - São Paulo' },
      twilio,
      [{ kind: 'text', text: 'Clínica Sorriso\nAv. Paulista, 1000 - São Paulo\nhttps://maps.google.com/?q=-23.5505,-46.6333' }],
    ],
    [
      'a bare location: the maps link alone',
      { kind: 'location', lat: 0, lng: 0 },
      twilio,
      [{ kind: 'text', text: 'https://maps.google.com/?q=0,0' }],
    ],
    ['typing kept where supported', { kind: 'typing', on: true }, whatsapp, [{ kind: 'typing', on: true }]],
    ['typing without support: nothing', { kind: 'typing', on: true }, twilio, []],
    [
      'template left to the host',
      { kind: 'template', name: 'lembrete', language: 'pt_BR', variables: { nome: 'Ana' } },
      smsLike,
      [{ kind: 'template', name: 'lembrete', language: 'pt_BR', variables: { nome: 'Ana' } }],
    ],
  ] as Array<[string, OutboundMessage, ChannelCapabilities, OutboundMessage[]]>)('%s', (_name, message, capabilities, expected) => {
    expect(degradeForChannel(message, capabilities)).toEqual({ messages: expected });
  });

  it('sends the leading parts of a long caption as text and the media last', () => {
    const message: OutboundMessage = { ...image, caption: 'Saia pela estação. Vire à direita.' };
    expect(degradeForChannel(message, { ...twilio, maxTextLength: 20 }).messages).toEqual([
      { kind: 'text', text: 'Saia pela estação.' },
      { ...image, caption: 'Vire à direita.' },
    ]);
  });

  it('never mutates the message it was given', () => {
    const message: OutboundMessage = { kind: 'buttons', text: 'Um. Dois.', buttons: buttons(4) };
    const copy = structuredClone(message);
    degradeForChannel(message, { ...whatsapp, maxTextLength: 5 });
    degradeForChannel(message, twilio);
    expect(message).toEqual(copy);
  });
});
