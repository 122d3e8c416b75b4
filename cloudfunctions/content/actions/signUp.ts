import { ok } from '../../../shared/envelope';
import type { SignUpRequest } from '../../../shared/content/schemas';
import { SIGNUP_STATUS_LABELS, type SignUpResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { requireVerifiedMember } from '../../_lib/roles';
import { loadPost, loadPublished } from '../lib/access';
import type { PostDoc, SignupDoc } from '../lib/docs';
import { isDuplicate, rosterKeyOf, signupIdFor } from '../lib/ids';
import { activityInfo, signupState } from '../lib/present';
import { adjustWaitlisted, fillFromWaitlist, givePlaceBack, takePlace, tellSignup, waitlistPosition } from '../lib/signups';

/**
 * 线上报名: a verified member takes a place if one is free, otherwise joins the waitlist (候补)
 * in order. Signing up twice (a double tap, two devices) answers the existing sign-up with
 * `already: true`. A resend of the request that made it (same request id, same member: its answer
 * was lost) answers it as the first call did (`already: false`), even after sign-up has closed,
 * and writes nothing: the sign-up keeps the request id that made it.
 */
export const signUp = userAction<SignUpRequest, SignUpResult>('content.signUp', async (input, ctx) => {
  const post = await loadPublished(ctx, input.postId);
  if (!post.activity) throw new AppFailure('POST_NOT_ACTIVITY');
  if (!post.activity.signup) throw new AppFailure('SIGNUP_NOT_AVAILABLE');
  const id = signupIdFor(post._id, ctx.openid);
  const signups = ctx.db.collection(C.activitySignups);
  if (signupState(post, ctx.now()) === 'closed') {
    // Read only on this refusal path: a resend of a sign-up made before the close gets its answer.
    const mine = (await signups.doc(id).get()).data[0] as SignupDoc | undefined;
    if (mine && mine.status !== 'cancelled' && madeByThisRequest(mine, ctx)) return answer(ctx, post._id, mine, false);
    throw new AppFailure('SIGNUP_CLOSED');
  }
  const user = await requireVerifiedMember(ctx, { doing: '报名活动', join: '请先完成入会认证后再报名活动' });

  const existing = (await signups.doc(id).get()).data[0] as SignupDoc | undefined;
  if (existing && existing.status !== 'cancelled') return answer(ctx, post._id, existing, !madeByThisRequest(existing, ctx));

  const took = await takePlace(ctx, post._id, { newcomer: true });
  const now = ctx.now();
  const status: SignupDoc['status'] = took ? 'signed' : 'waitlisted';
  const doc: SignupDoc = {
    _id: id,
    postId: post._id,
    openid: ctx.openid,
    unionId: post.unionId,
    nameMasked: user.nameMasked,
    status,
    createdAt: now,
    updatedAt: now,
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    checkedInBy: null,
    rosterKey: rosterKeyOf(post._id, ctx.openid),
    requestId: ctx.requestId,
  };
  const recorded = existing ? await reSignUp(ctx, doc) : await firstSignUp(ctx, doc);
  if (!recorded) {
    // A parallel request by the same member recorded first: keep its result, return our place.
    if (took) {
      await givePlaceBack(ctx, post._id);
      await fillFromWaitlist(ctx, post);
    }
    const current = (await signups.doc(id).get()).data[0] as SignupDoc;
    return answer(ctx, post._id, current, !madeByThisRequest(current, ctx));
  }
  if (status === 'waitlisted') {
    await adjustWaitlisted(ctx, post._id, 1);
    // A place may have been freed between our failed take and our insert: promote in order.
    await fillFromWaitlist(ctx, post);
  }
  const final = (await signups.doc(id).get()).data[0] as SignupDoc;
  if (final.status === status) await tellSignup(ctx, post, final, status);
  return answer(ctx, post._id, final, false);
});

/** The sign-up was made (or last re-made) by this very request of this member: a resend, not a second sign-up. */
function madeByThisRequest(s: SignupDoc, ctx: UserContext): boolean {
  return s.openid === ctx.openid && s.requestId === ctx.requestId;
}

async function firstSignUp(ctx: UserContext, doc: SignupDoc): Promise<boolean> {
  try {
    await ctx.db.collection(C.activitySignups).add(doc);
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/** After a cancel the same document is reused; only one parallel re-sign-up can flip it. */
async function reSignUp(ctx: UserContext, doc: SignupDoc): Promise<boolean> {
  const { _id, ...fields } = doc;
  const res = await ctx.db.collection(C.activitySignups).where({ _id, status: 'cancelled' }).update(fields);
  return res.updated === 1;
}

async function answer(ctx: UserContext, postId: string, s: SignupDoc, already: boolean): Promise<ReturnType<typeof ok<SignUpResult>>> {
  const post: PostDoc = await loadPost(ctx, postId);
  const status = s.status === 'cancelled' ? 'waitlisted' : s.status;
  return ok({
    status,
    statusLabel: SIGNUP_STATUS_LABELS[status],
    position: s.status === 'waitlisted' ? await waitlistPosition(ctx, s) : null,
    already,
    activity: activityInfo(post, s, ctx.now())!,
  });
}
