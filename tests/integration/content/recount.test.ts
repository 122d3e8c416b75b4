/**
 * The `recountPlaces` timer repairs activity place counters after a crash. A crash is simulated
 * by doing, straight through the SDK, exactly the first write of an action and nothing after it:
 * signUp's conditional take of a place (stamped like takePlace does) without the sign-up record,
 * a waitlist counter moved without its record, a cancellation's flip without the hand-over.
 */
import type { SignUpResult } from '../../../shared/content/views';
import type { Result } from '../../../shared/envelope';
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

const QUIET_MS = 60_000; // cloudfunctions/content/triggers/recountPlaces.ts

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

interface Places {
  remaining: number;
  waitlisted: number;
  placesChangedAt: Date | null;
}

const cmd = () => t.db.command;
const cloudNow = () => new Date(t.cloud.clock.now());
/** Moves the local cloud's clock (functions' ctx.now()) forward; never backwards within this file. */
const advance = (ms: number) => t.setClock(new Date(t.cloud.clock.now() + ms));
const recount = () => fire(t, 'content', 'recountPlaces');

async function places(postId: string): Promise<Places> {
  const p = (await t.db.collection('posts').doc(postId).get()).data[0] as Places;
  return { remaining: p.remaining, waitlisted: p.waitlisted, placesChangedAt: p.placesChangedAt ?? null };
}

async function count(postId: string, status: 'signed' | 'waitlisted' | 'cancelled'): Promise<number> {
  return countDocs(t, 'activity_signups', { postId, status });
}

async function statusOf(postId: string, openid: string): Promise<string> {
  return ((await t.db.collection('activity_signups').doc(`${postId}_${openid}`).get()).data[0] as { status: string }).status;
}

function notices(openid: string, title: string): Promise<number> {
  return countDocs(t, 'notifications', { openid, title });
}

/** signUp died right after takePlace: a place is gone, no sign-up holds it. */
async function crashAfterTakingPlace(postId: string): Promise<void> {
  const _ = cmd();
  const res = await t.db
    .collection('posts')
    .where({ _id: postId, status: 'published', remaining: _.gt(0), waitlisted: _.lte(0) })
    .update({ remaining: _.inc(-1), placesChangedAt: cloudNow() });
  expect(res.updated).toBe(1);
}

/** A waitlist counter moved without its record (e.g. a promotion died before adjustWaitlisted(-1)). */
async function phantomWaiter(postId: string): Promise<void> {
  const res = await t.db
    .collection('posts')
    .doc(postId)
    .update({ waitlisted: cmd().inc(1), placesChangedAt: cloudNow() });
  expect(res.updated).toBe(1);
}

/** cancelSignup died right after flipping the sign-up: the place was never handed over. */
async function crashAfterCancelFlip(postId: string, openid: string): Promise<void> {
  const now = cloudNow();
  const res = await t.db
    .collection('activity_signups')
    .where({ _id: `${postId}_${openid}`, status: 'signed' })
    .update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
  expect(res.updated).toBe(1);
}

async function signUpOneByOne(postId: string, openids: string[]): Promise<SignUpResult[]> {
  const out: SignUpResult[] = [];
  for (const openid of openids) out.push(unwrap(await t.call<SignUpResult>('content', 'signUp', { postId }, { openid }), 'signUp'));
  return out;
}

it('gives lost places back only after the quiet period, exactly, and a new member can then sign up', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  await signUpOneByOne(activity.id, await givenMembers(t, 2));
  // The sign-up records are old; only the fresh stamp of the takes says a sign-up may be on its way.
  await advance(QUIET_MS + 5_000);
  await crashAfterTakingPlace(activity.id);
  await crashAfterTakingPlace(activity.id);
  const crashed = await places(activity.id);
  expect(crashed).toMatchObject({ remaining: 1, waitlisted: 0 });

  // (a) Within the quiet period a sign-up may still be on its way: nothing changes.
  await recount();
  expect(await places(activity.id)).toEqual(crashed);
  await advance(QUIET_MS - 10_000);
  await recount();
  expect(await places(activity.id)).toEqual(crashed);

  // (b) After it, exactly the two lost places come back.
  await advance(15_000);
  await recount();
  const repaired = await places(activity.id);
  expect(repaired).toMatchObject({ remaining: 3, waitlisted: 0 });
  expect(repaired.placesChangedAt!.getTime()).toBeGreaterThan(crashed.placesChangedAt!.getTime());

  // (e) Running again changes nothing: right away, and after another quiet period.
  await recount();
  expect(await places(activity.id)).toEqual(repaired);
  await advance(QUIET_MS + 5_000);
  await recount();
  expect(await places(activity.id)).toEqual(repaired);

  // The restored places are real: three newcomers sign, the fourth waits.
  const results = (await whenAllSignUpAtOnce(t, activity.id, await givenMembers(t, 4))).map((r) => unwrap(r, 'signUp'));
  expect(results.filter((r) => r.status === 'signed')).toHaveLength(3);
  expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(1);
  expect(await count(activity.id, 'signed')).toBe(5);
  expect(await places(activity.id)).toMatchObject({ remaining: 0, waitlisted: 1 });
});

it('clears a phantom waitlist count, so newcomers take free places directly again', async () => {
  const activity = await givenActivity(t, { capacity: 3 });
  await signUpOneByOne(activity.id, await givenMembers(t, 1));
  await advance(QUIET_MS + 5_000);
  await phantomWaiter(activity.id);
  expect(await places(activity.id)).toMatchObject({ remaining: 2, waitlisted: 1 });
  expect(await count(activity.id, 'waitlisted')).toBe(0);

  // While the count says someone waits, a newcomer may not take a free place directly
  // (takePlace with newcomer requires waitlisted ≤ 0): the same update signUp sends is refused.
  const _ = cmd();
  const direct = () =>
    t.db
      .collection('posts')
      .where({ _id: activity.id, status: 'published', remaining: _.gt(0), waitlisted: _.lte(0) })
      .count();
  expect((await direct()).total).toBe(0);

  await recount();
  expect(await places(activity.id)).toMatchObject({ remaining: 2, waitlisted: 1 }); // (a) still quiet-waiting
  await advance(QUIET_MS + 5_000);
  await recount();
  expect(await places(activity.id)).toMatchObject({ remaining: 2, waitlisted: 0 });
  expect((await direct()).total).toBe(1);

  // (c) The next member signs up directly: 报名成功, not a detour through the waitlist.
  const [newcomer] = await givenMembers(t, 1);
  expect(unwrap(await t.call<SignUpResult>('content', 'signUp', { postId: activity.id }, { openid: newcomer }))).toMatchObject({
    status: 'signed',
    already: false,
  });
  expect(await notices(newcomer, '活动报名成功')).toBe(1);
  expect(await notices(newcomer, '候补成功，已为您保留名额')).toBe(0);
  expect(await places(activity.id)).toMatchObject({ remaining: 1, waitlisted: 0 });
});

it('a place lost by a crashed cancellation goes to the head of the waitlist, not to a newcomer', async () => {
  const activity = await givenActivity(t, { capacity: 2 });
  const [a, b, head, second] = await givenMembers(t, 4);
  const results = await signUpOneByOne(activity.id, [a, b, head, second]);
  expect(results.map((r) => [r.status, r.position])).toEqual([
    ['signed', null],
    ['signed', null],
    ['waitlisted', 1],
    ['waitlisted', 2],
  ]);
  await advance(QUIET_MS + 5_000);

  // `a` cancels; the function dies before handing the place over. The post counters did not move
  // (and are quiet): only the fresh sign-up record tells the timer to keep its hands off.
  await crashAfterCancelFlip(activity.id, a);
  const before = await places(activity.id);
  expect(before).toMatchObject({ remaining: 0, waitlisted: 2 });
  await recount();
  expect(await places(activity.id)).toEqual(before);
  expect(await statusOf(activity.id, head)).toBe('waitlisted');

  // A newcomer meanwhile finds no free place and queues behind the others.
  const [newcomer] = await givenMembers(t, 1);
  expect(unwrap(await t.call<SignUpResult>('content', 'signUp', { postId: activity.id }, { openid: newcomer }))).toMatchObject({
    status: 'waitlisted',
    position: 3,
  });

  // (d) After the quiet period the place is restored and handed to the head of the waitlist.
  await advance(QUIET_MS + 5_000);
  await recount();
  expect(await statusOf(activity.id, head)).toBe('signed');
  expect(await statusOf(activity.id, second)).toBe('waitlisted');
  expect(await statusOf(activity.id, newcomer)).toBe('waitlisted');
  expect(await notices(head, '候补成功，已为您保留名额')).toBe(1);
  expect(await count(activity.id, 'signed')).toBe(2);
  const after = await places(activity.id);
  expect(after).toMatchObject({ remaining: 0, waitlisted: 2 });

  // (e) Again, now and after another quiet period: nothing changes, nobody is told twice.
  await recount();
  await advance(QUIET_MS + 5_000);
  await recount();
  expect(await places(activity.id)).toEqual(after);
  expect(await count(activity.id, 'signed')).toBe(2);
  expect(await notices(head, '候补成功，已为您保留名额')).toBe(1);
});

it('more members signed than places (which the sign-up path prevents) is only reported, never "fixed" by the timer', async () => {
  const activity = await givenActivity(t, { capacity: 2 });
  const members = await givenMembers(t, 3);
  await signUpOneByOne(activity.id, members.slice(0, 2));
  const stray = (await t.db.collection('activity_signups').doc(`${activity.id}_${members[0]}`).get()).data[0] as Record<string, unknown>;
  const { _id: _ignored, ...fields } = stray;
  await t.db
    .collection('activity_signups')
    .doc(`${activity.id}_${members[2]}`)
    .set({ ...fields, openid: members[2] });
  await phantomWaiter(activity.id);
  await advance(QUIET_MS + 5_000);
  const before = await places(activity.id);
  const logged: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  try {
    await recount();
    await new Promise((r) => setTimeout(r, 50)); // the log line may trail the answer
  } finally {
    spy.mockRestore();
  }
  expect(logged.join('\n')).toContain('more members signed than places');
  expect(await places(activity.id)).toEqual(before);
  expect(await count(activity.id, 'signed')).toBe(3);
  // Out of the later tests' way (withdrawn posts are not recounted).
  await t.db.collection('posts').doc(activity.id).update({ status: 'withdrawn' });
});

it('never lets sign-ups exceed capacity when sign-ups and cancellations race the timer; a quiet recount then settles the counters', async () => {
  const capacity = 30;
  const activity = await givenActivity(t, { capacity });
  const early = await givenMembers(t, 10);
  await signUpOneByOne(activity.id, early);
  for (let i = 0; i < 5; i++) await crashAfterTakingPlace(activity.id);
  await phantomWaiter(activity.id);
  await phantomWaiter(activity.id);
  expect(await places(activity.id)).toMatchObject({ remaining: 15, waitlisted: 2 });
  await advance(QUIET_MS + 5_000); // the timer may act from the first moment of the race

  const newcomers = await givenMembers(t, 40);
  const later = (ms: number, run: () => Promise<unknown>) => new Promise((resolve) => setTimeout(resolve, ms)).then(run);
  await Promise.all([
    recount(),
    whenAllSignUpAtOnce(t, activity.id, newcomers.slice(0, 20)),
    ...early.slice(0, 3).map((openid) => t.call('content', 'cancelSignup', { postId: activity.id }, { openid })),
    later(30, recount),
    later(60, () => whenAllSignUpAtOnce(t, activity.id, newcomers.slice(20))),
    later(120, recount),
    later(400, recount),
  ]);

  const signedAfterRace = await count(activity.id, 'signed');
  const raced = await places(activity.id);
  expect(signedAfterRace).toBeLessThanOrEqual(capacity);
  expect(signedAfterRace + raced.remaining).toBeLessThanOrEqual(capacity);

  // (f) A quiet recount restores signed + remaining = capacity and the true waitlist.
  await advance(QUIET_MS + 5_000);
  await recount();
  const signed = await count(activity.id, 'signed');
  const waiting = await count(activity.id, 'waitlisted');
  const settled = await places(activity.id);
  expect(signed).toBe(capacity); // 47 members want 30 places
  expect(signed + settled.remaining).toBe(capacity);
  expect(settled).toMatchObject({ remaining: 0, waitlisted: waiting });
  expect(waiting).toBe(10 - 3 + 40 - capacity);
  expect(await count(activity.id, 'cancelled')).toBe(3);
});

it('a sign-up that takes a place while the timer recounts voids the correction (the window is aimed at, round after round)', async () => {
  // The dangerous interleaving: the timer has read the counters, a sign-up takes a place and
  // records itself after the timer counted; a correction applied anyway would hand that place out
  // a second time. Each round starts the sign-ups `lead` ms before the timer and steers `lead`
  // by what the timer reports: 'corrected' (it finished first) → start the timer later, 'busy'
  // (it saw the new records) → earlier, 'raced' (its conditional update was refused) → that is
  // the window. Every round must keep signed + remaining ≤ capacity.
  const capacity = 400;
  const activity = await givenActivity(t, { capacity, startInHours: 30, deadlineInHours: 24 }); // the soonest: recounted first
  const members = await givenMembers(t, 2 * 80);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  let lead = 1;
  let raced = 0;
  const seen: string[] = [];
  for (let round = 0; round < 80 && raced < 8; round++) {
    await crashAfterTakingPlace(activity.id);
    await advance(QUIET_MS + 5_000);
    const [res] = await Promise.all([
      sleep(lead).then(recount),
      whenAllSignUpAtOnce(t, activity.id, members.slice(2 * round, 2 * round + 2)),
    ]);
    const outcome = unwrap(res as Result<Record<string, number>>, 'recountPlaces');
    const signed = await count(activity.id, 'signed');
    expect(signed + (await places(activity.id)).remaining).toBeLessThanOrEqual(capacity);
    if (outcome.raced) raced++;
    else if (outcome.corrected) lead++;
    else if (outcome.busy) lead = Math.max(0, lead - 1);
    seen.push(`${lead}${outcome.raced ? 'R' : outcome.corrected ? 'C' : 'B'}`);
  }
  // The test proves something only if the window was really hit (lead + outcome per round otherwise).
  expect(raced >= 3 ? 'window hit' : `window hit ${raced}×: ${seen.join(' ')}`).toBe('window hit');
  // And once quiet, the counters settle on the records.
  await advance(QUIET_MS + 5_000);
  await recount();
  expect((await count(activity.id, 'signed')) + (await places(activity.id)).remaining).toBe(capacity);
});
