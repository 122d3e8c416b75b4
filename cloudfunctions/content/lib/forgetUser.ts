/**
 * 注销账号, publishing part (the member job calls it through the content function: _lib/forgetUser.ts). Sign-ups for an activity that has not started are cancelled the way
 * content.cancelSignup does it (a signed member's place goes straight to the first waitlisted
 * member, a waiter leaves the queue), then every sign-up of the user is deleted: the post's own
 * counters (places taken, checked in) and the union's figures do not change. Read records
 * (`post_reads/<post>_<openid>`, no openid field) are deleted by id, post by post; the posts'
 * read counts stay.
 */
import { ok } from '../../../shared/envelope';
import { C } from '../../_lib/collections';
import { checkTime, type ForgetScope, type ForgetUserPart } from '../../_lib/forgetUser';
import { allDocs, docsByIds } from '../../_lib/reads';
import type { BaseContext, InternalHandler } from '../../_lib/router';
import type { PostDoc, SignupDoc } from './docs';
import { countFollowChange } from './follows';
import { readIdFor } from './ids';
import { adjustWaitlisted, handOverPlace } from './signups';

/** Signed up or waitlisted for an activity that has not started yet. */
export function isUpcoming(s: Pick<SignupDoc, 'status'>, post: Pick<PostDoc, 'activity'> | undefined, now: Date): boolean {
  if (s.status !== 'signed' && s.status !== 'waitlisted') return false;
  return !!post?.activity && now.getTime() < new Date(post.activity.startAt).getTime();
}

export async function contentCounts(ctx: BaseContext, openid: string) {
  const signups = await allDocs<SignupDoc>(ctx, C.activitySignups, { openid });
  const posts = await docsByIds<PostDoc>(
    ctx,
    C.posts,
    signups.map((s) => s.postId),
  );
  const now = ctx.now();
  return { signups: signups.length, signupsCancelled: signups.filter((s) => isUpcoming(s, posts.get(s.postId), now)).length };
}

export const contentForgetUser: ForgetUserPart = {
  blockers: async () => [],
  counts: contentCounts,
  async forget(ctx: BaseContext, sc: ForgetScope) {
    const signupsColl = ctx.db.collection(C.activitySignups);
    const signups = await allDocs<SignupDoc>(ctx, C.activitySignups, { openid: sc.openid });
    const posts = await docsByIds<PostDoc>(
      ctx,
      C.posts,
      signups.map((s) => s.postId),
    );
    let cancelled = 0;
    for (const s of signups) {
      checkTime(sc);
      const post = posts.get(s.postId);
      const now = ctx.now();
      if (!post || !isUpcoming(s, post, now)) continue;
      const flip = await signupsColl
        .where({ _id: s._id, status: s.status })
        .update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
      if (flip.updated !== 1) continue; // changed meanwhile (cancelled, promoted): the record goes below anyway
      cancelled++;
      // A crash before the hand-over is repaired by the content recountPlaces timer.
      if (s.status === 'signed') await handOverPlace(ctx, post);
      else await adjustWaitlisted(ctx, post._id, -1);
    }
    const removed = await signupsColl.where({ openid: sc.openid }).remove();

    // Read records: `<postId>_<openid>` for every post, by primary key, 100 at a time.
    const _ = ctx.db.command;
    let reads = 0;
    for (let skip = 0; ; skip += 1000) {
      checkTime(sc);
      const page = await ctx.db.collection(C.posts).field({ _id: true }).orderBy('_id', 'asc').skip(skip).limit(1000).get();
      const ids = (page.data as Array<{ _id: string }>).map((p) => readIdFor(p._id, sc.openid));
      for (let i = 0; i < ids.length; i += 100) {
        const res = await ctx.db
          .collection(C.postReads)
          .where({ _id: _.in(ids.slice(i, i + 100)) })
          .remove();
        reads += res.deleted ?? 0;
      }
      if (page.data.length < 1000) break;
    }
    return { cancelled, signups: removed.deleted ?? 0, reads };
  },
};

/**
 * After the account is gone, each union it followed loses one follower (the member job calls
 * this once per union and then takes the union off its list; the nightly recount corrects a
 * crash in between).
 */
export const leaveFollowed: InternalHandler = async (ctx, body) => {
  const unionId = (body as { unionId?: unknown } | null)?.unionId;
  if (typeof unionId !== 'string' || unionId.length === 0) throw new Error('follows.leave: no unionId');
  await countFollowChange(ctx, unionId, false);
  return ok(null);
};
