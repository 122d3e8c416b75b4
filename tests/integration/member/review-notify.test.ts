/**
 * 入会审核 tells the applicant the outcome through the one notify path (in-app notice and the
 * 入会审核结果 subscribe message), once per decision — also when the review comes from the
 * 工会工作台's bulk review (a console session calling adminReview for each selected row).
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, signInConsole } from '../../scenarios/console';
import { givenApplicant } from '../../scenarios/member';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

async function noticesOf(openid: string) {
  const res = await t.db.collection(C.notifications).where({ openid }).get();
  return res.data as Array<{ title: string; body: string; link?: string }>;
}

it('notifies each applicant of a bulk review with their own outcome, once', async () => {
  const token = await signInConsole(t, { persona: 'district_admin' });
  const approved = await givenApplicant(t);
  const rejected = await givenApplicant(t);
  const review = (applicationId: string, decision: string, reason?: string) =>
    consoleCall(t, token, 'member', 'adminReview', { applicationId, decision, ...(reason ? { reason } : {}) });
  const [a, r] = await Promise.all([
    review(approved.applicationId, 'approve'),
    review(rejected.applicationId, 'reject', '工作单位与所选工会不符'),
  ]);
  expect(a.body.ok && r.body.ok).toBe(true);
  // A retry of the same decision is answered, not notified again.
  expect((await review(rejected.applicationId, 'reject', '工作单位与所选工会不符')).body).toMatchObject({
    ok: true,
    data: { alreadyReviewed: true },
  });

  const approvedNotices = await noticesOf(approved.openid);
  expect(approvedNotices).toHaveLength(1);
  expect(approvedNotices[0]).toMatchObject({ title: '入会申请已通过', link: '/packages/member/card/index' });
  const rejectedNotices = await noticesOf(rejected.openid);
  expect(rejectedNotices).toHaveLength(1);
  expect(rejectedNotices[0].title).toBe('入会申请未通过');
  expect(rejectedNotices[0].body).toContain('工作单位与所选工会不符');
});
