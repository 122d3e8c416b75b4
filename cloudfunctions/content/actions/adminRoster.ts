import { ok } from '../../../shared/envelope';
import { encodeCursor, decodeCursor } from '../../../shared/content/cursor';
import type { AdminRosterRequest } from '../../../shared/content/schemas';
import type { AdminRosterResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { assertCanOversee, loadPost, requireAdmin } from '../lib/access';
import type { SignupDoc } from '../lib/docs';
import { rosterItem } from '../lib/roster';
import { rosterKeyOf } from '../lib/ids';

/** The sign-up roster for staff at the event: signed first-come order, then the waitlist. Masked names only. */
export const adminRoster = userAction<AdminRosterRequest, AdminRosterResult>('content.adminRoster', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const post = await loadPost(ctx, input.postId);
  assertCanOversee(admin, post);
  if (!post.activity?.signup) throw new AppFailure('SIGNUP_NOT_AVAILABLE');
  const _ = ctx.db.command;
  const limit = input.limit ?? 50;
  const base = { postId: post._id, status: _.in(['signed', 'waitlisted']) };
  let where: object = base;
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    if (!c) throw new AppFailure('INVALID_ARGUMENT', '分页位置无效，请刷新');
    const at = new Date(c.at);
    where = _.and([base, _.or([{ createdAt: _.gt(at) }, { createdAt: at, _id: _.gt(c.id) }])]);
  }
  const signups = ctx.db.collection(C.activitySignups);
  const [res, signed, waitlisted, checkedIn] = await Promise.all([
    signups
      .where(where)
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get(),
    signups.where({ postId: post._id, status: 'signed' }).count(),
    signups.where({ postId: post._id, status: 'waitlisted' }).count(),
    signups.where({ postId: post._id, status: 'signed', checkedInAt: _.neq(null) }).count(),
  ]);
  const docs = res.data as SignupDoc[];
  const page = docs.slice(0, limit);
  // Sign-ups made before rosters used opaque keys get theirs now, so the check-in can find them.
  await Promise.all(
    page.filter((s) => !s.rosterKey).map((s) => signups.where({ _id: s._id }).update({ rosterKey: rosterKeyOf(s.postId, s.openid) })),
  );
  const last = page[page.length - 1];
  return ok({
    post: { id: post._id, title: post.title, capacity: post.activity.signup.capacity, remaining: post.remaining },
    items: page.map(rosterItem),
    nextCursor: docs.length > limit && last ? encodeCursor(new Date(last.createdAt), last._id) : null,
    counts: { signed: signed.total ?? 0, waitlisted: waitlisted.total ?? 0, checkedIn: checkedIn.total ?? 0 },
  });
});
