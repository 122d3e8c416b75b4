/**
 * A member whose card the union suspended: their pending application cannot be approved
 * (MEMBER_SUSPENDED, no place taken), can still be refused, and shows 会员卡已停用 in the admin's
 * list; the unit cannot nominate them. Reinstated, everything works again. The card is
 * suspended through the real member.adminSetStatus action.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { AdminSetStatusResult } from '../../../shared/member/schemas';
import type { AdminApplicantsResult, AdminDecideResult, AdminNominateResult } from '../../../shared/recuperation/schemas';
import { givenVerifiedMember } from '../../scenarios/member';
import {
  applyAs,
  DISTRICT_ADMIN,
  GANGWU,
  givenBatch,
  givenLocalCloud,
  givenMembers,
  must,
  type TestCloud,
} from '../../scenarios/recuperation';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t?.close();
});

async function setCard(cardNo: string, status: 'revoked' | 'active') {
  const res = await t.call<AdminSetStatusResult>(
    'member',
    'adminSetStatus',
    { cardNo, status, reason: status === 'revoked' ? '已调离本单位，会籍转出' : undefined },
    DISTRICT_ADMIN,
  );
  expect(res).toMatchObject({ ok: true, data: { changed: true, member: { status } } });
}

async function application(id: string) {
  return (await t.db.collection(C.recuApplications).doc(id).get()).data[0] as {
    status: string;
    decidedAt: unknown;
    refuseReason: string | null;
  };
}

/** Everything an approval moves: the counters and the batch's seats. */
async function places(batchId: string) {
  const counters = (await t.db.collection(C.recuCounters).orderBy('_id', 'asc').get()).data;
  const batch = (await t.db.collection(C.recuBatches).doc(batchId).get()).data[0] as { seatsLeft: number };
  return { counters, seatsLeft: batch.seatsLeft };
}

async function applicants(batchId: string) {
  return (await must(t.call<AdminApplicantsResult>('recuperation', 'adminApplicants', { unionId: GANGWU, batchId }, DISTRICT_ADMIN))).items;
}

it('approving a suspended member is refused and takes no place; the list marks them; reinstated, the approval goes through', async () => {
  const batch = await givenBatch(t);
  const m = await givenVerifiedMember(t);
  const [other] = await givenMembers(t, 1);
  const app = (await must(applyAs(t, m.openid, batch.id))).application;
  const otherApp = (await must(applyAs(t, other, batch.id))).application;

  await setCard(m.cardNo, 'revoked');

  // The admin's list shows who is suspended.
  const listed = await applicants(batch.id);
  expect(listed.map((a) => [a.id, a.memberSuspended])).toEqual(
    expect.arrayContaining([
      [app.id, true],
      [otherApp.id, false],
    ]),
  );

  const before = await places(batch.id);
  const refused = await t.call<AdminDecideResult>(
    'recuperation',
    'adminDecide',
    { applicationId: app.id, decision: 'approve' },
    DISTRICT_ADMIN,
  );
  expect(refused).toEqual({
    ok: false,
    error: { code: 'MEMBER_SUSPENDED', message: '该会员的会员卡已被所属工会停用，不能批准其疗休养申请；如不再安排，请填写原因后不予批准' },
  });
  expect(await application(app.id)).toMatchObject({ status: 'pending', decidedAt: null });
  expect(await places(batch.id)).toEqual(before);
  const notices = await t.db.collection(C.notifications).where({ openid: m.openid, category: 'recuperation' }).get();
  expect(notices.data).toEqual([]);
  // Others are approved as usual.
  expect(
    await must(
      t.call<AdminDecideResult>('recuperation', 'adminDecide', { applicationId: otherApp.id, decision: 'approve' }, DISTRICT_ADMIN),
    ),
  ).toMatchObject({
    applicant: { status: 'approved', memberSuspended: false },
  });

  // Reinstated: approved, one place taken.
  await setCard(m.cardNo, 'active');
  expect((await applicants(batch.id)).find((a) => a.id === app.id)?.memberSuspended).toBe(false);
  const seatsBefore = (await places(batch.id)).seatsLeft;
  const approved = await must(
    t.call<AdminDecideResult>('recuperation', 'adminDecide', { applicationId: app.id, decision: 'approve' }, DISTRICT_ADMIN),
  );
  expect(approved).toMatchObject({ alreadyDecided: false, applicant: { id: app.id, status: 'approved', memberSuspended: false } });
  expect((await places(batch.id)).seatsLeft).toBe(seatsBefore - 1);
});

it("a suspended member's application can still be refused", async () => {
  const batch = await givenBatch(t);
  const m = await givenVerifiedMember(t);
  const app = (await must(applyAs(t, m.openid, batch.id))).application;
  await setCard(m.cardNo, 'revoked');
  const before = await places(batch.id);
  const refused = await must(
    t.call<AdminDecideResult>(
      'recuperation',
      'adminDecide',
      { applicationId: app.id, decision: 'refuse', reason: '会员卡已停用，不再安排' },
      DISTRICT_ADMIN,
    ),
  );
  expect(refused).toMatchObject({
    alreadyDecided: false,
    applicant: { status: 'refused', refuseReason: '会员卡已停用，不再安排', memberSuspended: true },
  });
  expect(await application(app.id)).toMatchObject({ status: 'refused', refuseReason: '会员卡已停用，不再安排' });
  expect(await places(batch.id)).toEqual(before);
});

it('the unit cannot nominate a suspended member; reinstated, it can', async () => {
  const batch = await givenBatch(t);
  const m = await givenVerifiedMember(t);
  await setCard(m.cardNo, 'revoked');
  const refused = await t.call('recuperation', 'adminNominate', { batchId: batch.id, memberId: m.memberId }, DISTRICT_ADMIN);
  expect(refused).toEqual({
    ok: false,
    error: { code: 'MEMBER_SUSPENDED', message: '该会员的会员卡已被所属工会停用，不能推荐其参加疗休养' },
  });
  expect((await t.db.collection(C.recuApplications).where({ openid: m.openid }).count()).total).toBe(0);

  await setCard(m.cardNo, 'active');
  const nominated = await must(
    t.call<AdminNominateResult>('recuperation', 'adminNominate', { batchId: batch.id, memberId: m.memberId }, DISTRICT_ADMIN),
  );
  expect(nominated.applicant).toMatchObject({ source: 'nominated', status: 'pending', memberSuspended: false });
});
