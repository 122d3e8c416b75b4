/** Review: admins list pending applications in their subtree and approve / reject them. */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { as, givenAdminOf, givenApplicant } from '../../scenarios/member';
import type { AdminListApplicationsResult, AdminReviewResult, MyApplicationResult, Profile } from '../../../shared/member/schemas';
import type { InboxResult } from '../../../shared/notify/schemas';

let t: TestCloud;
let haishuAdmin: { openid: string };
beforeAll(async () => {
  t = await givenLocalCloud();
  haishuAdmin = await givenAdminOf(t, 'nb-hs');
});
afterAll(async () => {
  await t.close();
});

const DISTRICT = { persona: 'district_admin' };
const CITY = { persona: 'city_admin' };

describe('adminListApplications', () => {
  it('lists the pending applications of the admin subtree, oldest first, with the full name for review', async () => {
    const res = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', {}, DISTRICT);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const seeded = res.data.items.filter((i) => ['张*', '刘*'].includes(i.nameMasked));
    expect(seeded.map((i) => i.realName)).toEqual(['张伟', '刘芳']); // oldest first
    expect(seeded[1]).toMatchObject({ routing: 'street_union', union: { id: 'nb-bl-xg', name: '小港街道总工会' }, status: 'pending' });
    expect(res.data.total).toBeGreaterThanOrEqual(2);
  });

  it('pages and narrows to one union of the subtree', async () => {
    const page = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', { limit: 1, offset: 1 }, DISTRICT);
    expect(page.ok && page.data).toMatchObject({ offset: 1, limit: 1, items: [expect.objectContaining({ nameMasked: '刘*' })] });
    const xg = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', { unionId: 'nb-bl-xg' }, DISTRICT);
    expect(xg.ok && xg.data.items.map((i) => i.realName)).toEqual(['刘芳']);
  });

  it('an admin of another district sees none of them and cannot narrow to a union outside the subtree', async () => {
    const res = await t.call<AdminListApplicationsResult>('member', 'adminListApplications', {}, as(haishuAdmin.openid));
    expect(res.ok && res.data).toMatchObject({ items: [], total: 0 });
    expect(await t.call('member', 'adminListApplications', { unionId: 'nb-bl-xg' }, as(haishuAdmin.openid))).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_SCOPE' },
    });
  });

  it('a member is not an admin', async () => {
    expect(await t.call('member', 'adminListApplications', {}, { persona: 'member' })).toEqual({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN', message: '仅工会管理员可以执行此操作' },
    });
  });
});

describe('adminReview', () => {
  it('a member trying to approve gets NOT_UNION_ADMIN and nothing changes', async () => {
    const a = await givenApplicant(t);
    expect(
      await t.call('member', 'adminReview', { applicationId: a.applicationId, decision: 'approve' }, { persona: 'member' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
    const mine = await t.call<MyApplicationResult>('member', 'myApplication', {}, as(a.openid));
    expect(mine.ok && mine.data.application?.status).toBe('pending');
  });

  it('an admin of another district (海曙) cannot approve a 北仑 application', async () => {
    const a = await givenApplicant(t);
    expect(await t.call('member', 'adminReview', { applicationId: a.applicationId, decision: 'approve' }, as(haishuAdmin.openid))).toEqual({
      ok: false,
      error: { code: 'OUT_OF_SCOPE', message: '该事项不属于您所管理的工会范围' },
    });
    expect((await t.db.collection('members').doc(a.applicationId).get()).data).toHaveLength(0);
  });

  it('approval issues a card, verifies the user with union chain, tags and follows, and erases the full name', async () => {
    const a = await givenApplicant(t, { tags: ['frontline', 'model_worker'] });
    const res = await t.call<AdminReviewResult>('member', 'adminReview', { applicationId: a.applicationId, decision: 'approve' }, DISTRICT);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({
      alreadyReviewed: false,
      application: { status: 'approved', cardNo: expect.stringMatching(/^NB51\d{8}$/) },
    });
    const user = (await t.db.collection('users').doc(a.openid).get()).data[0];
    expect(user).toMatchObject({
      memberStatus: 'verified',
      unionId: 'nb-bl-xq-gw',
      unionAncestors: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
      tags: ['frontline', 'model_worker'],
      cardNo: res.data.application.cardNo,
      follows: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-gw'],
      adminUnionIds: [],
    });
    const app = (await t.db.collection('member_applications').doc(a.applicationId).get()).data[0];
    expect(app.realName).toBeNull();
    const profile = await t.call<Profile>('member', 'profile', {}, as(a.openid));
    expect(profile.ok && profile.data.card).toMatchObject({ cardNo: res.data.application.cardNo, nameMasked: '张*明', status: 'active' });
    // A retry by the same admin answers the same card.
    const again = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: a.applicationId, decision: 'approve' },
      DISTRICT,
    );
    expect(again.ok && again.data).toMatchObject({ alreadyReviewed: true, application: { cardNo: res.data.application.cardNo } });
    // Rejecting it now is refused.
    expect(
      await t.call('member', 'adminReview', { applicationId: a.applicationId, decision: 'reject', reason: '材料不全' }, DISTRICT),
    ).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_REVIEWED' },
    });
  });

  it('rejection needs a reason, shows it on the status page, and lets the person apply again', async () => {
    const a = await givenApplicant(t);
    expect(
      await t.call('member', 'adminReview', { applicationId: a.applicationId, decision: 'reject', reason: '   ' }, DISTRICT),
    ).toMatchObject({
      ok: false,
      error: { code: 'REJECT_REASON_REQUIRED' },
    });
    const res = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: a.applicationId, decision: 'reject', reason: '请提供劳动合同' },
      CITY,
    );
    expect(res.ok && res.data.application).toMatchObject({ status: 'rejected', rejectReason: '请提供劳动合同', cardNo: null });
    const mine = await t.call<MyApplicationResult>('member', 'myApplication', {}, as(a.openid));
    expect(mine.ok && mine.data.application).toMatchObject({ status: 'rejected', rejectReason: '请提供劳动合同' });
    const profile = await t.call<Profile>('member', 'profile', {}, as(a.openid));
    expect(profile.ok && profile.data).toMatchObject({ memberStatus: 'rejected', application: { rejectReason: '请提供劳动合同' } });
    const again = await t.call<{ application: { status: string } }>('member', 'apply', a.request, as(a.openid));
    expect(again.ok && again.data.application.status).toBe('pending');
    const doc = (await t.db.collection('member_applications').doc(a.applicationId).get()).data[0];
    expect(doc.history).toEqual([expect.objectContaining({ status: 'rejected', reason: '请提供劳动合同' })]);
  });

  it('an unknown application is NOT_FOUND; a malformed id is INVALID_ARGUMENT', async () => {
    expect(await t.call('member', 'adminReview', { applicationId: 'f'.repeat(64), decision: 'approve' }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.call('member', 'adminReview', { applicationId: 'x', decision: 'approve' }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '申请编号格式不正确' },
    });
  });

  it('the applicant gets one message with the outcome: approval with the card number, rejection with the reason', async () => {
    const inbox = async (openid: string) => {
      const res = await t.call<InboxResult>('notify', 'inbox', {}, as(openid));
      if (!res.ok) throw new Error(JSON.stringify(res));
      return res.data.items.filter((n) => n.category === 'membership');
    };
    const yes = await givenApplicant(t);
    const approved = await t.call<AdminReviewResult>(
      'member',
      'adminReview',
      { applicationId: yes.applicationId, decision: 'approve' },
      DISTRICT,
    );
    if (!approved.ok) throw new Error(JSON.stringify(approved));
    // A retried approval is alreadyReviewed and tells nobody twice.
    await t.call('member', 'adminReview', { applicationId: yes.applicationId, decision: 'approve' }, CITY);
    const told = await inbox(yes.openid);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '入会申请已通过', link: '/packages/member/card/index' });
    expect(told[0].body).toContain(approved.data.application.cardNo!);

    const no = await givenApplicant(t);
    await t.call('member', 'adminReview', { applicationId: no.applicationId, decision: 'reject', reason: '单位名称与工会不符' }, DISTRICT);
    const rejected = await inbox(no.openid);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ title: '入会申请未通过', link: '/packages/member/status/index' });
    expect(rejected[0].body).toContain('单位名称与工会不符');
  });

  it('two admins approving the same application at once → exactly one card', async () => {
    const a = await givenApplicant(t);
    const callers = [DISTRICT, CITY, DISTRICT, CITY, DISTRICT, CITY];
    const before = (await t.db.collection('counters').doc('memberCardNo').get()).data[0].value as number;
    const results = await Promise.all(
      callers.map((c) => t.call<AdminReviewResult>('member', 'adminReview', { applicationId: a.applicationId, decision: 'approve' }, c)),
    );
    for (const r of results) expect(r.ok).toBe(true);
    const oks = results.filter((r): r is { ok: true; data: AdminReviewResult } => r.ok);
    expect(new Set(oks.map((r) => r.data.application.cardNo)).size).toBe(1);
    expect(oks.filter((r) => !r.data.alreadyReviewed)).toHaveLength(1);
    expect((await t.db.collection('members').where({ openid: a.openid }).count()).total).toBe(1);
    const after = (await t.db.collection('counters').doc('memberCardNo').get()).data[0].value as number;
    expect(after - before).toBe(1);
  });

  it('many approvals of different applications at once get distinct card numbers', async () => {
    const apps = await Promise.all(Array.from({ length: 8 }, () => givenApplicant(t)));
    const results = await Promise.all(
      apps.map((a, i) =>
        t.call<AdminReviewResult>(
          'member',
          'adminReview',
          { applicationId: a.applicationId, decision: 'approve' },
          i % 2 ? CITY : DISTRICT,
        ),
      ),
    );
    const cards = results.map((r) => (r.ok ? r.data.application.cardNo : r.error.code));
    expect(new Set(cards).size).toBe(8);
    for (const c of cards) expect(c).toMatch(/^NB51\d{8}$/);
  });
});
