/** The stored banner and how each audience sees it (shared/system/banners.ts). */
import { BANNER_PAGES, type AdminBannerView, type BannerLink, type BannerState, type BannerView } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import { AppFailure, type UserContext } from '../../_lib/router';

export interface BannerDoc {
  _id: string;
  unionId: string;
  unionName: string;
  unionAncestors: string[];
  title: string;
  image: string;
  link: BannerLink;
  /** The linked post's or drop's title when the banner was made (the admin list names it). */
  linkTitle: string;
  startAt: Date;
  endAt: Date;
  /** Order among the union's banners, ascending. */
  sort: number;
  /** When it was put up. Who did is not stored: a banner keeps nothing personal to erase on 注销账号. */
  createdAt: Date;
}

export function bannerView(doc: BannerDoc): BannerView {
  return { id: doc._id, title: doc.title, image: doc.image, unionName: doc.unionName, link: doc.link };
}

export function bannerState(doc: Pick<BannerDoc, 'startAt' | 'endAt'>, now: Date): BannerState {
  if (new Date(doc.endAt).getTime() <= now.getTime()) return 'ended';
  return new Date(doc.startAt).getTime() > now.getTime() ? 'scheduled' : 'live';
}

const LINK_PREFIX = { post: '文章', drop: '福利', page: '页面' } as const;

export function adminBannerView(doc: BannerDoc, now: Date): AdminBannerView {
  return {
    ...bannerView(doc),
    unionId: doc.unionId,
    startAt: new Date(doc.startAt).toISOString(),
    endAt: new Date(doc.endAt).toISOString(),
    state: bannerState(doc, now),
    sort: doc.sort,
    linkLabel: `${LINK_PREFIX[doc.link.kind]}：${doc.linkTitle}`,
  };
}

export function pageTitle(key: string): string | null {
  return Object.prototype.hasOwnProperty.call(BANNER_PAGES, key) ? BANNER_PAGES[key as keyof typeof BANNER_PAGES].title : null;
}

export async function loadBanner(ctx: UserContext, id: string): Promise<BannerDoc> {
  const doc = (await ctx.db.collection(C.banners).doc(id).get()).data[0] as BannerDoc | undefined;
  if (!doc) throw new AppFailure('NOT_FOUND', '轮播图不存在或已删除');
  return doc;
}

/** The union's banners still up or to come, in carousel order. */
export async function unionBanners(ctx: UserContext, unionId: string): Promise<BannerDoc[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.banners)
    .where({ unionId, endAt: _.gt(ctx.now()) })
    .orderBy('sort', 'asc')
    .limit(50)
    .get();
  return res.data as BannerDoc[];
}
