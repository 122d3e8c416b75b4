import { ok } from '../../../shared/envelope';
import type { AdminRemoveBannerRequest, AdminRemoveBannerResult } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { AppFailure, userAction } from '../../_lib/router';
import type { BannerDoc } from '../lib/banners';

/**
 * Take a banner down: an admin of its union or of a union above (oversight, like 撤回 a post).
 * A banner outside the subtree answers like one that does not exist. Removing twice is fine.
 */
export const adminRemoveBanner = userAction<AdminRemoveBannerRequest, AdminRemoveBannerResult>(
  'system.adminRemoveBanner',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const doc = (await ctx.db.collection(C.banners).doc(input.id).get()).data[0] as BannerDoc | undefined;
    if (!doc) return ok({ removed: false });
    try {
      assertInScope(admin, doc.unionAncestors);
    } catch {
      throw new AppFailure('NOT_FOUND', '轮播图不存在或已删除');
    }
    await ctx.db.collection(C.banners).doc(input.id).remove();
    ctx.log.info('banner removed', { unionId: doc.unionId });
    return ok({ removed: true });
  },
);
