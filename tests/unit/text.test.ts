import { groupThousands, quoted, toHalfWidth } from '../../shared/text';

it('groups thousands without Intl', () => {
  const realIntl = globalThis.Intl;
  const realToLocale = Number.prototype.toLocaleString;
  try {
    // As on a runtime without Intl: anything that reaches for it fails.
    delete (globalThis as { Intl?: unknown }).Intl;
    Number.prototype.toLocaleString = () => {
      throw new Error('no Intl');
    };
    expect([0, 7, 999, 1000, 3120, 12345, 1234567, -4500, 2.9].map(groupThousands)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '3,120',
      '12,345',
      '1,234,567',
      '-4,500',
      '2',
    ]);
  } finally {
    globalThis.Intl = realIntl;
    Number.prototype.toLocaleString = realToLocale;
  }
  for (let i = 0; i < 200; i++) {
    const x = Math.floor(Math.random() * 10 ** (1 + (i % 10)));
    expect(groupThousands(x)).toBe(x.toLocaleString('en-US'));
  }
});

it('turns full-width ASCII into ASCII and leaves the rest', () => {
  expect(toHalfWidth('３３０２ＮＢ５１ｘ 中文')).toBe('3302NB51x 中文');
});

describe('quoted', () => {
  it('wraps a title in Chinese quotes', () => {
    expect(quoted('职工羽毛球赛')).toBe('“职工羽毛球赛”');
  });
  it('turns quotes inside the title into the inner kind, never doubling them', () => {
    expect(quoted('“奋进北仑”职工健步走活动报名啦')).toBe('“‘奋进北仑’职工健步走活动报名啦”');
    expect(`您已成功报名${quoted('"奋进北仑"健步走')}`).not.toMatch(/““|””/);
  });
});
