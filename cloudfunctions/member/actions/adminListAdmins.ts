/**
 * 管理员管理: the admins of one union of the caller's subtree (unknown → NOT_FOUND, outside →
 * OUT_OF_SCOPE): masked name, member card number (linked members), since when and appointed by
 * whom (masked; from the latest appointment in `admin_audit` — admins set by hand in the
 * database have none). No openid: each admin has an opaque `adminKey` (lib/unionAdmins.ts), the
 * handle adminRemove takes for an admin without a card.
 */
import { ok } from '../../../shared/envelope';
import {
  UNION_ADMIN_LIMIT,
  type AdminListAdminsRequest,
  type AdminListAdminsResult,
  type UnionAdminView,
} from '../../../shared/member/schemas';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { unionRef } from '../../_lib/unions';
import type { AdminAuditDoc, UserDoc } from '../lib/docs';
import { holdsMembership } from '../lib/link';
import { adminKeyOf, isRootUnion, unionInScope } from '../lib/unionAdmins';

export const adminListAdmins = userAction<AdminListAdminsRequest, AdminListAdminsResult>('member.adminListAdmins', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await unionInScope(ctx, admin, input.unionId);
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.users)
    .where({ adminUnionIds: union._id })
    .field({ nameMasked: true, memberStatus: true, cardNo: true })
    .limit(1000)
    .get();
  const users = res.data as Array<Pick<UserDoc, '_id' | 'nameMasked' | 'memberStatus' | 'cardNo'>>;
  const ids = users.map((u) => u._id);
  // Index admin_audit(unionId, kind, at desc): the latest appointment of each current admin.
  const appointed = new Map<string, AdminAuditDoc>();
  if (ids.length) {
    const audits = await ctx.db
      .collection(C.adminAudit)
      .where({ unionId: union._id, kind: 'appoint', openid: _.in(ids) })
      .orderBy('at', 'desc')
      .limit(1000)
      .get();
    for (const a of audits.data as AdminAuditDoc[]) if (!appointed.has(a.openid)) appointed.set(a.openid, a);
  }
  const admins: UnionAdminView[] = users.map((u) => {
    const cardNo = holdsMembership(u) && u.cardNo ? u.cardNo : null;
    const a = appointed.get(u._id);
    const since = a ? new Date(a.at) : null;
    const adminKey = adminKeyOf(union._id, u._id);
    return {
      key: cardNo ?? adminKey,
      nameMasked: u.nameMasked || '（未留姓名）',
      cardNo,
      adminKey,
      since: since ? since.toISOString() : null,
      sinceText: since ? formatBusiness(since) : null,
      appointedBy: a ? a.byName : null,
      self: u._id === ctx.openid,
    };
  });
  // Longest-serving first; those without a record (set by hand, before 管理员管理) before all.
  admins.sort((x, y) => (x.since ?? '').localeCompare(y.since ?? '') || x.key.localeCompare(y.key));
  return ok({ union: unionRef(union), isRoot: isRootUnion(union), admins, limit: UNION_ADMIN_LIMIT });
});
