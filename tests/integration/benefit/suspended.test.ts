/**
 * Redemption (核销) of a code whose member's card was suspended after claiming: refused with
 * MEMBER_SUSPENDED, audited, the claim left unredeemed; after reinstating it redeems (once).
 * The card is suspended through the real member.adminSetStatus action.
 */
import type { ClaimView, RedeemResult } from '../../../shared/benefit/schemas';
import type { AdminSetStatusResult } from '../../../shared/member/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';
import type { TestCloud } from '../../scenarios/cloud';
import { callBenefit, claimAs, givenBenefitCloud, givenDrop } from '../../scenarios/benefit';
import { givenVerifiedMember } from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

const DISTRICT = { persona: 'district_admin' } as const;

async function setCard(cardNo: string, status: 'revoked' | 'active') {
  const res = await t.call<AdminSetStatusResult>(
    'member',
    'adminSetStatus',
    { cardNo, status, reason: status === 'revoked' ? '已调离本单位，会籍转出' : undefined },
    DISTRICT,
  );
  expect(res).toMatchObject({ ok: true, data: { changed: true, member: { status } } });
}

async function claimDoc(code: string) {
  return (
    await t.db
      .collection(C.dropClaims)
      .where({ code: code.replace(/-/g, '') })
      .get()
  ).data[0] as { _id: string; status: string; redeemedAt: unknown; redeemedBy: unknown };
}

async function outcomes(claimId: string): Promise<string[]> {
  const res = await t.db.collection(C.redemptionAudit).where({ claimId }).orderBy('at', 'asc').get();
  return (res.data as Array<{ outcome: string }>).map((a) => a.outcome);
}

test('a code of a member whose card was suspended after claiming is refused, audited and left unredeemed; reinstated, it redeems once', async () => {
  const m = await givenVerifiedMember(t);
  const { dropId, opensAt } = await givenDrop(t, { stock: 2, title: '停用核销测试 电影票' });
  await t.setClock(new Date(opensAt + 500));
  const claimed = await claimAs(t, m.openid, dropId);
  if (!claimed.result.ok) throw new Error(claimed.result.error.message);
  const view: ClaimView = claimed.result.data;
  const stored = await claimDoc(view.code);
  expect(stored.status).toBe('issued');

  await setCard(m.cardNo, 'revoked');

  // Staff scan it (twice, at once): both refused with the reason, nothing redeemed.
  const refused = await Promise.all([0, 1].map(() => callBenefit<RedeemResult>(t, 'redeem', { code: view.code }, DISTRICT)));
  for (const r of refused) {
    expect(r.result).toEqual({
      ok: false,
      error: { code: 'MEMBER_SUSPENDED', message: '该会员卡已被所属工会停用，不能核销；如有疑问请会员联系所属工会' },
    });
  }
  expect(await claimDoc(view.code)).toMatchObject({ status: 'issued', redeemedAt: null, redeemedBy: null });
  expect(await outcomes(stored._id)).toEqual(['member_suspended', 'member_suspended']);
  const mine = await callBenefit<{ claims: ClaimView[] }>(t, 'myClaims', {}, { openid: m.openid });
  expect(mine.result.ok && mine.result.data.claims.map((c) => c.status)).toEqual(['issued']);

  // Reinstated before the deadline: the same code redeems, exactly once under two simultaneous scans.
  await setCard(m.cardNo, 'active');
  const [a, b] = await Promise.all([0, 1].map(() => callBenefit<RedeemResult>(t, 'redeem', { code: view.code }, DISTRICT)));
  const results = [a.result, b.result];
  expect(results.filter((r) => r.ok)).toEqual([
    { ok: true, data: expect.objectContaining({ title: '停用核销测试 电影票', memberName: '张*明' }) },
  ]);
  expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CODE_ALREADY_REDEEMED' }) }]);
  // A successful scan still costs 3 reads (admin, claim, member) — the suspension check reads nothing more.
  const winner = a.result.ok ? a : b;
  expect(winner.db.reads).toBe(3);
  expect(await claimDoc(view.code)).toMatchObject({ status: 'redeemed' });
  expect((await outcomes(stored._id)).sort()).toEqual(['already_redeemed', 'member_suspended', 'member_suspended', 'redeemed']);
});
