import { parseWhatsappFormat } from './whatsappFormat';

describe('parseWhatsappFormat', () => {
  it('marks *bold*, _italic_ and ~strike~, nested, and leaves the rest as text', () => {
    expect(parseWhatsappFormat('Oi *Ana*, _veja ~isto~_!')).toEqual([
      'Oi ',
      { mark: 'bold', children: ['Ana'] },
      ', ',
      { mark: 'italic', children: ['veja ', { mark: 'strike', children: ['isto'] }] },
      '!',
    ]);
  });

  it('does not mark a lone star or marks around spaces', () => {
    expect(parseWhatsappFormat('5 * 3 = 15 e * nada *')).toEqual(['5 * 3 = 15 e * nada *']);
  });

  it('keeps HTML as plain text', () => {
    expect(parseWhatsappFormat('<b>x</b>')).toEqual(['<b>x</b>']);
  });
});
