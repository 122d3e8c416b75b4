/**
 * One child's full data: for the guardian, or for staff of a site where the child holds a
 * place (admitted or offered). Everyone else gets NOT_FOUND (no hint that the child exists).
 */
import { ok } from '../../../shared/envelope';
import type { ChildDetailRequest } from '../../../shared/daycare/schemas';
import type { ChildDetailResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { loadUser } from '../../_lib/roles';
import { isSiteStaff } from '../lib/access';
import { fullChildView } from '../lib/children';
import type { RegistrationDoc, SiteDoc } from '../lib/docs';
import { findChild } from '../lib/store';

export const childDetail = userAction<ChildDetailRequest, ChildDetailResult>('daycare.childDetail', async (input, ctx) => {
  const child = await findChild(ctx, input.childId);
  const missing = new AppFailure('NOT_FOUND', '孩子信息不存在或您无权查看');
  if (!child) throw missing;
  if (child.guardianOpenid === ctx.openid) return ok({ child: await fullChildView(ctx, child), viewer: 'guardian' });
  const _ = ctx.db.command;
  const regs = await ctx.db
    .collection(C.daycareRegistrations)
    .where({ childId: child._id, status: _.in(['admitted', 'offered']) })
    .limit(20)
    .get();
  const siteIds = [...new Set((regs.data as RegistrationDoc[]).map((r) => r.siteId))];
  if (siteIds.length === 0) throw missing;
  const [user, sites] = await Promise.all([
    loadUser(ctx),
    ctx.db
      .collection(C.daycareSites)
      .where({ _id: _.in(siteIds) })
      .get(),
  ]);
  if (!(sites.data as SiteDoc[]).some((s) => isSiteStaff(user, ctx.openid, s))) throw missing;
  return ok({ child: await fullChildView(ctx, child), viewer: 'staff' });
});
