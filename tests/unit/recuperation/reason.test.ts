import { placeReason } from '../../../shared/recuperation/reason';

const priority = {
  score: 55,
  lines: [],
  explanation: '优先分 55 分：长期从事有毒有害或高强度岗位 +40，生产、工作一线职工 +10，此前从未参加过疗休养 +5',
};

describe('the sentence a member reads', () => {
  it('pending: score and current rank', () => {
    expect(placeReason({ status: 'pending', priority, rank: { position: 2, of: 4 }, unitName: '港务工会', refuseReason: null })).toBe(
      '审核中。优先分 55 分：长期从事有毒有害或高强度岗位 +40，生产、工作一线职工 +10，此前从未参加过疗休养 +5，目前在港务工会本批次 4 名申请人中排第 2 位。单位工会按优先分从高到低、在年度名额内审批。',
    );
  });
  it('approved: why the place', () => {
    const s = placeReason({ status: 'approved', priority, rank: { position: 1, of: 3 }, unitName: '港务工会', refuseReason: null });
    expect(s).toMatch(/^已获批。优先分 55 分/);
    expect(s).toContain('在港务工会本批次 3 名申请人中排第 1 位，在本单位年度名额和批次名额内获得名额。');
  });
  it('refused: the reason given', () => {
    expect(placeReason({ status: 'refused', priority, rank: null, unitName: '港务工会', refuseReason: '名额有限' })).toBe(
      '未获批准：名额有限。',
    );
  });
});
