/**
 * Applications in the admin's subtree, oldest first while pending (first come, first served),
 * newest first once decided, unless `order` asks for the other way (工会工作台 → 入会审核 sorts
 * by 提交时间 here, across all pages). Optionally narrowed to one union of the subtree.
 */
import { ok } from '../../../shared/envelope';
import type { AdminListApplicationsRequest, AdminListApplicationsResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import type { ApplicationDoc } from '../lib/docs';
import { adminApplicationView } from '../lib/present';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { getUnion, unionsById } from '../../_lib/unions';

const DEFAULT_LIMIT = 20;

export const adminListApplications = userAction<AdminListApplicationsRequest, AdminListApplicationsResult>(
  'member.adminListApplications',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const _ = ctx.db.command;
    const status = input.status ?? 'pending';
    let scope: unknown = _.in(admin.unionIds);
    if (input.unionId) {
      const union = await getUnion(ctx, input.unionId);
      assertInScope(admin, union.ancestors);
      scope = union._id;
    }
    const where = { unionAncestors: scope, status };
    const offset = input.offset ?? 0;
    const limit = input.limit ?? DEFAULT_LIMIT;
    const coll = ctx.db.collection(C.memberApplications);
    const [count, page] = await Promise.all([
      coll.where(where).count(),
      coll
        .where(where)
        .orderBy('submittedAt', input.order ?? (status === 'pending' ? 'asc' : 'desc'))
        .skip(offset)
        .limit(limit)
        .get(),
    ]);
    const apps = page.data as ApplicationDoc[];
    const unions = await unionsById(
      ctx,
      apps.map((a) => a.unionId),
    );
    return ok({ items: apps.map((a) => adminApplicationView(a, unions)), total: count.total ?? 0, offset, limit });
  },
);
