import { ok } from '../../../shared/envelope';
import type { AdminBannersResult, AdminMoveBannerRequest } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { AppFailure, userAction } from '../../_lib/router';
import { adminBannerView, unionBanners } from '../lib/banners';

/**
 * Move a banner one place up or down among its union's banners that are up or to come (it
 * swaps positions with its neighbour; at either end nothing changes). Answers the union's
 * banners in their new order. Two admins moving at once can at worst leave two banners on the
 * same position, which the next move sorts out: the carousel's order is not a business invariant.
 */
export const adminMoveBanner = userAction<AdminMoveBannerRequest, AdminBannersResult>('system.adminMoveBanner', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const target = (await ctx.db.collection(C.banners).doc(input.id).get()).data[0] as
    { unionId: string; unionAncestors: string[] } | undefined;
  if (!target) throw new AppFailure('NOT_FOUND', '轮播图不存在或已删除');
  try {
    assertInScope(admin, target.unionAncestors);
  } catch {
    throw new AppFailure('NOT_FOUND', '轮播图不存在或已删除');
  }
  const list = await unionBanners(ctx, target.unionId);
  const i = list.findIndex((b) => b._id === input.id);
  if (i < 0) throw new AppFailure('INVALID_ARGUMENT', '已结束的轮播图不能调整顺序');
  const j = input.direction === 'up' ? i - 1 : i + 1;
  if (j >= 0 && j < list.length) {
    [list[i], list[j]] = [list[j], list[i]];
    // Rewrite positions 0..n-1: also repairs ties left by concurrent moves.
    for (const [k, b] of list.entries()) {
      if (b.sort !== k) {
        await ctx.db.collection(C.banners).doc(b._id).update({ sort: k });
        b.sort = k;
      }
    }
  }
  const now = ctx.now();
  return ok({ items: list.map((b) => adminBannerView(b, now)) });
});
