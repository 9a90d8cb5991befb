import { catalogs, LANGUAGES } from './catalogs';
import { ptBR } from './pt-BR';

// A plain `{name}` and a plural `{name, plural, …}` both fill `name`.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe.each(LANGUAGES.filter((language) => language !== 'pt-BR'))('the %s catalog', (language) => {
  const catalog = catalogs[language];

  it('has exactly the keys of pt-BR', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(ptBR).sort());
  });

  it('fills the same placeholders as pt-BR in every message', () => {
    for (const key of Object.keys(ptBR) as Array<keyof typeof ptBR>) {
      expect({ key, placeholders: placeholders(catalog[key]) }).toEqual({ key, placeholders: placeholders(ptBR[key]) });
    }
  });
});

it.each(LANGUAGES)('%s has no empty message', (language) => {
  expect(Object.entries(catalogs[language]).filter(([, text]) => !text.trim())).toEqual([]);
});
