/**
 * 管理员管理: a union admin takes a union out of a user's `adminUnionIds` (the chair left, the
 * staff changed). The union must be in the caller's subtree, their own included: co-admins of
 * one union may remove each other, and an admin may remove themselves — an admin of an ancestor
 * union can always act on the union, so no union is ever out of everyone's reach. The one
 * exception is the root (市总工会), which has no ancestor: its last admin cannot be removed
 * (LAST_ROOT_ADMIN). A reason (2–100 characters) is required; the removed admin reads it.
 *
 * The admin is named by member card number or, for an admin without a card (set by hand in the
 * database), by the openid adminListAdmins gives for those. Same transaction shape as
 * adminAppoint (lib/unionAdmins.ts): racing removals apply once (`changed: false` for the
 * others), a retry with the same requestId answers the same change.
 */
import { ok } from '../../../shared/envelope';
import { ADMIN_REASON_MAX, ADMIN_REASON_MIN, type AdminRemoveRequest, type AdminRemoveResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { unionRef } from '../../_lib/unions';
import { cardNoOf } from '../lib/adminMembers';
import type { AdminAuditDoc, MemberDoc, UnionDoc, UserDoc } from '../lib/docs';
import { holdsMembership } from '../lib/link';
import { inTransaction, txGet } from '../lib/tx';
import { adminsOf, isRootUnion, readCounter, unionInScope, writeChange } from '../lib/unionAdmins';

function adminNotFound(): AppFailure {
  return new AppFailure('NOT_FOUND', '未找到该管理员，请刷新管理员列表后重试');
}

/** The reason, whitespace collapsed, 2–100 characters. */
function reasonOf(input: AdminRemoveRequest): string {
  const reason = (input.reason ?? '').trim().replace(/\s+/g, ' ');
  const length = Array.from(reason).length;
  if (length < ADMIN_REASON_MIN || length > ADMIN_REASON_MAX) {
    throw new AppFailure('INVALID_ARGUMENT', `移除管理员须填写原因（${ADMIN_REASON_MIN}–${ADMIN_REASON_MAX} 个字），对方将看到这条原因`);
  }
  return reason;
}

/** The user the request names: by openid, or the WeChat user linked to the card. */
async function targetOpenid(ctx: UserContext, input: AdminRemoveRequest): Promise<string> {
  if (input.openid) return input.openid;
  const res = await ctx.db.collection(C.members).where({ cardNo: cardNoOf(input.cardNo ?? '') }).limit(1).get();
  const member = res.data[0] as MemberDoc | undefined;
  if (!member?.openid) throw adminNotFound();
  return member.openid;
}

type Outcome = { changed: boolean; audit: AdminAuditDoc | null };

async function remove(ctx: UserContext, admin: Admin, union: UnionDoc, openid: string, reason: string): Promise<Outcome> {
  return inTransaction<Outcome>(ctx.db, async (tx) => {
    const head = await readCounter(tx, ctx, union._id, 'remove');
    if (head.own && head.own.openid === openid) return { changed: true, audit: head.own };

    const user = await txGet<UserDoc>(tx, C.users, openid);
    if (!user) throw adminNotFound();
    if (!(user.adminUnionIds ?? []).includes(union._id)) return { changed: false, audit: null };
    if (isRootUnion(union)) {
      const others = (await adminsOf(ctx, union._id)).filter((id) => id !== openid);
      if (others.length === 0) {
        throw new AppFailure('LAST_ROOT_ADMIN', `不能移除「${union.name}」的最后一位管理员：请先设置另一位管理员，再移除`);
      }
    }
    const member = holdsMembership(user);
    const audit = await writeChange(
      tx,
      ctx,
      admin,
      union,
      head,
      'remove',
      { user, memberId: member ? (user.memberId ?? null) : null, cardNo: member ? (user.cardNo ?? null) : null, nameMasked: user.nameMasked || '' },
      reason,
    );
    return { changed: true, audit };
  });
}

async function tellRemoved(ctx: UserContext, union: UnionDoc, audit: AdminAuditDoc): Promise<void> {
  if (audit.openid === audit.by) return; // removed themselves: nothing to tell
  await notify(ctx, {
    openid: audit.openid,
    category: 'membership',
    title: '管理员身份已取消',
    body: `您已不再是${union.name}的管理员（操作人：${audit.byName}），原因：${audit.reason ?? '未说明'}。如有疑问请联系上级工会。`,
    dedupeKey: `admin:${audit._id}`,
  });
}

export const adminRemove = userAction<AdminRemoveRequest, AdminRemoveResult>('member.adminRemove', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  if (!input.openid === !input.cardNo) throw new AppFailure('INVALID_ARGUMENT', '请指定要移除的管理员');
  if (input.cardNo !== undefined) cardNoOf(input.cardNo);
  const reason = reasonOf(input);
  const union = await unionInScope(ctx, admin, input.unionId);
  const openid = await targetOpenid(ctx, input);
  const { changed, audit } = await remove(ctx, admin, union, openid, reason);
  if (changed && audit) await tellRemoved(ctx, union, audit);
  ctx.log.info('union admin removed', { unionId: union._id, changed, self: openid === ctx.openid });
  return ok({ union: unionRef(union), changed });
});
