import { createHash } from 'node:crypto';
import { clockTime, dateMinute, friendly, monthDayTime } from '../../../shared/benefit/fastTime';
import { formatBusiness, formatBusinessFriendly, fromBusinessWallClock } from '../../../shared/time';
import { commitmentOf, drawWinners, verifyDraw } from '../../../shared/benefit/draw';
import { codeFromBytes, formatCode, normalizeCode } from '../../../shared/benefit/code';
import { checkEligibility } from '../../../shared/benefit/eligibility';
import { CANCEL_LEAD_MS, cancelDeadline, defaultOpening, dropState, leftLabel } from '../../../shared/benefit/rules';
import type { DropCard } from '../../../shared/benefit/schemas';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

test('fast Beijing formatting agrees with shared/time.ts', () => {
  // Fixed instants, both sides of China's 1986-1991 summer-time changes, and random ones.
  const fixed = [
    0,
    1_700_000_000_000,
    Date.parse('2026-07-03T02:00:07Z'),
    Date.parse('2025-12-31T16:00:00Z'),
    1_999_999_999_999,
    Date.parse('1988-04-16T17:59:59Z'),
    Date.parse('1988-04-16T18:00:00Z'),
    Date.parse('1988-09-10T16:59:59Z'),
    Date.parse('1988-09-10T17:00:00Z'),
  ];
  let seed = 7;
  const random = Array.from({ length: 300 }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * 2_200_000_000_000) - 100_000_000_000;
  });
  for (const at of [...fixed, ...random]) {
    expect(clockTime(at)).toBe(formatBusiness(at, 'HH:mm:ss'));
    expect(monthDayTime(at)).toBe(formatBusiness(at, 'MM-DD HH:mm:ss'));
    expect(dateMinute(at)).toBe(formatBusiness(at, 'YYYY-MM-DD HH:mm'));
    expect(friendly(at)).toBe(formatBusinessFriendly(at));
  }
});

test('default opening is the next Friday 10:00 Beijing time', () => {
  const wed = fromBusinessWallClock('2026-07-01 09:00').getTime();
  expect(formatBusiness(defaultOpening(wed), 'YYYY-MM-DD HH:mm')).toBe('2026-07-03 10:00');
  const friAfter = fromBusinessWallClock('2026-07-03 10:00').getTime();
  expect(formatBusiness(defaultOpening(friAfter), 'YYYY-MM-DD HH:mm')).toBe('2026-07-10 10:00');
});

test('the draw is deterministic, independent of entrant order, and checks its commitment', () => {
  const entrants = Array.from({ length: 50 }, (_, i) => sha(`e${i}`).slice(0, 20));
  const seed = 'a'.repeat(64);
  const w1 = drawWinners(seed, entrants, 7, sha);
  const w2 = drawWinners(seed, [...entrants].reverse(), 7, sha);
  expect(w1).toEqual(w2);
  expect(new Set(w1).size).toBe(7);
  expect(drawWinners('b'.repeat(64), entrants, 7, sha)).not.toEqual(w1);
  expect(drawWinners(seed, entrants.slice(0, 3), 7, sha)).toHaveLength(3);
  const ok = verifyDraw({ seed, seedHash: commitmentOf(seed, sha), entrants, stock: 7, winners: w1 }, sha);
  expect(ok).toMatchObject({ commitmentOk: true, matchesPublished: true });
  expect(verifyDraw({ seed, seedHash: sha('other'), entrants, stock: 7, winners: w1 }, sha).commitmentOk).toBe(false);
  expect(
    verifyDraw({ seed, seedHash: commitmentOf(seed, sha), entrants, stock: 7, winners: [...w1].reverse() }, sha).matchesPublished,
  ).toBe(false);
});

test('codes: 12 characters without look-alikes, typed loosely', () => {
  const code = codeFromBytes(Buffer.from(sha('x'), 'hex'));
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
  expect(normalizeCode(formatCode(code).toLowerCase().replace(/-/g, ' '))).toBe(code);
  expect(normalizeCode('ABCD-EFGH-IJK1')).toBeNull();
});

test('eligibility: verified, in scope, with the required tags', () => {
  const drop = { unionId: 'nb-bl', unionName: '北仑区总工会', requiredTags: ['frontline'] as const };
  expect(checkEligibility(null, drop)?.code).toBe('MEMBER_NOT_VERIFIED');
  expect(checkEligibility({ memberStatus: 'pending', unionAncestors: ['nb', 'nb-bl'] }, drop)?.code).toBe('MEMBER_NOT_VERIFIED');
  expect(checkEligibility({ memberStatus: 'verified', unionAncestors: ['nb', 'nb-hs'], tags: ['frontline'] }, drop)?.message).toBe(
    '本次福利仅限北仑区总工会所属会员参与',
  );
  expect(checkEligibility({ memberStatus: 'verified', unionAncestors: ['nb', 'nb-bl', 'x'], tags: [] }, drop)?.message).toBe(
    '本次福利仅限一线职工参与',
  );
  expect(checkEligibility({ memberStatus: 'verified', unionAncestors: ['nb', 'nb-bl', 'x'], tags: ['frontline'] }, drop)).toBeNull();
});

function card(o: Partial<DropCard>): DropCard {
  const opensAt = fromBusinessWallClock('2026-07-03 10:00').getTime();
  return {
    id: 'd1',
    title: 't',
    kind: 'data',
    picture: null,
    unionName: 'u',
    mode: 'first_come',
    stock: 500,
    perMemberLimit: 1,
    requiredTags: [],
    opensAt,
    closesAt: opensAt + 86400_000,
    redeemBy: opensAt + 30 * 86400_000,
    registerOpensAt: null,
    registerClosesAt: null,
    soldOutAt: null,
    left: 500,
    seedHash: null,
    seed: null,
    registrants: null,
    winners: null,
    drawnAt: null,
    venue: null,
    mine: { claims: 0, registered: false, result: null },
    cancelled: null,
    ineligible: null,
    pass: 'p',
    ...o,
  };
}

test('member states and their explanations', () => {
  const c = card({});
  expect(dropState(c, c.opensAt - 1).label).toBe('未开始');
  expect(dropState(c, c.opensAt).action).toBe('claim');
  expect(dropState(card({ left: 0, soldOutAt: c.opensAt + 7000 }), c.opensAt + 9000).explain).toBe('本次共 500 份，已于 10:00:07 领完');
  expect(dropState(card({ mine: { claims: 1, registered: false, result: null } }), c.opensAt).label).toBe('已领取');
  const d = card({ mode: 'draw', registerOpensAt: c.opensAt - 4 * 86400_000, registerClosesAt: c.opensAt - 3600_000 });
  expect(dropState(d, c.opensAt - 86400_000).action).toBe('register');
  expect(dropState({ ...d, mine: { claims: 0, registered: true, result: null } }, c.opensAt - 86400_000).label).toBe('已报名');
  const lost = dropState(
    { ...d, seed: 'abcdef0123456789', registrants: 3120, winners: 500, mine: { claims: 0, registered: true, result: 'lost' } },
    c.opensAt + 1,
  );
  expect(lost.explain).toBe('未中签：报名 3,120 人，中签 500 人，抽签过程公开可查');
  expect(lost.explain).not.toMatch(/[0-9a-f]{8}/); // no seed in the sentence people read
  expect(dropState({ ...d, mine: { claims: 1, registered: true, result: 'won' } }, c.opensAt + 1).label).toBe('已中签');
});

test('a withdrawn drop shows 已撤回 with the reason and offers no action, in either mode', () => {
  const c = card({ unionName: '北仑区总工会' });
  const at = c.opensAt - 86400_000;
  const cancelled = { at, reason: '商家临时停止供货' };
  for (const mode of ['first_come', 'draw'] as const) {
    const v = dropState(
      card({ mode, unionName: '北仑区总工会', cancelled, mine: { claims: 0, registered: true, result: null } }),
      c.opensAt + 1,
    );
    expect(v).toEqual({
      state: 'cancelled',
      label: '已撤回',
      explain: `北仑区总工会已于 ${formatBusinessFriendly(at)} 撤回：商家临时停止供货`,
      action: null,
    });
  }
  // The lead time outlasts the claim path's cached copy of a drop (10 s, at most 60 s old).
  expect(CANCEL_LEAD_MS).toBeGreaterThan(60_000);
  expect(cancelDeadline(c.opensAt)).toBe(c.opensAt - CANCEL_LEAD_MS);
});

test('剩余 N 份 only while a first-come drop is open with units left', () => {
  const open = card({});
  const now = open.opensAt + 60_000;
  expect(leftLabel({ ...open, left: 1234 }, now)).toBe('剩余 1,234 份');
  expect(leftLabel(open, open.opensAt - 1)).toBeNull(); // not open yet: 共 N 份 says it
  expect(leftLabel({ ...open, left: 0 }, now)).toBeNull();
  expect(leftLabel({ ...open, soldOutAt: now }, now)).toBeNull();
  expect(leftLabel(open, open.closesAt)).toBeNull();
  expect(leftLabel({ ...open, mode: 'draw', left: null }, now)).toBeNull();
  expect(leftLabel({ ...open, cancelled: { at: now, reason: '供应商无法供货' } }, now)).toBeNull();
});
