/**
 * 注销账号, publishing part. Sign-ups for an activity that has not started are cancelled the way
 * content.cancelSignup does it (a signed member's place goes straight to the first waitlisted
 * member, a waiter leaves the queue), then every sign-up of the user is deleted: the post's own
 * counters (places taken, checked in) and the union's figures do not change. Read records
 * (`post_reads/<post>_<openid>`, no openid field) are deleted by id, post by post; the posts'
 * read counts stay.
 */
import { C } from '../../../_lib/collections';
import type { BaseContext } from '../../../_lib/router';
import type { PostDoc, SignupDoc } from '../../../content/lib/docs';
import { readIdFor } from '../../../content/lib/ids';
import { adjustWaitlisted, handOverPlace } from '../../../content/lib/signups';
import { checkTime, type Step, type StepContext } from './job';
import { allDocs, docsByIds } from './read';

/** Signed up or waitlisted for an activity that has not started yet. */
export function isUpcoming(s: Pick<SignupDoc, 'status'>, post: Pick<PostDoc, 'activity'> | undefined, now: Date): boolean {
  if (s.status !== 'signed' && s.status !== 'waitlisted') return false;
  return !!post?.activity && now.getTime() < new Date(post.activity.startAt).getTime();
}

export async function contentCounts(ctx: BaseContext, openid: string): Promise<{ signups: number; cancelled: number }> {
  const signups = await allDocs<SignupDoc>(ctx, C.activitySignups, { openid });
  const posts = await docsByIds<PostDoc>(ctx, C.posts, signups.map((s) => s.postId));
  const now = ctx.now();
  return { signups: signups.length, cancelled: signups.filter((s) => isUpcoming(s, posts.get(s.postId), now)).length };
}

export const contentStep: Step = {
  name: 'content',
  async run(ctx: BaseContext, sc: StepContext) {
    const signupsColl = ctx.db.collection(C.activitySignups);
    const signups = await allDocs<SignupDoc>(ctx, C.activitySignups, { openid: sc.openid });
    const posts = await docsByIds<PostDoc>(ctx, C.posts, signups.map((s) => s.postId));
    let cancelled = 0;
    for (const s of signups) {
      checkTime(sc);
      const post = posts.get(s.postId);
      const now = ctx.now();
      if (!post || !isUpcoming(s, post, now)) continue;
      const flip = await signupsColl.where({ _id: s._id, status: s.status }).update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
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
        const res = await ctx.db.collection(C.postReads).where({ _id: _.in(ids.slice(i, i + 100)) }).remove();
        reads += res.deleted ?? 0;
      }
      if (page.data.length < 1000) break;
    }
    return { cancelled, signups: removed.deleted ?? 0, reads };
  },
};
