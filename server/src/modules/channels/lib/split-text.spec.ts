import { splitText } from './split-text';

/**
 * The parts are the text, in order, with only whitespace between them: nothing is lost,
 * duplicated or reordered, and only the whitespace at cut points is gone.
 */
function expectReassembles(parts: string[], text: string): void {
  let cursor = 0;
  for (const part of parts) {
    const at = text.indexOf(part, cursor);
    expect(at).toBeGreaterThanOrEqual(cursor);
    expect(text.slice(cursor, at).trim()).toBe('');
    cursor = at + part.length;
  }
  expect(text.slice(cursor).trim()).toBe('');
}

function expectWellFormed(parts: string[], text: string, max: number): void {
  for (const part of parts) {
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThanOrEqual(max);
    expect(part.trim()).not.toBe('');
    expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no half of a surrogate pair
  }
  expectReassembles(parts, text);
}

const SENTENCES = [
  'Olá! Aqui é a Clínica Sorriso, e este é o resumo da sua consulta de amanhã às 14h.',
  'Chegue com 15 minutos de antecedência para o cadastro e traga um documento com foto.',
  'Se você tiver plano de saúde, apresente a carteirinha na recepção; sem ela, a consulta é particular.',
  'O pagamento pode ser feito em dinheiro, cartão de débito, crédito em até três vezes ou Pix.',
  'Você sabia que a higienização profissional a cada seis meses previne cáries e gengivite?',
  'Estacionamento conveniado na Rua das Acácias, 120, com desconto de 50% para pacientes.',
  'Em caso de atraso superior a 20 minutos, talvez seja necessário remarcar o atendimento…',
];

/** A Portuguese text of exactly 5200 characters, in paragraphs of three or four sentences. */
function portugueseText(): string {
  const paragraphs: string[] = [];
  let i = 0;
  while (paragraphs.join('\n\n').length < 5200) {
    const size = 3 + (paragraphs.length % 2);
    paragraphs.push(Array.from({ length: size }, () => SENTENCES[i++ % SENTENCES.length]).join(' '));
  }
  const text = paragraphs.join('\n\n').slice(0, 5200).trimEnd();
  return text + 'x'.repeat(5200 - text.length);
}

describe('splitText', () => {
  it.each([
    ['empty', '', 10, []],
    ['blank', ' \n\n\t ', 10, []],
    ['shorter than max', 'Olá, tudo bem?', 100, ['Olá, tudo bem?']],
    ['exactly max', 'a'.repeat(10), 10, ['a'.repeat(10)]],
    ['fitting text keeps its own whitespace', '  oi  \n', 10, ['  oi  \n']],
    ['max + 1 without any boundary', 'a'.repeat(11), 10, ['a'.repeat(10), 'a']],
    ['max + 1 with a space at the end of the window', 'aaaa bbbbb', 9, ['aaaa', 'bbbbb']],
    ['a separator right after max still leaves a head that fits', 'aaaaa bbbb', 5, ['aaaaa', 'bbbb']],
  ])('%s', (_name, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });

  it.each([
    ['paragraph before line', 'Primeiro.\nSegundo.\n\nTerceiro.', 25, ['Primeiro.\nSegundo.', 'Terceiro.']],
    ['paragraph with spaces on the blank line', 'Um dois.\n  \nTrês quatro.', 12, ['Um dois.', 'Três quatro.']],
    ['the last paragraph that fits, not the first', 'A.\n\nB.\n\nC c c c c c c.', 14, ['A.\n\nB.', 'C c c c c c c.']],
    ['line before sentence', 'Um. Dois.\nTrês. Quatro.', 15, ['Um. Dois.', 'Três. Quatro.']],
    ['sentence before word', 'Oi tudo bem. Eu vou bem', 18, ['Oi tudo bem.', 'Eu vou bem']],
    ['exclamation', 'Que ótimo! Até amanhã então', 20, ['Que ótimo!', 'Até amanhã então']],
    ['question', 'Pode ser às 14h? Ou prefere 15h', 20, ['Pode ser às 14h?', 'Ou prefere 15h']],
    ['ellipsis character', 'Aguarde… Estou verificando a agenda', 26, ['Aguarde…', 'Estou verificando a agenda']],
    ['closing quote stays with its sentence', 'Ele disse "Ok." e depois saiu', 16, ['Ele disse "Ok."', 'e depois saiu']],
    ['a dot inside a number is no sentence end', 'Valor R$1.500,00 hoje', 17, ['Valor R$1.500,00', 'hoje']],
    ['word', 'uma duas três quatro', 10, ['uma duas', 'três', 'quatro']],
    ['whitespace runs at a cut are dropped', 'aaaa     \n\n   bbbb', 6, ['aaaa', 'bbbb']],
    ['leading whitespace of the text is kept', '  aaaa bbbb', 7, ['  aaaa', 'bbbb']],
    ['whitespace longer than max at the start gives no blank part', '          aa', 4, ['aa']],
    ['a single word longer than max is cut hard', 'x'.repeat(25), 10, ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]],
    ['a long word between short ones', 'oi https://exemplo.com.br/abcdefghij fim', 12, ['oi', 'https://exem', 'plo.com.br/a', 'bcdefghij', 'fim']],
  ])('%s', (_name, text, max, expected) => {
    const parts = splitText(text, max);
    expect(parts).toEqual(expected);
    expectWellFormed(parts, text, max);
  });

  it.each([
    // '😀' is two UTF-16 units: a cut at 5 would leave its high surrogate alone.
    ['emoji across the hard-cut boundary', 'abcd😀efgh', 5, ['abcd', '😀efg', 'h']],
    ['emoji exactly at the end of the window', 'abc😀defg', 5, ['abc😀', 'defg']],
    ['only emoji', '😀😀😀', 3, ['😀', '😀', '😀']],
    ['a keycap stays whole', 'abc1️⃣def', 4, ['abc', '1️⃣d', 'ef']],
    ['a skin tone stays with its emoji', 'ab👍🏽cd', 4, ['ab', '👍🏽', 'cd']],
    ['emoji straddling a 4096 limit', `${'a'.repeat(4095)}😀b`, 4096, ['a'.repeat(4095), '😀b']],
    ['emoji ending exactly at a 4096 limit', `${'a'.repeat(4094)}😀b`, 4096, [`${'a'.repeat(4094)}😀`, 'b']],
    ['a ZWJ family longer than max is cut between code points', '👨‍👩‍👧', 4, ['👨\u200D', '👩\u200D', '👧']],
  ])('%s', (_name, text, max, expected) => {
    const parts = splitText(text, max);
    expect(parts).toEqual(expected);
    expectWellFormed(parts, text, max);
  });

  describe('a 5200-character Portuguese text', () => {
    const text = portugueseText();

    it('is 5200 characters long', () => {
      expect(text).toHaveLength(5200);
    });

    it.each([
      [4096, [4030, 1168]],
      [1600, [1522, 1252, 1252, 1168]],
    ])('for max %i gives parts of lengths %j, cut between paragraphs', (max, lengths) => {
      const parts = splitText(text, max);
      expect(parts.map((part) => part.length)).toEqual(lengths);
      expectWellFormed(parts, text, max);
      for (const part of parts.slice(0, -1)) {
        expect(text).toContain(`${part}\n\n`); // the cut was at a paragraph break
      }
    });

    it('fills each part with as many whole paragraphs as fit', () => {
      const parts = splitText(text, 1600);
      parts.slice(0, -1).forEach((part, i) => {
        const next = parts[i + 1] ?? '';
        const nextParagraph = next.split('\n\n')[0] ?? '';
        expect(part.length + 2 + nextParagraph.length).toBeGreaterThan(1600);
      });
    });
  });

  it('cuts a paragraph longer than max at sentences', () => {
    const paragraph = SENTENCES.join(' ');
    const parts = splitText(paragraph, 200);
    expectWellFormed(parts, paragraph, 200);
    expect(parts.every((part) => /[.!?…]$/.test(part))).toBe(true);
  });

  it.each([[0], [1], [-5], [2.5], [Number.NaN]])('refuses max %p', (max) => {
    expect(() => splitText('texto', max)).toThrow(RangeError);
  });
});
