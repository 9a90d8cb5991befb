import { insertTemplate, templateQueryAt } from './templateQuery';

describe('templateQueryAt', () => {
  it('finds the open {{ before the caret and what follows it', () => {
    expect(templateQueryAt('Olá {{', 6)).toEqual({ start: 4, query: '' });
    expect(templateQueryAt('Olá {{ con', 10)).toEqual({ start: 4, query: 'con' });
  });

  it('ignores closed templates, other lines and a caret before the braces', () => {
    expect(templateQueryAt('Olá {{ contact.name }} tudo', 27)).toBeNull();
    expect(templateQueryAt('{{ a\nb', 6)).toBeNull();
    expect(templateQueryAt('Olá {{', 2)).toBeNull();
  });
});

describe('insertTemplate', () => {
  it('replaces the open {{ … with the whole template and puts the caret after it', () => {
    const text = 'Olá {{ con!';
    expect(insertTemplate(text, 10, 'contact.name', { start: 4, query: 'con' })).toEqual({ text: 'Olá {{ contact.name }}!', caret: 22 });
  });

  it('absorbs a }} already after the caret, and inserts at the caret when nothing is open', () => {
    expect(insertTemplate('{{ v }}', 4, 'vars.x', { start: 0, query: 'v' }).text).toBe('{{ vars.x }}');
    expect(insertTemplate('Oi !', 3, 'contact.name', null)).toEqual({ text: 'Oi {{ contact.name }}!', caret: 21 });
  });
});
