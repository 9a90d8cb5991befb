import { createTemplateRenderer, TemplateError } from '..';

const renderer = createTemplateRenderer({ timeZone: 'America/Sao_Paulo' });
const scope = {
  contact: { name: 'Maria', fields: { plan: 'ouro' } },
  vars: { total: 32, items: ['a', 'b'], price: 1234.5, empty: null },
  nodes: { ask1: { answer: 'sim' } },
};

describe('template renderer', () => {
  it.each([
    ['Olá {{ contact.name }}!', 'Olá Maria!'],
    ['{{ vars.total | plus: 10 }}', '42'],
    ['{{vars.total}}', '32'],
    ['Plano {{ contact.fields.plan | upcase }}', 'Plano OURO'],
    ['{{ nodes.ask1.answer }}', 'sim'],
    ['{{ vars.items[1] }}', 'b'],
    ['{{ vars.items.size }}', '2'],
    ['{{ vars.items | join: ", " }}', 'a, b'],
    ['{{ vars.price | brl }}', 'R$ 1.234,50'],
    ['{% if vars.total > 30 %}caro{% else %}barato{% endif %}', 'caro'],
    ['sem template', 'sem template'],
  ])('renders %s', (template, expected) => {
    expect(renderer.render(template, scope)).toBe(expected);
  });

  it.each([
    ['{{ contact.surname }}'],
    ['{{ vars.missing.deep.path }}'],
    ['{{ vars.empty }}'],
    ['{{ nope | upcase }}'],
    ['{{ contact.constructor }}'],
    ['{{ vars.__proto__ }}'],
  ])('renders a missing value %s as empty, never throwing', (template) => {
    expect(renderer.render(template, scope)).toBe('');
  });

  it('formats dates in the tenant time zone, and "now" follows the given clock', () => {
    const nowMs = Date.parse('2026-05-14T02:30:00Z'); // 23:30 on the 13th in São Paulo
    expect(renderer.render('{{ "now" | date: "%d/%m/%Y %H:%M" }}', scope, { nowMs })).toBe('13/05/2026 23:30');
    const tokyo = createTemplateRenderer({ timeZone: 'Asia/Tokyo' });
    expect(tokyo.render('{{ "now" | date: "%d/%m %H:%M" }}', scope, { nowMs })).toBe('14/05 11:30');
  });

  it.each([
    ['America/Sao_Paulo', '{{ "2026-05-15" | date: "%d/%m/%Y %H:%M" }}', '15/05/2026 00:00'],
    ['Asia/Tokyo', '{{ "2026-05-15" | date: "%d/%m" }}', '15/05'],
    ['America/Sao_Paulo', '{{ "2026-05-15T14:30" | date: "%d/%m %H:%M" }}', '15/05 14:30'],
    ['America/New_York', '{{ "2026-03-08T12:00" | date: "%H:%M %z" }}', '12:00 -0400'],
    ['America/Sao_Paulo', '{{ "2026-05-15T17:30:00Z" | date: "%d/%m %H:%M" }}', '15/05 14:30'],
  ])('in %s reads a zone-less date as that wall-clock day: %s', (timeZone, template, expected) => {
    expect(createTemplateRenderer({ timeZone }).render(template, scope)).toBe(expected);
  });

  it('rejects a syntax error with a TemplateError, and check() reports it', () => {
    expect(() => renderer.render('{% if %}', scope)).toThrow(TemplateError);
    expect(renderer.check('{{ vars.total | nosuchfilter }}')).toMatch(/nosuchfilter/);
    expect(renderer.check('Olá {{ contact.name }}')).toBeNull();
  });

  it('enforces the size and time limits', () => {
    const small = createTemplateRenderer({ timeZone: 'UTC', limits: { maxOutputLength: 50, maxTemplateLength: 100 } });
    expect(() => small.render(`{{ "x" }}${'y'.repeat(200)}`, {})).toThrow(/longer than 100/);
    expect(() => small.render('{% for i in (1..100) %}abc{% endfor %}', {})).toThrow(/longer than 50/);
    const slow = createTemplateRenderer({ timeZone: 'UTC', limits: { renderTimeMs: 5 } });
    expect(() => slow.render('{% for i in (1..100000) %}{% for j in (1..100) %}{{ i }}{% endfor %}{% endfor %}', {})).toThrow(TemplateError);
  });

  it('rejects an unknown time zone with a message saying what to use', () => {
    expect(() => createTemplateRenderer({ timeZone: 'Mars/Olympus' })).toThrow(/IANA/);
  });
});
