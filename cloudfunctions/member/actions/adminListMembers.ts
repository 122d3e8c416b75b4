/**
 * 工会工作台 → 会员: the members of one union's subtree (default: the admin's first union), newest
 * first, filtered by card status, tag or an exact card number, a page at a time with the total.
 * Masked names only; no ID number or phone.
 */
import { ok } from '../../../shared/envelope';
import { normalizeCardNo } from '../../../shared/member/card';
import type { AdminListMembersRequest, AdminListMembersResult } from '../../../shared/member/console';
import { MEMBER_LIST_MAX } from '../../../shared/member/console';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { AppFailure, userAction } from '../../_lib/router';
import { findUnion, unionsById } from '../../_lib/unions';
import type { MemberDoc } from '../lib/docs';
import { adminMemberDetail } from '../lib/present';

export const adminListMembers = userAction<AdminListMembersRequest, AdminListMembersResult>(
  'member.adminListMembers',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const union = await findUnion(ctx, input.unionId ?? admin.unionIds[0]);
    if (!union) throw new AppFailure('NOT_FOUND', '工会组织不存在，请重新选择');
    assertInScope(admin, union.ancestors);
    const where: Record<string, unknown> = { unionAncestors: union._id };
    if (input.status) where.status = input.status;
    if (input.tag) where.tags = input.tag;
    if (input.cardNo !== undefined) {
      const cardNo = normalizeCardNo(input.cardNo);
      if (!cardNo) throw new AppFailure('INVALID_ARGUMENT', '会员卡号格式不正确');
      where.cardNo = cardNo;
    }
    const offset = input.offset ?? 0;
    const limit = input.limit ?? MEMBER_LIST_MAX;
    const coll = ctx.db.collection(C.members);
    const [count, page] = await Promise.all([
      coll.where(where).count(),
      coll.where(where).orderBy('joinedAt', 'desc').orderBy('_id', 'asc').skip(offset).limit(limit).get(),
    ]);
    const members = page.data as MemberDoc[];
    const unions = await unionsById(ctx, [...new Set(members.map((m) => m.unionId))]);
    return ok({ items: members.map((m) => adminMemberDetail(m, unions)), total: count.total, offset, limit });
  },
);
