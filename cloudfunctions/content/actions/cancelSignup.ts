import { ok } from '../../../shared/envelope';
import type { CancelSignupRequest } from '../../../shared/content/schemas';
import type { CancelSignupResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { loadPost } from '../lib/access';
import type { SignupDoc } from '../lib/docs';
import { signupIdFor } from '../lib/ids';
import { activityInfo } from '../lib/present';
import { adjustWaitlisted, handOverPlace } from '../lib/signups';
import { announceRecount } from '../lib/schedule';

/**
 * Cancel my sign-up (or leave the waitlist) before the activity starts. A freed place goes to
 * the first waitlisted member at once (handOverPlace). Cancelling twice is harmless (cancelled: false).
 */
export const cancelSignup = userAction<CancelSignupRequest, CancelSignupResult>('content.cancelSignup', async (input, ctx) => {
  const post = await loadPost(ctx, input.postId);
  if (!post.activity?.signup) throw new AppFailure('SIGNUP_NOT_AVAILABLE');
  const now = ctx.now();
  if (now.getTime() >= new Date(post.activity.startAt).getTime()) throw new AppFailure('SIGNUP_CANCEL_CLOSED');
  const signups = ctx.db.collection(C.activitySignups);
  const id = signupIdFor(post._id, ctx.openid);
  const mine = (await signups.doc(id).get()).data[0] as SignupDoc | undefined;
  if (!mine) throw new AppFailure('SIGNUP_NOT_FOUND');

  let cancelled = false;
  if (mine.status === 'signed' || mine.status === 'waitlisted') {
    await announceRecount(ctx); // if the place is never handed on after the flip below
    const res = await signups.where({ _id: id, status: mine.status }).update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
    cancelled = res.updated === 1;
    if (cancelled && mine.status === 'signed') {
      await handOverPlace(ctx, post);
    } else if (cancelled) {
      await adjustWaitlisted(ctx, post._id, -1);
    }
  }
  const fresh = await loadPost(ctx, post._id);
  return ok({ cancelled, activity: activityInfo(fresh, null, ctx.now())! });
});
