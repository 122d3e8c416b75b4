/**
 * 管理员管理: a union admin makes a member an admin of a union in the caller's subtree (e.g. the
 * district union appoints the chair of a new enterprise union). The appointee is named by member
 * card number: a card of the caller's subtree (else NOT_FOUND, as adminFindMember — card numbers
 * of other unions cannot be probed), active (MEMBER_SUSPENDED otherwise) and linked to a WeChat
 * user (MEMBER_NOT_CLAIMED: an imported card nobody has claimed has no account to give rights to).
 * At most UNION_ADMIN_LIMIT admins per union (ADMIN_LIMIT_REACHED).
 *
 * One transaction (lib/unionAdmins.ts) re-reads the card and the user, adds the union to
 * `users.adminUnionIds` and writes one `admin_audit` entry, so racing appointments apply once
 * (the others answer `changed: false`) and a retry with the same requestId answers the same
 * change. The appointee gets an in-app notice after the commit, keyed by the change.
 */
import { ok } from '../../../shared/envelope';
import type { AdminAppointRequest, AdminAppointResult } from '../../../shared/member/schemas';
import { isInScope } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { unionRef, unionsById } from '../../_lib/unions';
import { cardNoOf, findMemberInScope, memberNotFound } from '../lib/adminMembers';
import type { AdminAuditDoc, MemberDoc, UnionDoc } from '../lib/docs';
import { linkedUserIn } from '../lib/link';
import { adminMemberView } from '../lib/present';
import { inTransaction, txGet } from '../lib/tx';
import { adminActor, assertRoomFor, readCounter, tellAppointee, unionInScope, writeChange } from '../lib/unionAdmins';

function notClaimed(): AppFailure {
  return new AppFailure(
    'MEMBER_NOT_CLAIMED',
    '该会员尚未在小程序中绑定会员卡，暂不能设为管理员：请其先在小程序「入会」页选择「已是会员？认领会员卡」完成绑定，再来设置',
  );
}

/** What a card must be to receive admin rights (checked before and again inside the transaction). */
function assertAppointable(member: MemberDoc): void {
  if (member.status === 'revoked') throw new AppFailure('MEMBER_SUSPENDED', '该会员卡已停用，不能设为管理员；如需设置，请先恢复会员卡');
  if (!member.openid) throw notClaimed();
}

type Outcome = { changed: boolean; audit: AdminAuditDoc | null };

async function appoint(ctx: UserContext, admin: Admin, union: UnionDoc, memberId: string): Promise<Outcome> {
  const actor = adminActor(ctx, admin);
  return inTransaction<Outcome>(ctx.db, async (tx) => {
    const head = await readCounter(tx, ctx, actor, union._id, 'appoint');
    if (head.own && head.own.memberId === memberId) return { changed: true, audit: head.own };

    const member = await txGet<MemberDoc>(tx, C.members, memberId);
    // Decided on what this transaction read: the card may have moved out of the subtree meanwhile.
    if (!member || !isInScope(admin.unionIds, member.unionAncestors ?? [])) throw memberNotFound();
    assertAppointable(member);
    const user = await linkedUserIn(tx, member);
    if (!user) throw notClaimed();
    if ((user.adminUnionIds ?? []).includes(union._id)) return { changed: false, audit: null };

    await assertRoomFor(ctx, union, user._id);

    const audit = await writeChange(
      tx,
      ctx,
      actor,
      union,
      head,
      'appoint',
      { user, memberId: member._id, cardNo: member.cardNo, nameMasked: member.nameMasked },
      null,
    );
    return { changed: true, audit };
  });
}

export const adminAppoint = userAction<AdminAppointRequest, AdminAppointResult>('member.adminAppoint', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const cardNo = cardNoOf(input.cardNo);
  const union = await unionInScope(ctx, admin, input.unionId);
  const found = await findMemberInScope(ctx, admin, { cardNo }, 'member.adminAppoint');
  assertAppointable(found);
  const { changed, audit } = await appoint(ctx, admin, union, found._id);
  if (changed && audit) await tellAppointee(ctx, union, audit);
  // The card itself does not change: the view is the one read before.
  const unions = await unionsById(ctx, [found.unionId]);
  ctx.log.info('union admin appointed', { unionId: union._id, changed });
  return ok({ union: unionRef(union), member: adminMemberView(found, unions), changed });
});
