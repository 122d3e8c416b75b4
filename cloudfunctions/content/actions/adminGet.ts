import { ok } from '../../../shared/envelope';
import type { AdminGetRequest } from '../../../shared/content/schemas';
import type { AdminGetResult } from '../../../shared/content/views';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { assertCanOversee, loadPost, requireAdmin } from '../lib/access';
import type { RevisionDoc } from '../lib/docs';
import { adminView } from '../lib/present';
import { REVISION_LABELS } from '../lib/revisions';

/** One post for the editor (any status) with its edit history, newest version first. */
export const adminGet = userAction<AdminGetRequest, AdminGetResult>('content.adminGet', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const post = await loadPost(ctx, input.id);
  assertCanOversee(admin, post);
  const res = await ctx.db.collection(C.postRevisions).where({ postId: post._id }).orderBy('version', 'desc').limit(50).get();
  return ok({
    post: adminView(post),
    revisions: (res.data as RevisionDoc[]).map((r) => ({
      version: r.version,
      action: r.action,
      actionLabel: REVISION_LABELS[r.action],
      title: r.title,
      at: formatBusiness(r.at),
      by: r.byName,
    })),
  });
});
