/** Activity reminders: signed-up members (not the waitlist) get one notice 24 h before the start. */
import type { SignUpResult } from '../../../shared/content/views';
import {
  countDocs,
  fire,
  givenActivity,
  givenLocalCloud,
  givenMembers,
  unwrap,
  whenAllSignUpAtOnce,
  type TestCloud,
} from '../../scenarios/content';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

it('reminds each signed-up member once when the activity is less than 24 h away', async () => {
  const activity = await givenActivity(t, { capacity: 3, startInHours: 72 });
  const members = await givenMembers(t, 5);
  const results = (await whenAllSignUpAtOnce(t, activity.id, members)).map((r) => unwrap<SignUpResult>(r));
  const signed = members.filter((_, i) => results[i].status === 'signed');
  const waiting = members.filter((_, i) => results[i].status === 'waitlisted');
  expect(signed).toHaveLength(3);
  const link = `/packages/content/post/index?id=${activity.id}`;
  const reminders = (openid?: string) => countDocs(t, 'notifications', { title: '活动即将开始', link, ...(openid ? { openid } : {}) });

  // 72 h before the start: too early.
  await fire(t, 'content', 'remindActivities');
  expect(await reminders()).toBe(0);

  // 22 h before the start: every signed-up member, nobody on the waitlist.
  await t.setClock(new Date(Date.now() + 50 * 3600_000));
  await fire(t, 'content', 'remindActivities');
  for (const openid of signed) expect(await reminders(openid)).toBe(1);
  for (const openid of waiting) expect(await reminders(openid)).toBe(0);

  // Running again (or overlapping) sends nothing twice.
  await Promise.all([fire(t, 'content', 'remindActivities'), fire(t, 'content', 'remindActivities')]);
  expect(await reminders()).toBe(3);
  const post = (await t.db.collection('posts').doc(activity.id).get()).data[0] as { remindedAt: Date | null };
  expect(post.remindedAt).toBeInstanceOf(Date);
});
