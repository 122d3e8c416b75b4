import { ok } from '../../../shared/envelope';
import type { AdminWithdrawRequest } from '../../../shared/content/schemas';
import type { AdminPublishResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { assertCanOversee, loadPost, requireAdmin } from '../lib/access';
import { adminView } from '../lib/present';
import { recordRevision } from '../lib/revisions';

/**
 * Withdraw (撤回) a post of my union or of a union below it: it leaves every feed and union page
 * at once (they show `published` only) and its detail answers POST_NOT_FOUND. Kept for the record.
 */
export const adminWithdraw = userAction<AdminWithdrawRequest, AdminPublishResult>('content.adminWithdraw', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const post = await loadPost(ctx, input.id);
  assertCanOversee(admin, post);
  if (post.status === 'withdrawn') return ok({ post: adminView(post) });
  const now = ctx.now();
  const _ = ctx.db.command;
  await ctx.db
    .collection(C.posts)
    .where({ _id: post._id, status: _.neq('withdrawn') })
    .update({
      status: 'withdrawn',
      withdrawnAt: now,
      withdrawReason: input.reason ?? null,
      version: _.inc(1),
      updatedAt: now,
      updatedBy: ctx.openid,
    });
  const fresh = await loadPost(ctx, post._id);
  await recordRevision(ctx, fresh, 'withdraw', admin.user.nameMasked);
  return ok({ post: adminView(fresh) });
});
