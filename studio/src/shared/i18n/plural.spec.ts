import { catalogs } from './catalogs';
import { applyPlurals } from './plural';
import { translate } from './translate';

describe('plural forms in messages', () => {
  const problems = '{count, plural, =0 {nenhum problema} one {# problema} other {# problemas}}';

  it('picks the form for the number in the language', () => {
    expect(applyPlurals(problems, { count: 1 }, 'pt-BR')).toBe('1 problema');
    expect(applyPlurals(problems, { count: 3 }, 'pt-BR')).toBe('3 problemas');
    expect(applyPlurals('{n, plural, one {# day} other {# days}}', { n: 1 }, 'en')).toBe('1 day');
    expect(applyPlurals('{n, plural, one {# day} other {# days}}', { n: 0 }, 'en')).toBe('0 days');
  });

  it('prefers an exact =N form over the language rule (pt-BR counts 0 as "one")', () => {
    expect(applyPlurals(problems, { count: 0 }, 'pt-BR')).toBe('nenhum problema');
    expect(applyPlurals('{count, plural, one {# problema} other {# problemas}}', { count: 0 }, 'pt-BR')).toBe('0 problema');
  });

  it('formats the number for the language and keeps the text around the plural', () => {
    expect(applyPlurals('Há {count, plural, one {# conversa} other {# conversas}} abertas', { count: 1234 }, 'pt-BR')).toBe('Há 1.234 conversas abertas');
    expect(applyPlurals('{a, plural, one {# a} other {# as}} e {b, plural, one {# b} other {# bs}}', { a: 1, b: 2 }, 'pt-BR')).toBe('1 a e 2 bs');
  });

  it('leaves the placeholder visible when the number is missing', () => {
    expect(applyPlurals(problems, {}, 'pt-BR')).toContain('{count, plural,');
  });

  it('fills placeholders inside a form through translate', () => {
    expect(translate(catalogs['pt-BR'], 'versions.publish.doneMigrated', { version: 4, migrated: 1, restarted: 0 }, 'pt-BR')).toBe(
      'Versão 4 publicada. 1 conversa passou para ela e nenhuma recomeçou.',
    );
    expect(translate(catalogs.en, 'editor.problems', { count: 2 }, 'en')).toBe('2 problems');
  });
});
