import { ok } from '../../../shared/envelope';
import type { AdminCheckInRequest } from '../../../shared/content/schemas';
import type { AdminCheckInResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertCanOversee, loadPost, requireAdmin } from '../lib/access';
import type { SignupDoc } from '../lib/docs';
import { rosterItem } from '../lib/roster';

/**
 * Staff check a signed-up member in at the event (签到), once; a second tap answers `already`.
 * `signupId` is the opaque key the roster showed (lib/ids.ts rosterKeyOf), never a document id.
 */
export const adminCheckIn = userAction<AdminCheckInRequest, AdminCheckInResult>('content.adminCheckIn', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const signups = ctx.db.collection(C.activitySignups);
  const s = (await signups.where({ rosterKey: input.signupId }).limit(1).get()).data[0] as SignupDoc | undefined;
  if (!s) throw new AppFailure('SIGNUP_NOT_FOUND');
  const post = await loadPost(ctx, s.postId);
  assertCanOversee(admin, post);
  if (s.status !== 'signed') throw new AppFailure('SIGNUP_NOT_SIGNED');
  if (s.checkedInAt) return ok({ item: rosterItem(s), already: true });
  const res = await signups
    .where({ _id: s._id, status: 'signed', checkedInAt: null })
    .update({ checkedInAt: ctx.now(), checkedInBy: ctx.openid });
  if (res.updated === 1)
    await ctx.db
      .collection(C.posts)
      .doc(post._id)
      .update({ checkedIn: ctx.db.command.inc(1) });
  const fresh = (await signups.doc(s._id).get()).data[0] as SignupDoc;
  if (fresh.status !== 'signed') throw new AppFailure('SIGNUP_NOT_SIGNED');
  return ok({ item: rosterItem(fresh), already: res.updated !== 1 });
});
