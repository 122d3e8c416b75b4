/**
 * Places and the waitlist (候补). The invariant "never more sign-ups than capacity" rests on one
 * conditional update: a place is taken only by `posts.where({_id, remaining > 0}).update(inc -1)`
 * answering updated === 1, which CloudBase applies atomically per document, so 300 concurrent
 * sign-ups for 50 places take exactly 50. The sign-up's `_id` is (activity, member): a second
 * sign-up by the same member collides on the primary key and gives its place back.
 * No multi-document transaction is needed (CloudBase transactions conflict on a hot document).
 *
 * Every change of `remaining` or `waitlisted` also stamps `placesChangedAt` in the same update
 * (no extra request): the `recountPlaces` timer only recounts a post whose counters have been
 * quiet for longer than any invocation can live (triggers/recountPlaces.ts).
 */
import { quoted } from '../../../shared/text';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { BaseContext } from '../../_lib/router';
import type { PostDoc, SignupDoc } from './docs';
import { announceRecount } from './schedule';

/**
 * Take one free place. A newcomer takes one only while nobody is waiting (`waitlisted` = 0):
 * a place that frees up while members wait is theirs, in order, not the next tapper's.
 */
export async function takePlace(ctx: BaseContext, postId: string, opts: { newcomer?: boolean } = {}): Promise<boolean> {
  const _ = ctx.db.command;
  await announceRecount(ctx); // if the sign-up that uses the place is never written
  const where: Record<string, unknown> = { _id: postId, status: 'published', remaining: _.gt(0) };
  if (opts.newcomer) where.waitlisted = _.lte(0);
  const res = await ctx.db
    .collection(C.posts)
    .where(where)
    .update({ remaining: _.inc(-1), placesChangedAt: ctx.now() });
  return res.updated === 1;
}

export async function givePlaceBack(ctx: BaseContext, postId: string): Promise<void> {
  await ctx.db
    .collection(C.posts)
    .doc(postId)
    .update({ remaining: ctx.db.command.inc(1), placesChangedAt: ctx.now() });
}

export async function adjustWaitlisted(ctx: BaseContext, postId: string, by: number): Promise<void> {
  await announceRecount(ctx);
  await ctx.db
    .collection(C.posts)
    .doc(postId)
    .update({ waitlisted: ctx.db.command.inc(by), placesChangedAt: ctx.now() });
}

export function activityLink(postId: string): string {
  return `/packages/content/post/index?id=${postId}`;
}

function activityFields(post: PostDoc, status: string): Record<string, string> {
  return {
    thing1: post.title,
    phrase2: status,
    time3: post.activity ? formatBusiness(post.activity.startAt, 'YYYY年MM月DD日 HH:mm') : '',
    thing4: post.activity?.place ?? '',
  };
}

/** The in-app notice (+ subscribe message when the member opted in) for a sign-up outcome. */
export async function tellSignup(
  ctx: BaseContext,
  post: PostDoc,
  s: Pick<SignupDoc, 'openid' | 'status' | 'createdAt'>,
  event: 'signed' | 'waitlisted' | 'promoted',
): Promise<void> {
  const when = post.activity ? formatBusiness(post.activity.startAt, 'M月D日 HH:mm') : '';
  const text = {
    signed: {
      title: '活动报名成功',
      body: `您已成功报名${quoted(post.title)}，请于 ${when} 前往${post.activity?.place ?? '活动地点'}参加。`,
      status: '报名成功',
    },
    waitlisted: {
      title: '已进入活动候补',
      body: `${quoted(post.title)}名额已满，您已进入候补名单；有人取消时将按顺序递补并通知您。`,
      status: '候补中',
    },
    promoted: {
      title: '候补成功，已为您保留名额',
      body: `${quoted(post.title)}有名额释放，您已由候补转为报名成功，请于 ${when} 准时参加。`,
      status: '候补成功',
    },
  }[event];
  await notify(ctx, {
    openid: s.openid,
    category: 'activity',
    title: text.title,
    body: text.body,
    link: activityLink(post._id),
    template: 'activity_signup',
    templateData: activityFields(post, text.status),
    dedupeKey: `activity:${post._id}:${event}:${s.openid}:${new Date(s.createdAt).getTime()}`,
  });
}

/**
 * Moves waitlisted members (oldest first) into free places until there are no free places or no
 * one waiting. Each promotion takes a place with the same conditional update as a sign-up and
 * then flips the oldest waitlisted entry with a conditional update; if someone else flipped or
 * cancelled it meanwhile, the place goes back and the next in line is tried.
 */
export async function fillFromWaitlist(ctx: BaseContext, post: PostDoc, maxRounds = 50): Promise<number> {
  const _ = ctx.db.command;
  const signups = ctx.db.collection(C.activitySignups);
  let promoted = 0;
  for (let round = 0; round < maxRounds; round++) {
    const first = await oldestWaiting(ctx, post._id);
    if (!first) break;
    if (!(await takePlace(ctx, post._id))) break;
    const now = ctx.now();
    const flip = await signups
      .where({ _id: first._id, status: 'waitlisted' })
      .update({ status: 'signed', promotedAt: now, updatedAt: now });
    if (flip.updated !== 1) {
      await givePlaceBack(ctx, post._id);
      continue;
    }
    promoted++;
    await adjustWaitlisted(ctx, post._id, -1);
    await tellSignup(ctx, post, first, 'promoted');
  }
  return promoted;
}

async function oldestWaiting(ctx: BaseContext, postId: string): Promise<SignupDoc | undefined> {
  const res = await ctx.db
    .collection(C.activitySignups)
    .where({ postId, status: 'waitlisted' })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(1)
    .get();
  return res.data[0] as SignupDoc | undefined;
}

/**
 * A signed member cancelled: their place goes straight to the oldest waitlisted member (the
 * place never returns to the pool, so no newcomer can take it first); with nobody waiting it
 * returns to the pool.
 */
export async function handOverPlace(ctx: BaseContext, post: PostDoc): Promise<void> {
  const signups = ctx.db.collection(C.activitySignups);
  for (let round = 0; round < 20; round++) {
    const first = await oldestWaiting(ctx, post._id);
    if (!first) break;
    const now = ctx.now();
    const flip = await signups
      .where({ _id: first._id, status: 'waitlisted' })
      .update({ status: 'signed', promotedAt: now, updatedAt: now });
    if (flip.updated === 1) {
      await adjustWaitlisted(ctx, post._id, -1);
      await tellSignup(ctx, post, first, 'promoted');
      return;
    }
  }
  await givePlaceBack(ctx, post._id);
  await fillFromWaitlist(ctx, post); // someone may have joined the waitlist meanwhile
}

/** 1-based position in the waitlist (entries created earlier, ties broken by id). */
export async function waitlistPosition(ctx: BaseContext, s: SignupDoc): Promise<number> {
  const _ = ctx.db.command;
  const ahead = await ctx.db
    .collection(C.activitySignups)
    .where(
      _.and([
        { postId: s.postId, status: 'waitlisted' },
        _.or([{ createdAt: _.lt(s.createdAt) }, { createdAt: s.createdAt, _id: _.lt(s._id) }]),
      ]),
    )
    .count();
  return (ahead.total ?? 0) + 1;
}
