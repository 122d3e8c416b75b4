/**
 * 会员卡管理: a union admin suspends (`revoked`, reason required — the member reads it) or
 * reinstates (`active`) a card of their subtree, e.g. when a worker leaves the union.
 *
 * One transaction re-reads the member and changes it only from the other status, together with
 * the linked user's `memberStatus` (verified ⇄ suspended, which every member-only check in the
 * other functions reads) and one `member_audit` entry. Member and user therefore never disagree,
 * even if the function dies half-way, and:
 * - two admins suspending at once: one commits, the other is retried by the transaction, finds
 *   the card already revoked and answers `changed: false` — one change, one audit entry;
 * - a retry of the same request (same requestId from the same admin) finds its own change and
 *   answers it again (`changed: true`) without applying anything twice.
 * The member is notified in-app after the commit, keyed by the change's version, so a retry
 * never sends a second notice.
 */
import { ok } from '../../../shared/envelope';
import {
  STATUS_REASON_MAX,
  STATUS_REASON_MIN,
  type AdminSetStatusRequest,
  type AdminSetStatusResult,
  type CardStatus,
} from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { unionsById } from '../../_lib/unions';
import { findMemberInScope, memberNotFound } from '../lib/adminMembers';
import type { MemberAuditDoc, MemberDoc } from '../lib/docs';
import { linkedStatus, linkedUserIn } from '../lib/link';
import { adminMemberView } from '../lib/present';
import { inTransaction, txGet } from '../lib/tx';

type Outcome = { member: MemberDoc; changed: boolean };

const CARD_PAGE = '/packages/member/card/index';

/** The reason, whitespace collapsed; required (2–200 characters) to suspend, optional to reinstate. */
function reasonOf(input: AdminSetStatusRequest): string | null {
  const reason = (input.reason ?? '').trim().replace(/\s+/g, ' ');
  const length = Array.from(reason).length;
  if (length === 0 && input.status === 'active') return null;
  if (length < STATUS_REASON_MIN || length > STATUS_REASON_MAX) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      input.status === 'revoked'
        ? `停用会员卡须填写原因（${STATUS_REASON_MIN}–${STATUS_REASON_MAX} 个字），会员将看到这条原因`
        : `原因请填写 ${STATUS_REASON_MIN}–${STATUS_REASON_MAX} 个字`,
    );
  }
  return reason;
}

async function applyChange(ctx: UserContext, admin: Admin, memberId: string, target: CardStatus, reason: string | null): Promise<Outcome> {
  const now = ctx.now();
  const by = admin.user.openid;
  return inTransaction<Outcome>(ctx.db, async (tx) => {
    const member = await txGet<MemberDoc>(tx, C.members, memberId);
    if (!member) throw memberNotFound();
    // This very request already made the latest change (a retry after a lost answer).
    if (member.statusRequestId === ctx.requestId && member.statusChangedBy === by) return { member, changed: member.status === target };
    if (member.status === target) return { member, changed: false };

    const version = (member.statusVersion ?? 0) + 1;
    const change = {
      status: target,
      statusChangedAt: now,
      statusChangedBy: by,
      statusChangedByName: admin.user.nameMasked || '工会管理员',
      statusChangedReason: reason,
      statusRequestId: ctx.requestId,
      statusVersion: version,
    };
    await tx.collection(C.members).doc(member._id).update(change);
    const { _id: auditId, ...audit }: MemberAuditDoc = {
      _id: `${member._id}_${version}`,
      memberId: member._id,
      cardNo: member.cardNo,
      unionId: member.unionId,
      unionAncestors: member.unionAncestors,
      from: member.status,
      to: target,
      reason,
      by,
      byName: change.statusChangedByName,
      at: now,
      requestId: ctx.requestId,
    };
    await tx.collection(C.memberAudit).doc(auditId).set(audit);
    const user = await linkedUserIn(tx, member);
    if (user) {
      await tx
        .collection(C.users)
        .doc(user._id)
        .update({ memberStatus: linkedStatus({ status: target }), updatedAt: now });
    }
    return { member: { ...member, ...change }, changed: true };
  });
}

async function tellMember(ctx: UserContext, member: MemberDoc, unionName: string): Promise<void> {
  if (!member.openid) return; // an imported record nobody has claimed yet: no one to tell
  const revoked = member.status === 'revoked';
  await notify(ctx, {
    openid: member.openid,
    category: 'membership',
    title: revoked ? '会员卡已停用' : '会员卡已恢复',
    body: revoked
      ? `您的工会会员卡（${member.cardNo}）已被停用，原因：${member.statusChangedReason ?? '未说明'}。停用期间不能出示会员码或参与会员专属服务，如有疑问请联系${unionName || '所属工会'}。`
      : `您的工会会员卡（${member.cardNo}）已恢复使用，可以正常出示会员码、参与会员专属服务。`,
    link: CARD_PAGE,
    dedupeKey: `member:${member.cardNo}:status:${member.statusVersion ?? 0}`,
  });
}

export const adminSetStatus = userAction<AdminSetStatusRequest, AdminSetStatusResult>('member.adminSetStatus', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  if (!input.memberId === !input.cardNo) throw new AppFailure('INVALID_ARGUMENT', '请指定要操作的会员卡');
  const reason = reasonOf(input);
  const found = await findMemberInScope(ctx, admin, { memberId: input.memberId, cardNo: input.cardNo }, 'member.adminSetStatus');
  // Scope is decided by the member's union, which this action never changes.
  const { member, changed } = await applyChange(ctx, admin, found._id, input.status, reason);
  const unions = await unionsById(ctx, [member.unionId]);
  if (changed) await tellMember(ctx, member, unions.get(member.unionId)?.name ?? '');
  ctx.log.info('member card status', { unionId: member.unionId, to: input.status, changed });
  return ok({ member: adminMemberView(member, unions), changed });
});
