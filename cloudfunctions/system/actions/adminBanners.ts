import { ok } from '../../../shared/envelope';
import type { AdminBannersRequest, AdminBannersResult } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { adminBannerView, type BannerDoc } from '../lib/banners';
import { loadUnion } from '../lib/unions';

/**
 * 轮播图管理: the banners of the caller's subtree (or of one union in it), those still up or to
 * come first (in carousel order), then the last ones that ended.
 */
export const adminBanners = userAction<AdminBannersRequest, AdminBannersResult>('system.adminBanners', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const _ = ctx.db.command;
  let where: Record<string, unknown> = { unionAncestors: _.in(admin.unionIds) };
  if (input.unionId) {
    const union = await loadUnion(ctx, input.unionId);
    assertInScope(admin, union.ancestors);
    where = { unionId: union._id };
  }
  const res = await ctx.db.collection(C.banners).where(where).orderBy('endAt', 'desc').limit(60).get();
  const now = ctx.now();
  const views = (res.data as BannerDoc[]).map((d) => adminBannerView(d, now));
  const rank = (s: string) => (s === 'ended' ? 1 : 0);
  views.sort(
    (a, b) =>
      rank(a.state) - rank(b.state) ||
      a.unionId.localeCompare(b.unionId) ||
      (rank(a.state) === 0 ? a.sort - b.sort : b.endAt.localeCompare(a.endAt)),
  );
  return ok({ items: views });
});
