/** Activity sign-up: capacity under real concurrency, waitlist order, cancel and promotion, check-in. */
import type {
  AdminCheckInResult,
  AdminRosterResult,
  CancelSignupResult,
  GetResult,
  MySignupsResult,
  SignUpResult,
} from '../../../shared/content/views';
import {
  countDocs,
  DISTRICT_ADMIN,
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

it('300 members signing up at once for 50 places: exactly 50 signed, 250 waitlisted in order, never over capacity', async () => {
  const activity = await givenActivity(t, { capacity: 50 });
  const members = await givenMembers(t, 300);
  const started = Date.now();
  const results = await whenAllSignUpAtOnce(t, activity.id, members);
  const ms = Date.now() - started;

  const data = results.map((r) => unwrap(r, 'signUp'));
  expect(data.filter((d) => d.status === 'signed')).toHaveLength(50);
  expect(data.filter((d) => d.status === 'waitlisted')).toHaveLength(250);
  expect(await countDocs(t, 'activity_signups', { postId: activity.id, status: 'signed' })).toBe(50);
  expect(await countDocs(t, 'activity_signups', { postId: activity.id, status: 'waitlisted' })).toBe(250);
  const post = (await t.db.collection('posts').doc(activity.id).get()).data[0] as { remaining: number; waitlisted: number };
  expect(post).toMatchObject({ remaining: 0, waitlisted: 250 });
  // Waitlist positions are a permutation of 1..250.
  const positions = data
    .filter((d) => d.position !== null)
    .map((d) => d.position as number)
    .sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  console.log(`300 concurrent sign-ups for 50 places: ${ms} ms`);

  // A cancellation promotes the first waitlisted member, in order.
  const signed = members.filter((_, i) => data[i].status === 'signed');
  const firstWaiting = members[data.findIndex((d) => d.position === 1)];
  const secondWaiting = members[data.findIndex((d) => d.position === 2)];
  const cancel = unwrap(await t.call<CancelSignupResult>('content', 'cancelSignup', { postId: activity.id }, { openid: signed[0] }));
  expect(cancel.cancelled).toBe(true);
  expect(cancel.activity.signup).toMatchObject({ remaining: 0, signedUp: 50, waitlisted: 249 });
  const promoted = unwrap(await t.call<GetResult>('content', 'get', { id: activity.id }, { openid: firstWaiting })).post;
  expect(promoted.activity?.mine).toMatchObject({ status: 'signed', statusLabel: '已报名' });
  const stillWaiting = unwrap(await t.call<GetResult>('content', 'get', { id: activity.id }, { openid: secondWaiting })).post;
  expect(stillWaiting.activity?.mine).toMatchObject({ status: 'waitlisted', statusLabel: '候补中' });
  const inbox = unwrap(await t.call<{ items: Array<{ title: string }> }>('notify', 'inbox', {}, { openid: firstWaiting }));
  expect(inbox.items[0].title).toBe('候补成功，已为您保留名额');
});

it('cancellations racing each other still never exceed capacity and promote in order', async () => {
  const activity = await givenActivity(t, { capacity: 10 });
  const members = await givenMembers(t, 40);
  const data = (await whenAllSignUpAtOnce(t, activity.id, members)).map((r) => unwrap(r));
  const signed = members.filter((_, i) => data[i].status === 'signed');
  const waiting = members
    .filter((_, i) => data[i].status === 'waitlisted')
    .sort((a, b) => (data[members.indexOf(a)].position ?? 0) - (data[members.indexOf(b)].position ?? 0));
  // Five signed members cancel while five new members sign up, all at once.
  const newcomers = await givenMembers(t, 5);
  await Promise.all([
    ...signed.slice(0, 5).map((openid) => t.call('content', 'cancelSignup', { postId: activity.id }, { openid })),
    ...newcomers.map((openid) => t.call('content', 'signUp', { postId: activity.id }, { openid })),
  ]);
  expect(await countDocs(t, 'activity_signups', { postId: activity.id, status: 'signed' })).toBe(10);
  const nowSigned = (await t.db.collection('activity_signups').where({ postId: activity.id, status: 'signed' }).limit(100).get()).data.map(
    (s) => (s as { openid: string }).openid,
  );
  for (const openid of waiting.slice(0, 5)) expect(nowSigned).toContain(openid);
  for (const openid of newcomers) expect(nowSigned).not.toContain(openid);
  const post = (await t.db.collection('posts').doc(activity.id).get()).data[0] as { remaining: number; waitlisted: number };
  expect(post.remaining).toBe(0);
  expect(post.waitlisted).toBe(await countDocs(t, 'activity_signups', { postId: activity.id, status: 'waitlisted' }));
});

it('one member signing up twice at once gets one sign-up and takes one place', async () => {
  const activity = await givenActivity(t, { capacity: 3 });
  const [me] = await givenMembers(t, 1);
  const results = await whenAllSignUpAtOnce(t, activity.id, [me, me, me, me, me]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await countDocs(t, 'activity_signups', { postId: activity.id })).toBe(1);
  const post = (await t.db.collection('posts').doc(activity.id).get()).data[0] as { remaining: number };
  expect(post.remaining).toBe(2);
  // Cancel, sign up again: one place again.
  unwrap(await t.call('content', 'cancelSignup', { postId: activity.id }, { openid: me }));
  expect(unwrap(await t.call<SignUpResult>('content', 'signUp', { postId: activity.id }, { openid: me }))).toMatchObject({
    status: 'signed',
    already: false,
  });
  expect(((await t.db.collection('posts').doc(activity.id).get()).data[0] as { remaining: number }).remaining).toBe(2);
  const mine = unwrap(await t.call<MySignupsResult>('content', 'mySignups', {}, { openid: me }));
  expect(mine.items.map((i) => [i.post.id, i.statusLabel])).toEqual([[activity.id, '已报名']]);
});

it('sign-up rules: members only, before the deadline, only where online sign-up is open', async () => {
  const activity = await givenActivity(t, { capacity: 5, deadlineInHours: 1, startInHours: 3 });
  const [guest] = await givenMembers(t, 1, { verified: false });
  expect(await t.call('content', 'signUp', { postId: activity.id }, { openid: guest })).toMatchObject({
    ok: false,
    error: { code: 'MEMBER_NOT_VERIFIED' },
  });
  const offline = await givenActivity(t, { signup: false });
  const [member] = await givenMembers(t, 1);
  expect(await t.call('content', 'signUp', { postId: offline.id }, { openid: member })).toMatchObject({
    ok: false,
    error: { code: 'SIGNUP_NOT_AVAILABLE' },
  });
  await t.setClock(new Date(Date.now() + 2 * 3600_000));
  try {
    expect(await t.call('content', 'signUp', { postId: activity.id }, { openid: member })).toMatchObject({
      ok: false,
      error: { code: 'SIGNUP_CLOSED', message: '活动报名已截止' },
    });
  } finally {
    await t.setClock(new Date());
  }
  expect(await t.call('content', 'signUp', { postId: 'p_nope' }, { openid: member })).toMatchObject({
    ok: false,
    error: { code: 'POST_NOT_FOUND' },
  });
  expect(await t.call('content', 'signUp', { postId: '../x' }, { openid: member })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
});

it('staff check members in at the event, once, within their scope; capacity cannot drop below sign-ups', async () => {
  const activity = await givenActivity(t, { capacity: 3 });
  const members = await givenMembers(t, 4);
  await whenAllSignUpAtOnce(t, activity.id, members);
  const roster = unwrap(await t.call<AdminRosterResult>('content', 'adminRoster', { postId: activity.id }, DISTRICT_ADMIN));
  expect(roster.counts).toEqual({ signed: 3, waitlisted: 1, checkedIn: 0 });
  expect(roster.items.every((i) => i.nameMasked === '会*员')).toBe(true);
  const signed = roster.items.find((i) => i.status === 'signed')!;
  const waiting = roster.items.find((i) => i.status === 'waitlisted')!;

  expect(unwrap(await t.call<AdminCheckInResult>('content', 'adminCheckIn', { signupId: signed.id }, DISTRICT_ADMIN))).toMatchObject({
    already: false,
    item: { checkedInAt: expect.any(String) },
  });
  expect(unwrap(await t.call<AdminCheckInResult>('content', 'adminCheckIn', { signupId: signed.id }, DISTRICT_ADMIN)).already).toBe(true);
  expect(await t.call('content', 'adminCheckIn', { signupId: waiting.id }, DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'SIGNUP_NOT_SIGNED' },
  });
  expect(await t.call('content', 'adminCheckIn', { signupId: signed.id }, { persona: 'member' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN' },
  });

  const post = (await t.db.collection('posts').doc(activity.id).get()).data[0] as { title: string; activity: { startAt: Date } };
  const edit = (capacity: number) =>
    t.call(
      'content',
      'adminSave',
      {
        id: activity.id,
        unionId: 'nb-bl',
        kind: 'activity',
        title: post.title,
        bodyHtml: '<p>更新</p>',
        activity: {
          startAt: activity.activity!.startAt,
          place: '北仑区职工文化中心',
          signupEnabled: true,
          capacity,
          deadline: activity.activity!.deadline!,
        },
      },
      DISTRICT_ADMIN,
    );
  expect(await edit(2)).toMatchObject({ ok: false, error: { code: 'CAPACITY_BELOW_SIGNED' } });
  // Raising capacity promotes the waitlisted member.
  expect(await edit(4)).toMatchObject({ ok: true, data: { post: { signedUp: 4, waitlisted: 0 } } });
});
