/** Redemption (核销), admin scope, audit trail, figures and CSV. */
import type { ClaimView, ExportCsvResult, FiguresResult, RedeemResult } from '../../../shared/benefit/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';
import type { TestCloud } from '../../scenarios/cloud';
import { callBenefit, claimAs, givenBenefitCloud, givenDrop, givenMembers } from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

const asDistrict = { persona: 'district_admin' } as const;

test('a code is redeemed once by staff in scope; every attempt is audited; expired codes are refused', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 3, redeemBy: undefined });
  const members = await givenMembers(t, 2);
  await t.setClock(new Date(opensAt + 500));
  const claims: ClaimView[] = [];
  for (const m of members) {
    const r = await claimAs(t, m, dropId);
    if (!r.result.ok) throw new Error(r.result.error.message);
    claims.push(r.result.data);
  }
  const code = claims[0].code;

  // A member is not staff; an admin of another district is out of scope.
  expect((await callBenefit(t, 'redeem', { code }, { openid: members[1] })).result).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN' },
  });
  await t.db
    .collection(C.users)
    .doc('o_test_admin_haishu')
    .set({ openid: 'o_test_admin_haishu', memberStatus: 'verified', adminUnionIds: ['nb-hs'], unionAncestors: [] });
  expect((await callBenefit(t, 'redeem', { code }, { openid: 'o_test_admin_haishu' })).result).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE' },
  });

  const typed = code.toLowerCase().replace(/-/g, ' ');
  const [a, b] = await Promise.all([
    callBenefit<RedeemResult>(t, 'redeem', { code: typed }, asDistrict),
    callBenefit<RedeemResult>(t, 'redeem', { code }, asDistrict),
  ]);
  expect([a.result.ok, b.result.ok].sort()).toEqual([false, true]);
  expect((await callBenefit(t, 'redeem', { code }, { persona: 'city_admin' })).result).toMatchObject({
    ok: false,
    error: { code: 'CODE_ALREADY_REDEEMED' },
  });
  expect((await callBenefit(t, 'redeem', { code: 'AAAA-BBBB-CCCC' }, asDistrict)).result).toMatchObject({
    ok: false,
    error: { code: 'CODE_NOT_FOUND' },
  });

  const mine = await callBenefit<{ claims: ClaimView[] }>(t, 'myClaims', {}, { openid: members[0] });
  expect(mine.result.ok && mine.result.data.claims[0].status).toBe('redeemed');

  // Past the deadline the second code is refused and the reconcile timer marks it expired.
  await t.setClock(new Date(claims[1].redeemBy + 1000));
  expect((await callBenefit(t, 'redeem', { code: claims[1].code }, asDistrict)).result).toMatchObject({
    ok: false,
    error: { code: 'CODE_EXPIRED' },
  });
  await t.post('/api/_local/triggers/benefit/reconcile', '{}');
  const expired = (await t.db.collection(C.dropClaims).where({ dropId, status: 'expired' }).get()).data;
  expect(expired).toHaveLength(1);

  const audit = (await t.db.collection(C.redemptionAudit).where({ dropId }).get()).data as Array<{ outcome: string; by: string; at: Date }>;
  expect(audit.map((x) => x.outcome).sort()).toEqual(['already_redeemed', 'already_redeemed', 'expired', 'out_of_scope', 'redeemed']);
  expect(audit.every((x) => typeof x.by === 'string' && x.at)).toBe(true);

  const fig = await callBenefit<FiguresResult>(t, 'figures', { dropId }, asDistrict);
  expect(fig.result.ok && fig.result.data).toMatchObject({ claims: 2, redemptions: 1, expired: 1, stock: 3 });
  const csv = await callBenefit<ExportCsvResult>(t, 'exportCsv', { dropId }, asDistrict);
  if (!csv.result.ok) throw new Error(csv.result.error.message);
  expect(csv.result.data.rows).toBe(2);
  expect(csv.result.data.csv.split('\r\n')[0]).toBe('\ufeff序号,兑换码,会员,获得方式,领取时间,状态,核销时间,过期处理');
  expect((await callBenefit(t, 'figures', { dropId }, { openid: 'o_test_admin_haishu' })).result).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE' },
  });
});

test('claim notices are sent by the timer, once', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 2 });
  const [m] = await givenMembers(t, 1);
  await t.setClock(new Date(opensAt + 100));
  expect((await claimAs(t, m, dropId)).result.ok).toBe(true);
  await t.setClock(new Date(opensAt + 60_000));
  await t.post('/api/_local/triggers/benefit/reconcile', '{}');
  await t.post('/api/_local/triggers/benefit/reconcile', '{}');
  const notices = (await t.db.collection(C.notifications).where({ openid: m }).get()).data as Array<{ title: string }>;
  expect(notices.map((n) => n.title)).toEqual(['福利领取成功']);
});
