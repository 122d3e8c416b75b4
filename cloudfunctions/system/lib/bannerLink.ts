/**
 * A banner's link must open something inside the app that the banner's audience can open: a
 * published post or an open drop of the admin's subtree or of a union above the banner's union,
 * or one of the fixed pages. Anything else answers like a post that does not exist, so an admin
 * learns nothing about records outside the subtree.
 */
import type { BannerLink } from '../../../shared/system/banners';
import { C } from '../../_lib/collections';
import type { UnionDoc } from '../../_lib/docs';
import { AppFailure, type UserContext } from '../../_lib/router';
import { isInScope } from '../../../shared/union/tree';
import type { Admin } from '../../_lib/roles';
import { pageTitle } from './banners';

const NOT_AVAILABLE = '链接的内容不存在、未发布或已结束，请重新选择';

interface Linked {
  title: string;
  status: string;
  unionId: string;
  unionAncestors: string[];
  closesAt?: Date;
}

/** The linked thing's title (kept on the banner for the admin list), or INVALID_ARGUMENT. */
export async function checkBannerLink(ctx: UserContext, admin: Admin, union: UnionDoc, link: BannerLink): Promise<string> {
  if (link.kind === 'page') {
    const title = pageTitle(link.id);
    if (!title) throw new AppFailure('INVALID_ARGUMENT', '只能链接到小程序内的页面，请重新选择');
    return title;
  }
  // Read-only look-ups of another domain's published records (posts: content, drops: benefit).
  const collection = link.kind === 'post' ? C.posts : C.drops;
  const doc = (await ctx.db.collection(collection).doc(link.id).get()).data[0] as Linked | undefined;
  const visible = !!doc && (isInScope(admin.unionIds, doc.unionAncestors ?? []) || union.ancestors.includes(doc.unionId));
  if (!doc || !visible) throw new AppFailure('INVALID_ARGUMENT', NOT_AVAILABLE);
  const open =
    link.kind === 'post'
      ? doc.status === 'published'
      : doc.status !== 'cancelled' && !!doc.closesAt && new Date(doc.closesAt).getTime() > ctx.now().getTime();
  if (!open) throw new AppFailure('INVALID_ARGUMENT', NOT_AVAILABLE);
  return doc.title;
}
