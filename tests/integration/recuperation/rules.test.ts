/** The domain rules through the function: no-repeat, 5 days, cost caps, withdraw and re-apply, nomination, 本地行, figures. */
import { C } from '../../../cloudfunctions/_lib/collections';
import { RECU_SEED_BATCH_SOON } from '../../../scripts/local-cloud/demo/seedRecuperation';
import type {
  AdminFiguresResult,
  AdminUnitMembersResult,
  SubsidyListResult,
  SubsidySubmitResult,
} from '../../../shared/recuperation/schemas';
import {
  applyAs,
  CITY_ADMIN,
  dateIn,
  DISTRICT_ADMIN,
  GANGWU,
  givenBatch,
  givenLocalCloud,
  givenMembers,
  givenUnit,
  KAIDA,
  LIANHE,
  must,
  UNIT_ADMIN,
  VENUE,
  type TestCloud,
} from '../../scenarios/recuperation';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t?.close();
});

it('a member who went 2 years ago is refused with the year they may apply again', async () => {
  const r = await applyAs(t, 'o_local_worker_qianli', RECU_SEED_BATCH_SOON);
  const went = new Date().getFullYear() - 2;
  expect(r.ok ? r : r.error).toEqual({
    code: 'RECU_REPEAT_TOO_SOON',
    message: `您于 ${went} 年参加过疗休养，3 年内不能重复参加（${went + 3} 年起可再申请）`,
  });
});

it('a batch of exactly 5 days is accepted and one of 6 days is refused', async () => {
  expect((await givenBatch(t, { days: 5 })).days).toBe(5);
  const six = await t.call(
    'recuperation',
    'adminCreateBatch',
    { venueId: VENUE, ownerUnionId: 'nb-bl', startDate: dateIn(20), days: 6, capacity: 10, costFen: 100 },
    DISTRICT_ADMIN,
  );
  expect(six.ok ? six : six.error).toEqual({ code: 'RECU_RULE_INVALID', message: '疗休养时间（含路途）不得超过 5 天' });
});

it('a public unit member cannot apply for a batch above 2,000 元; an other unit follows its own standard', async () => {
  const dear = await givenBatch(t, { costFen: 200_001 });
  const [gw] = await givenMembers(t, 1);
  const r = await applyAs(t, gw, dear.id);
  expect(r.ok || r.error.code).toBe('RECU_COST_CAP');
  expect(r.ok || r.error.message).toContain('2,000 元/人/年');
  const exact = await givenBatch(t, { costFen: 200_000 });
  expect((await applyAs(t, gw, exact.id)).ok).toBe(true);
  // 联合工会 (other) has a 2,500 元 standard in the seed.
  const [lh] = await givenMembers(t, 1, { unionId: LIANHE });
  expect((await applyAs(t, lh, dear.id)).ok).toBe(true);
});

it('a member may withdraw a pending application and apply again the same year, but not twice at once', async () => {
  const [m] = await givenMembers(t, 1);
  const first = await must(applyAs(t, m, RECU_SEED_BATCH_SOON));
  const other = await givenBatch(t);
  expect((await applyAs(t, m, other.id)).ok).toBe(false);
  await must(t.call('recuperation', 'withdraw', { applicationId: first.application.id }, { openid: m }));
  const again = await must(applyAs(t, m, other.id));
  expect(again.application.id).toBe(first.application.id);
  expect(again.application.batch.id).toBe(other.id);
});

it('simultaneous applies by one member create one application', async () => {
  const [m] = await givenMembers(t, 1);
  const results = await Promise.all([0, 1, 2, 3].map(() => applyAs(t, m, RECU_SEED_BATCH_SOON)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.error.code === 'RECU_DUPLICATE')).toHaveLength(3);
  expect((await t.db.collection(C.recuApplications).where({ openid: m }).count()).total).toBe(1);
});

it('the unit union nominates a member, who is then ranked like any applicant', async () => {
  const members = await must(t.call<AdminUnitMembersResult>('recuperation', 'adminUnitMembers', { unionId: GANGWU }, DISTRICT_ADMIN));
  const wang = members.members.find((m) => m.nameMasked === '王*国')!;
  expect(wang.priority.score).toBe(55);
  const nominated = await must(
    t.call<{ applicant: { source: string; status: string } }>(
      'recuperation',
      'adminNominate',
      { batchId: RECU_SEED_BATCH_SOON, memberId: wang.memberId },
      DISTRICT_ADMIN,
    ),
  );
  expect(nominated.applicant).toMatchObject({ source: 'nominated', status: 'pending' });
  const twice = await t.call('recuperation', 'adminNominate', { batchId: RECU_SEED_BATCH_SOON, memberId: wang.memberId }, DISTRICT_ADMIN);
  expect(twice.ok ? twice : twice.error.message).toMatch(/^该会员 \d{4} 年已有一份疗休养申请/);
});

it('lowering the quota below what is approved leaves no places and approves nobody else', async () => {
  await givenUnit(t, KAIDA, { quota: 3, ownership: 'other', staffCount: 60 });
  const batch = await givenBatch(t);
  const ids = [];
  for (const m of await givenMembers(t, 3, { unionId: KAIDA })) ids.push((await must(applyAs(t, m, batch.id))).application.id);
  await must(t.call('recuperation', 'adminDecide', { applicationId: ids[0], decision: 'approve' }, DISTRICT_ADMIN));
  await must(t.call('recuperation', 'adminDecide', { applicationId: ids[1], decision: 'approve' }, DISTRICT_ADMIN));
  const unit = await givenUnit(t, KAIDA, { quota: 1, ownership: 'other', staffCount: 60 });
  expect(unit).toMatchObject({ limit: 1, approved: 2, placesLeft: 0 });
  const r = await t.call('recuperation', 'adminDecide', { applicationId: ids[2], decision: 'approve' }, DISTRICT_ADMIN);
  expect(r.ok || r.error.code).toBe('RECU_QUOTA_FULL');
  const staff = await givenUnit(t, KAIDA, { quota: 10, ownership: 'other', staffCount: 6 });
  expect(staff).toMatchObject({ limit: 2, limitBound: 'staff_share', placesLeft: 0 });
  const r2 = await t.call('recuperation', 'adminDecide', { applicationId: ids[2], decision: 'approve' }, DISTRICT_ADMIN);
  expect(r2.ok || r2.error.code).toBe('RECU_STAFF_SHARE_FULL');
});

it('本地行: a private enterprise claims, the platform computes 10 % capped at 400 元, a higher union approves', async () => {
  const kdAdmin = { openid: 'o_recu_admin_kaida' };
  await t.db
    .collection(C.users)
    .doc(kdAdmin.openid)
    .set({
      openid: kdAdmin.openid,
      nameMasked: '林*',
      memberStatus: 'verified',
      unionId: KAIDA,
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-dq', KAIDA],
      tags: [],
      cardNo: null,
      adminUnionIds: [KAIDA],
      follows: [],
      memberId: null,
    });
  const claim = { unionId: KAIDA, place: '北仑九峰山', startDate: dateIn(-3), days: 2, persons: 10, spendPerPersonPerDayFen: 45_000 };
  const submitted = await must(t.call<SubsidySubmitResult>('recuperation', 'subsidySubmit', claim, kdAdmin));
  expect(submitted.claim).toMatchObject({
    countedPerPersonPerDayFen: 40_000,
    actualTotalFen: 900_000,
    countedTotalFen: 800_000,
    subsidyFen: 80_000,
    status: 'pending',
    canReview: false,
  });
  const own = await t.call('recuperation', 'subsidyDecide', { claimId: submitted.claim.id, decision: 'approve' }, kdAdmin);
  expect(own.ok || own.error.code).toBe('RECU_SUBSIDY_SELF_REVIEW');
  const publicUnit = await t.call('recuperation', 'subsidySubmit', { ...claim, unionId: GANGWU }, UNIT_ADMIN);
  expect(publicUnit.ok || publicUnit.error.code).toBe('RECU_SUBSIDY_NOT_ELIGIBLE');
  const list = await must(t.call<SubsidyListResult>('recuperation', 'subsidyList', {}, DISTRICT_ADMIN));
  expect(list.claims.find((c) => c.id === submitted.claim.id)?.canReview).toBe(true);
  await must(t.call('recuperation', 'subsidyDecide', { claimId: submitted.claim.id, decision: 'approve' }, DISTRICT_ADMIN));

  const figures = await must(t.call<AdminFiguresResult>('recuperation', 'adminFigures', {}, CITY_ADMIN));
  const kd = figures.units.find((u) => u.unit.id === KAIDA)!;
  expect(kd).toMatchObject({
    approved: 2,
    quota: 10,
    limit: 2,
    spendFen: 360_000,
    subsidyApprovedFen: 80_000,
    subsidyPendingFen: 96_000,
    subsidyClaims: 2,
  });
  expect(kd.mix.frontline).toBe(2);
  expect(figures.totals.approved).toBeGreaterThanOrEqual(2);
});

it('a re-application after a refusal replaces the stored score lines and tags', async () => {
  const [m] = await givenMembers(t, 1, { tags: ['frontline', 'hazardous', 'model_worker'] });
  const batch = await givenBatch(t);
  const first = await must(applyAs(t, m, batch.id));
  await must(
    t.call('recuperation', 'adminDecide', { applicationId: first.application.id, decision: 'refuse', reason: '名额有限' }, DISTRICT_ADMIN),
  );
  await t.db
    .collection(C.users)
    .doc(m)
    .update({ tags: ['frontline'] });
  const again = await must(applyAs(t, m, batch.id));
  expect(again.application.priority.lines.map((l) => l.key)).toEqual(['frontline', 'first_time']);
  const stored = (await t.db.collection(C.recuApplications).doc(first.application.id).get()).data[0];
  expect(stored.scoreLines).toHaveLength(2);
  expect(stored.tags).toEqual(['frontline']);
  expect(stored.refuseReason).toBeNull();
});
