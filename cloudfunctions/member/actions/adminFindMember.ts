/**
 * 会员卡管理: a union admin looks a member up by card number. Only members of the admin's union
 * subtree are found; the answer is masked (name, card number, union, status, claimed or not, the
 * last suspension / reinstatement), nothing that identifies the person further.
 */
import { ok } from '../../../shared/envelope';
import type { AdminFindMemberRequest, AdminFindMemberResult } from '../../../shared/member/schemas';
import { requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { unionsById } from '../../_lib/unions';
import { findMemberInScope } from '../lib/adminMembers';
import { adminMemberView } from '../lib/present';

export const adminFindMember = userAction<AdminFindMemberRequest, AdminFindMemberResult>('member.adminFindMember', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const member = await findMemberInScope(ctx, admin, { cardNo: input.cardNo }, 'member.adminFindMember');
  const unions = await unionsById(ctx, [member.unionId]);
  return ok({ member: adminMemberView(member, unions) });
});
