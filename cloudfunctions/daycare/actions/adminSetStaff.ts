/**
 * The host union's admins (or their ancestors') name a site's staff by member card number.
 * Only members who have bound their card to a WeChat account can be staff, and only members of
 * the admin's own subtree are found: a card of another union answers exactly like a card that
 * does not exist (the same message, in the list of cards not found), so typing card numbers
 * tells an admin nothing about people outside the subtree. Typed card numbers are an identity
 * look-up: budgeted and audited (_lib/lookups.ts); each card not found spends one.
 */
import { ok } from '../../../shared/envelope';
import type { AdminSetStaffRequest } from '../../../shared/daycare/schemas';
import type { AdminSiteResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import type { MemberDoc } from '../../_lib/docs';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { assertLookupBudget, recordLookup } from '../../_lib/lookups';
import { isInScope } from '../../../shared/union/tree';
import { unionNames } from '../lib/catalog';
import { audit, getSite } from '../lib/store';
import { adminSiteResult } from './adminAddSite';

export const adminSetStaff = userAction<AdminSetStaffRequest, AdminSiteResult>('daycare.adminSetStaff', async (input, ctx) => {
  const site = await getSite(ctx, input.siteId);
  const admin = await requireAdmin(ctx);
  assertInScope(admin, site.hostUnionAncestors);
  const cardNos = input.cardNos.map((c) => c.trim());
  if (cardNos.length) await assertLookupBudget(ctx);
  const _ = ctx.db.command;
  const found = cardNos.length
    ? ((
        await ctx.db
          .collection(C.members)
          .where({ cardNo: _.in(cardNos), status: 'active', unionAncestors: _.in(admin.unionIds) })
          .limit(50)
          .get()
      ).data as MemberDoc[])
    : [];
  const usable = found.filter((m) => m.openid && isInScope(admin.unionIds, m.unionAncestors ?? []));
  const missing = cardNos.filter((c) => !usable.some((m) => m.cardNo === c));
  if (cardNos.length)
    await recordLookup(ctx, {
      action: 'daycare.adminSetStaff',
      looked: cardNos.length,
      misses: missing.length,
      byName: admin.user.nameMasked ?? '',
    });
  if (missing.length)
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `以下会员卡号未找到（不存在、不在您管理的工会范围内、已停用或尚未绑定微信）：${missing.join('、')}`,
    );
  const staff = usable.map((m) => ({ openid: m.openid as string, nameMasked: m.nameMasked, cardNo: m.cardNo }));
  await ctx.db
    .collection(C.daycareSites)
    .doc(site._id)
    .update({ staffOpenids: ctx.db.command.set(staff.map((s) => s.openid)), staff: ctx.db.command.set(staff) });
  await audit(ctx, { campaignId: site.campaignId, event: 'staff_set', actor: 'admin', detail: `${site.name}：${staff.length} 名工作人员` });
  return ok(adminSiteResult({ ...site, staffOpenids: staff.map((s) => s.openid), staff }, await unionNames(ctx, [site.hostUnionId])));
});
