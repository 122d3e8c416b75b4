/** The leak check used around every integration and e2e call (tests/scenarios/leaks.ts) finds what it must. */
import { callerOpenid, findLeaks } from '../scenarios/leaks';

it('finds another person’s openid, alone or inside an id, but not the caller’s own', () => {
  expect(findLeaks({ items: [{ id: 'p_abc_o_other_user_1' }] }, 'o_me_1', 'content.adminRoster')).toEqual(['openid o_other_user_1']);
  expect(findLeaks({ openid: 'o_other' }, null, 'x.y')).toEqual(['openid o_other']);
  expect(findLeaks({ id: 'd1_o_me_1_2', me: 'o_me_1' }, 'o_me_1', 'benefit.myClaims')).toEqual([]);
  expect(findLeaks({ id: 'o_me_10' }, 'o_me_1', 'x.y')).toEqual(['openid o_me_10']);
});

it('finds a full ID number and a mobile, but not masked ones, hashes or timestamps', () => {
  expect(findLeaks({ a: '身份证 33020619900315123X 已登记' }, null, 'x.y')).toEqual(['ID number 330206…']);
  expect(findLeaks({ phone: '13805741203' }, null, 'x.y')).toEqual(['mobile 138…']);
  expect(
    findLeaks(
      { idMasked: '3302**********123X', phoneMasked: '138****1203', at: 1765141234567, hash: 'a1330206199003151234b' },
      null,
      'x.y',
    ),
  ).toEqual([]);
});

it('lets mobiles through only where they are there by design', () => {
  expect(
    findLeaks({ site: { contactPhone: '13800000000' }, child: { emergencyPhone: '13900000000' } }, 'o_me', 'daycare.childDetail'),
  ).toEqual([]);
  expect(findLeaks({ csv: '孩子,13900000000' }, 'o_me', 'daycare.staffRosterCsv')).toEqual([]);
  expect(findLeaks({ csv: '孩子,13900000000' }, 'o_me', 'benefit.exportCsv')).toEqual(['mobile 139…']);
});

it('knows the caller from the front door’s identity headers', () => {
  expect(callerOpenid({ 'x-local-openid': 'o_x' })).toBe('o_x');
  expect(callerOpenid({ 'x-local-persona': 'anonymous' })).toBeNull();
  expect(callerOpenid({})).toBe('o_local_member_wangjianguo');
});

it('does not mistake a signed token’s random signature for an openid (a claim pass that failed CI once)', () => {
  expect(findLeaks({ drops: [{ pass: 'v1.1796000000.o_spcquTk_BMl6TH6QzzYw' }] }, 'md7537b_00000', 'benefit.list')).toEqual([]);
  // The claim pass as benefit.list really writes it (`p1.<exp>.<sig>`), from a CI run whose signature began with o_.
  expect(findLeaks({ drops: [{ pass: 'p1.1796000000.o_hOeP0L2znCXP-rR2Vg5CHW' }] }, 'me9e3a9_00088', 'benefit.list')).toEqual([]);
  expect(findLeaks({ note: 'v1 o_other_user' }, null, 'x.y')).toEqual(['openid o_other_user']);
  expect(findLeaks({ note: 'p1.o_other_user' }, null, 'x.y')).toEqual(['openid o_other_user']);
});
