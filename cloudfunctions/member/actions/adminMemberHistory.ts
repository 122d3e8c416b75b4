/**
 * 会员卡管理 → 变更记录: a card's history (status changes, tag changes, transfers, creation and
 * claim, appointments / removals as a union admin), newest first, at most MEMBER_HISTORY_LIMIT entries, with the member's current detail.
 * Same scope rule as adminFindMember: a card outside the admin's subtree answers NOT_FOUND.
 */
import { ok } from '../../../shared/envelope';
import { MEMBER_HISTORY_LIMIT, type AdminMemberHistoryRequest, type AdminMemberHistoryResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { unionsById } from '../../_lib/unions';
import { findMemberInScope } from '../lib/adminMembers';
import type { AdminAuditDoc, AnyMemberAuditDoc } from '../lib/docs';
import { historyEntries, idsToName } from '../lib/history';
import { adminMemberDetail } from '../lib/present';

export const adminMemberHistory = userAction<AdminMemberHistoryRequest, AdminMemberHistoryResult>(
  'member.adminMemberHistory',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const member = await findMemberInScope(ctx, admin, { cardNo: input.cardNo }, 'member.adminMemberHistory');
    // Indexes member_audit(memberId, at desc) and admin_audit(memberId, at desc).
    const [res, adminRes] = await Promise.all([
      ctx.db.collection(C.memberAudit).where({ memberId: member._id }).orderBy('at', 'desc').limit(MEMBER_HISTORY_LIMIT).get(),
      ctx.db.collection(C.adminAudit).where({ memberId: member._id }).orderBy('at', 'desc').limit(MEMBER_HISTORY_LIMIT).get(),
    ]);
    const audits = res.data as AnyMemberAuditDoc[];
    const adminAudits = adminRes.data as AdminAuditDoc[];
    const need = idsToName(member, audits, adminAudits);
    const [unions, users] = await Promise.all([
      unionsById(ctx, [member.unionId, ...need.unionIds]),
      need.userIds.length
        ? ctx.db
            .collection(C.users)
            .where({ _id: ctx.db.command.in(need.userIds) })
            .field({ nameMasked: true })
            .limit(need.userIds.length)
            .get()
        : Promise.resolve({ data: [] as unknown[] }),
    ]);
    const names = new Map(
      (users.data as Array<{ _id: string; nameMasked?: string }>).filter((u) => u.nameMasked).map((u) => [u._id, u.nameMasked as string]),
    );
    return ok({
      member: adminMemberDetail(member, unions),
      entries: historyEntries(member, audits, { unions, users: names }, MEMBER_HISTORY_LIMIT, adminAudits),
    });
  },
);
