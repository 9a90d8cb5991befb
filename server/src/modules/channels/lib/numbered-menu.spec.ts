import { matchNumberedReply, renderNumberedMenu } from './numbered-menu';
import type { NumberedMenu } from './numbered-menu';

describe('renderNumberedMenu', () => {
  const appointment = {
    text: 'Confirma sua consulta amanhã às 14h?',
    sections: [{ rows: [{ id: 'confirm', title: 'Confirmar' }, { id: 'reschedule', title: 'Remarcar' }, { id: 'cancel', title: 'Cancelar' }] }],
  };

  it('renders the §6.6 example exactly, in Portuguese by default', () => {
    expect(renderNumberedMenu(appointment)).toEqual({
      text: 'Confirma sua consulta amanhã às 14h?\n1 - Confirmar\n2 - Remarcar\n3 - Cancelar\nResponda com o número da opção.',
      menu: { options: [{ n: 1, id: 'confirm', title: 'Confirmar' }, { n: 2, id: 'reschedule', title: 'Remarcar' }, { n: 3, id: 'cancel', title: 'Cancelar' }] },
    });
  });

  it.each([
    ['pt-BR', 'Responda com o número da opção.'],
    ['en', "Reply with the option's number."],
  ] as const)('ends with the %s instruction', (language, instruction) => {
    expect(renderNumberedMenu(appointment, language).text.split('\n').at(-1)).toBe(instruction);
  });

  it('keeps header and footer, shows section titles and descriptions, numbers across sections', () => {
    const { text, menu } = renderNumberedMenu({
      header: 'Clínica Sorriso',
      text: 'Escolha um horário:',
      footer: 'Atendimento de segunda a sexta',
      sections: [
        { title: 'Manhã', rows: [{ id: 't09', title: '09:00', description: 'Dra. Ana' }, { id: 't10', title: '10:00' }] },
        { title: 'Tarde', rows: [{ id: 't14', title: '14:00' }] },
      ],
    });
    expect(text).toBe([
      'Clínica Sorriso',
      'Escolha um horário:',
      'Manhã',
      '1 - 09:00 — Dra. Ana',
      '2 - 10:00',
      'Tarde',
      '3 - 14:00',
      'Responda com o número da opção.',
      'Atendimento de segunda a sexta',
    ].join('\n'));
    expect(menu.options.map(({ n, id }) => [n, id])).toEqual([[1, 't09'], [2, 't10'], [3, 't14']]);
  });

  it('leaves out blank header, body, section title, description and footer', () => {
    const { text } = renderNumberedMenu({ header: ' ', text: '', footer: '', sections: [{ title: '', rows: [{ id: 'a', title: 'Sim', description: ' ' }] }] }, 'en');
    expect(text).toBe("1 - Sim\nReply with the option's number.");
  });
});

describe('matchNumberedReply', () => {
  const menu: NumberedMenu = {
    options: [
      { n: 1, id: 'confirm', title: 'Confirmar' },
      { n: 2, id: 'reschedule', title: 'Remarcar horário' },
      { n: 3, id: 'cancel', title: 'Cancelar' },
      { n: 4, id: 'pix', title: 'Pagar com Pix' },
      { n: 5, id: 'card', title: 'Cartão de crédito' },
      { n: 6, id: 'cash', title: 'Dinheiro' },
      { n: 7, id: 'boleto', title: 'Boleto' },
      { n: 8, id: 'agent', title: '✅ Falar com atendente' },
      { n: 9, id: 'faq', title: 'Dúvidas' },
      { n: 10, id: 'exit', title: 'Sair' },
    ],
  };

  it.each([
    // §6.6 step 1: the number, bare or with its trailing mark
    ['1', 'confirm'],
    ['3', 'cancel'],
    ['10', 'exit'],
    ['01', 'confirm'],
    [' 2 ', 'reschedule'],
    ['2.', 'reschedule'],
    ['2)', 'reschedule'],
    ['2-', 'reschedule'],
    ['2 .', 'reschedule'],
    ['1️⃣', 'confirm'],
    ['1\u20E3', 'confirm'], // keycap without the variation selector
    ['4️⃣.', 'pix'],
    ['9️⃣', 'faq'],
    ['🔟', 'exit'],
    ['1️⃣0️⃣', 'exit'],
    // step 2: Portuguese number words, with or without accents, feminine forms, any case
    ['um', 'confirm'],
    ['uma', 'confirm'],
    ['Um.', 'confirm'],
    ['dois', 'reschedule'],
    ['duas', 'reschedule'],
    ['três', 'cancel'],
    ['tres', 'cancel'],
    ['TRÊS!', 'cancel'],
    ['quatro', 'pix'],
    ['cinco', 'card'],
    ['seis', 'cash'],
    ['sete', 'boleto'],
    ['oito', 'agent'],
    ['nove', 'faq'],
    ['dez', 'exit'],
    // English number words
    ['one', 'confirm'],
    ['Two', 'reschedule'],
    ['three', 'cancel'],
    ['ten', 'exit'],
    // step 3: the title, ignoring case, accents, spacing and surrounding punctuation or emoji
    ['Confirmar', 'confirm'],
    ['cancelar', 'cancel'],
    ['CANCELAR!', 'cancel'],
    ['  cancelar.  ', 'cancel'],
    ['remarcar horario', 'reschedule'],
    ['Remarcar   Horário', 'reschedule'],
    ['cartao de credito', 'card'],
    ['duvidas?', 'faq'],
    ['falar com atendente', 'agent'],
    ['✅ Falar com atendente', 'agent'],
    ['"Boleto"', 'boleto'],
  ])('%p → %s', (reply, id) => {
    expect(matchNumberedReply(reply, menu)?.id).toBe(id);
  });

  it('answers the id and the title of the option', () => {
    expect(matchNumberedReply('dois', menu)).toEqual({ id: 'reschedule', title: 'Remarcar horário' });
  });

  it.each([
    [''],
    ['   '],
    ['0'],
    ['11'],
    ['0️⃣'],
    ['onze'],
    ['-1'],
    ['1 2'],
    ['12)'],
    ['1,'],
    ['opção 1'],
    ['1 - Confirmar'],
    ['quero cancelar'],
    ['cancela'],
    ['remarcar'],
    ['Confirmar e remarcar'],
    ['👍'],
    ['sim'],
  ])('%p matches nothing', (reply) => {
    expect(matchNumberedReply(reply, menu)).toBeUndefined();
  });

  it('takes the number before a title that looks like another number', () => {
    const people: NumberedMenu = { options: [{ n: 1, id: 'two-people', title: '2' }, { n: 2, id: 'one-person', title: '1' }] };
    expect(matchNumberedReply('1', people)?.id).toBe('two-people');
  });

  it('lets an out-of-range number still match an option titled with it', () => {
    const amounts: NumberedMenu = { options: [{ n: 1, id: 'ten', title: '10' }, { n: 2, id: 'twenty', title: '20' }] };
    expect(matchNumberedReply('20', amounts)?.id).toBe('twenty');
    expect(matchNumberedReply('30', amounts)).toBeUndefined();
  });

  it('matches titles made only of symbols exactly', () => {
    const reactions: NumberedMenu = { options: [{ n: 1, id: 'up', title: '👍' }, { n: 2, id: 'down', title: '👎' }] };
    expect(matchNumberedReply('👎', reactions)?.id).toBe('down');
    expect(matchNumberedReply('!!', reactions)).toBeUndefined();
  });

  it('matches nothing in an empty menu', () => {
    expect(matchNumberedReply('1', { options: [] })).toBeUndefined();
  });

  it('round-trips with renderNumberedMenu', () => {
    const { menu: rendered } = renderNumberedMenu({ text: 'Forma de pagamento?', sections: [{ rows: [{ id: 'pix', title: 'Pix' }, { id: 'card', title: 'Cartão' }] }] });
    expect(matchNumberedReply('2', rendered)).toEqual({ id: 'card', title: 'Cartão' });
    expect(matchNumberedReply('cartao', rendered)).toEqual({ id: 'card', title: 'Cartão' });
  });
});
