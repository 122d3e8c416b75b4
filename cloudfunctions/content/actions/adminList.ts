import { ok } from '../../../shared/envelope';
import { encodeCursor } from '../../../shared/content/cursor';
import type { AdminListRequest } from '../../../shared/content/schemas';
import type { AdminListResult } from '../../../shared/content/views';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { unionsById } from '../../_lib/unions';
import { requireAdmin } from '../lib/access';
import type { PostDoc } from '../lib/docs';
import { afterCursor } from '../lib/feed';
import { adminView } from '../lib/present';

/** Posts in my scope (my unions and below), recently changed first. */
export const adminList = userAction<AdminListRequest, AdminListResult>('content.adminList', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const _ = ctx.db.command;
  const limit = input.limit ?? 20;
  const base: Record<string, unknown> = { unionAncestors: _.in(admin.unionIds) };
  if (input.status) base.status = input.status;
  const res = await ctx.db
    .collection(C.posts)
    .where(afterCursor(ctx, base, 'updatedAt', input.cursor))
    .orderBy('updatedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get();
  const docs = res.data as PostDoc[];
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  const unions = await unionsById(ctx, admin.unionIds);
  return ok({
    items: page.map(adminView),
    nextCursor: docs.length > limit && last ? encodeCursor(new Date(last.updatedAt), last._id) : null,
    unions: admin.unionIds.map((id) => ({ id, name: unions.get(id)?.name ?? id })),
  });
});
