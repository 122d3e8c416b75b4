/**
 * 线上报名 resent with the same request id (its answer was lost): the first answer again
 * (`already: false`), nothing written twice, even when sign-up has closed in between. Another
 * request id keeps today's answer (`already: true`; after the close, 活动报名已截止).
 */
import type { SignUpResult } from '../../../shared/content/views';
import { countDocs, givenActivity, givenLocalCloud, givenMembers, type TestCloud } from '../../scenarios/content';
import { newRequestId, send, sendTwiceAtOnce } from '../../scenarios/repeats';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

const remainingOf = async (postId: string) =>
  ((await t.db.collection('posts').doc(postId).get()).data[0] as { remaining: number }).remaining;

it('the same request id twice: both ok with the same answer, the resend writes nothing', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [member] = await givenMembers(t, 1);
  const requestId = newRequestId();
  const first = await send<SignUpResult>(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, requestId);
  expect(first.result).toMatchObject({ ok: true, data: { status: 'signed', already: false } });
  const again = await send<SignUpResult>(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, requestId);
  expect(again.result).toEqual(first.result);
  expect(again.writes).toBe(0);
  expect(await countDocs(t, 'activity_signups', { postId: activity.id })).toBe(1);
  expect(await remainingOf(activity.id)).toBe(4);
});

it('another request id answers `already: true` as today; another member with the same request id gets a sign-up of their own', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [member, other] = await givenMembers(t, 2);
  const requestId = newRequestId();
  expect((await send(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, requestId)).result).toMatchObject({
    ok: true,
    data: { already: false },
  });
  expect((await send(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, newRequestId())).result).toMatchObject({
    ok: true,
    data: { status: 'signed', already: true },
  });
  expect((await send(t, 'content', 'signUp', { postId: activity.id }, { openid: other }, requestId)).result).toMatchObject({
    ok: true,
    data: { status: 'signed', already: false },
  });
  expect(await countDocs(t, 'activity_signups', { postId: activity.id })).toBe(2);
});

it('the same request sent twice at once: one sign-up, one place, both answer it as new', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [member] = await givenMembers(t, 1);
  const [x, y] = await sendTwiceAtOnce<SignUpResult>(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, newRequestId());
  expect(x.result).toMatchObject({ ok: true, data: { status: 'signed', already: false } });
  expect(y.result).toMatchObject({ ok: true, data: { status: 'signed', already: false } });
  expect(await countDocs(t, 'activity_signups', { postId: activity.id })).toBe(1);
  expect(await remainingOf(activity.id)).toBe(4);
});

it('a resend that arrives after sign-up closed still gets its sign-up; a new request is refused', async () => {
  const activity = await givenActivity(t, { capacity: 5, deadlineInHours: 1, startInHours: 3 });
  const [member] = await givenMembers(t, 1);
  const requestId = newRequestId();
  expect((await send(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, requestId)).result).toMatchObject({ ok: true });
  await t.setClock(new Date(Date.now() + 2 * 3600_000));
  try {
    const again = await send<SignUpResult>(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, requestId);
    expect(again.result).toMatchObject({ ok: true, data: { status: 'signed', already: false, activity: { signup: { state: 'closed' } } } });
    expect(again.writes).toBe(0);
    expect((await send(t, 'content', 'signUp', { postId: activity.id }, { openid: member }, newRequestId())).result).toMatchObject({
      ok: false,
      error: { code: 'SIGNUP_CLOSED' },
    });
  } finally {
    await t.setClock(new Date());
  }
});
