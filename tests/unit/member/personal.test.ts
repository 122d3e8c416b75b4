import { hashIdNumber, hashName, hashPhone } from '../../../cloudfunctions/_lib/personal';
import { formatCardNo } from '../../../shared/member/card';
import { normalizeTags, tagFromText } from '../../../shared/member/tags';
import { defaultFollows, isInScope } from '../../../shared/union/tree';

const S1 = 'k'.repeat(64);
const S2 = 'j'.repeat(64);

describe('keyed hashes of personal data', () => {
  it('are stable for one person whatever the spelling, and depend on the secret', () => {
    const h = hashIdNumber('11010519491231002X', S1);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdNumber(' 11010519491231002x', S1)).toBe(h);
    expect(hashIdNumber('11010519491231002X', S2)).not.toBe(h);
    expect(hashName(' 王建国 ', S1)).toBe(hashName('王建国', S1));
    expect(hashPhone('138-1234-5678', S1)).toBe(hashPhone('13812345678', S1));
  });

  it('separate kinds: the same digits hash differently as a phone and as an ID', () => {
    expect(hashPhone('13812345678', S1)).not.toBe(hashIdNumber('13812345678', S1));
  });

  it('refuse a missing or short secret', () => {
    const saved = process.env.ID_HASH_SECRET;
    process.env.ID_HASH_SECRET = 'short';
    try {
      expect(() => hashIdNumber('11010519491231002X')).toThrow(/ID_HASH_SECRET/);
    } finally {
      if (saved === undefined) delete process.env.ID_HASH_SECRET;
      else process.env.ID_HASH_SECRET = saved;
    }
  });
});

describe('tags, card numbers and union scope', () => {
  it('tags from labels, short forms and codes', () => {
    expect(tagFromText('劳模')).toBe('model_worker');
    expect(tagFromText(' 一线职工 ')).toBe('frontline');
    expect(tagFromText('hazardous')).toBe('hazardous');
    expect(tagFromText('老板')).toBeNull();
    expect(normalizeTags(['hazardous', 'frontline', 'hazardous'])).toEqual(['frontline', 'hazardous']);
  });

  it('card numbers', () => {
    expect(formatCardNo(1)).toBe('NB5100000001');
    expect(() => formatCardNo(0)).toThrow();
    expect(() => formatCardNo(100_000_000)).toThrow();
  });

  it('an admin acts on their union and its subtree only', () => {
    const beilunGrassroots = ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'];
    expect(isInScope(['nb-bl'], beilunGrassroots)).toBe(true);
    expect(isInScope(['nb'], beilunGrassroots)).toBe(true);
    expect(isInScope(['nb-hs'], beilunGrassroots)).toBe(false);
    expect(isInScope(['nb-bl-xq-gw'], ['nb', 'nb-bl'])).toBe(false); // not upwards
    expect(isInScope([], beilunGrassroots)).toBe(false);
  });

  it('default follows add the union chain and keep what the member already follows', () => {
    expect(defaultFollows(['nb', 'nb-bl'])).toEqual(['nb', 'nb-bl']);
    expect(defaultFollows(['nb', 'nb-bl'], ['nb-jy', 'nb'])).toEqual(['nb-jy', 'nb', 'nb-bl']);
  });
});
