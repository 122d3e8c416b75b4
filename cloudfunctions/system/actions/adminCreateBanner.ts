import { ok } from '../../../shared/envelope';
import {
  BANNER_WINDOW_MAX_DAYS,
  BANNERS_PER_UNION_MAX,
  type AdminBannerResult,
  type AdminCreateBannerRequest,
} from '../../../shared/system/banners';
import { fromBusinessWallClock } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { requireAdmin } from '../../_lib/roles';
import { AppFailure, userAction } from '../../_lib/router';
import { assertOwnImage } from '../../_lib/uploads';
import { checkBannerLink } from '../lib/bannerLink';
import { adminBannerView, unionBanners, type BannerDoc } from '../lib/banners';
import { loadUnion } from '../lib/unions';

const DAY_MS = 86_400_000;

/**
 * Put a banner up for a union the caller administers (like publishing a post: a district admin
 * speaks for the district, not for a street union below it). The picture comes from the post
 * cover upload slot of that union; the link is checked (lib/bannerLink.ts); it goes last in the
 * union's order. The request id makes a resend return the banner made the first time.
 */
export const adminCreateBanner = userAction<AdminCreateBannerRequest, AdminBannerResult>('system.adminCreateBanner', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  if (!admin.unionIds.includes(input.unionId)) throw new AppFailure('PUBLISH_OWN_UNION_ONLY');
  const union = await loadUnion(ctx, input.unionId);
  const now = ctx.now();
  const id = `bn_${ctx.requestId}`.slice(0, 64);
  const existing = (await ctx.db.collection(C.banners).doc(id).get()).data[0] as BannerDoc | undefined;
  if (existing) return ok({ banner: adminBannerView(existing, now) });

  const startAt = fromBusinessWallClock(input.startAt);
  const endAt = fromBusinessWallClock(input.endAt);
  if (!(endAt.getTime() > startAt.getTime())) throw new AppFailure('INVALID_ARGUMENT', '结束展示时间须晚于开始展示时间');
  if (endAt.getTime() <= now.getTime()) throw new AppFailure('INVALID_ARGUMENT', '结束展示时间须晚于当前时间');
  if (endAt.getTime() - startAt.getTime() > BANNER_WINDOW_MAX_DAYS * DAY_MS) {
    throw new AppFailure('INVALID_ARGUMENT', `一张轮播图最长展示 ${BANNER_WINDOW_MAX_DAYS} 天`);
  }
  assertOwnImage(input.image, union._id);
  const linkTitle = await checkBannerLink(ctx, admin, union, input.link);
  const current = await unionBanners(ctx, union._id);
  if (current.length >= BANNERS_PER_UNION_MAX) {
    throw new AppFailure('INVALID_ARGUMENT', `本工会未结束的轮播图已有 ${BANNERS_PER_UNION_MAX} 张，请先删除一张`);
  }
  const doc: BannerDoc = {
    _id: id,
    unionId: union._id,
    unionName: union.name,
    unionAncestors: union.ancestors,
    title: input.title.trim(),
    image: input.image,
    link: { kind: input.link.kind, id: input.link.id },
    linkTitle,
    startAt,
    endAt,
    sort: current.reduce((max, b) => Math.max(max, b.sort), -1) + 1,
    createdAt: now,
  };
  const { _id, ...fields } = doc;
  await ctx.db.collection(C.banners).doc(_id).set(fields);
  ctx.log.info('banner created', { unionId: union._id, link: input.link.kind });
  return ok({ banner: adminBannerView(doc, now) });
});
