/**
 * 管理员管理: the rules member.adminListAdmins / adminAppoint / adminRemove share.
 *
 * - Scope: the union whose admins are listed or changed must be in the caller's subtree (their own
 *   union included: co-admins of one union may appoint and remove each other). Unknown union →
 *   NOT_FOUND, outside the subtree → OUT_OF_SCOPE, as elsewhere.
 * - Rights stay where every function reads them, `users.adminUnionIds`.
 * - Every change of a union's admins advances `counters/unionAdmins_<unionId>` in its transaction:
 *   two changes of the same union's admins never commit side by side, so the admin limit and "the
 *   root keeps an admin" are decided on the committed state. The admins are counted with a query
 *   made inside the transaction AFTER the counter was read: a change that committed before the
 *   read is in the query; one that commits after it changes the counter and makes this
 *   transaction conflict and run again. The counter also keeps the last change's requestId and
 *   caller, so a retry of that request is answered, not applied again (as member.adminSetStatus).
 * - Each applied change writes `admin_audit/<unionId>_<n>` (n = the counter's new value).
 */
import { UNION_ADMIN_LIMIT } from '../../../shared/member/schemas';
import { isInScope } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import type { Admin } from '../../_lib/roles';
import { AppFailure, type UserContext } from '../../_lib/router';
import { findUnion } from '../../_lib/unions';
import type { AdminAuditDoc, UnionAdminsCounterDoc, UnionDoc, UserDoc } from './docs';
import { txGet, type Tx } from './tx';

/** The union named by the request, if it is in the caller's subtree. */
export async function unionInScope(ctx: UserContext, admin: Admin, unionId: string): Promise<UnionDoc> {
  const union = await findUnion(ctx, unionId);
  if (!union) throw new AppFailure('NOT_FOUND', '工会组织不存在，请重新选择');
  if (!isInScope(admin.unionIds, union.ancestors ?? [])) {
    throw new AppFailure('OUT_OF_SCOPE', '该工会不在您管理的范围内：只能管理本级及下级工会的管理员');
  }
  return union;
}

/** The root of the tree (市总工会): no parent. */
export function isRootUnion(union: Pick<UnionDoc, 'parentId'>): boolean {
  return !union.parentId;
}

export const counterIdOf = (unionId: string) => `unionAdmins_${unionId}`;
export const auditIdOf = (unionId: string, n: number) => `${unionId}_${n}`;

/**
 * Openids of the union's admins, read committed. Inside a change's transaction call it only
 * after `readCounter` (see the header): then it sees every change that could race with this one.
 */
export async function adminsOf(ctx: UserContext, unionId: string): Promise<string[]> {
  const res = await ctx.db.collection(C.users).where({ adminUnionIds: unionId }).field({ _id: true }).limit(1000).get();
  return (res.data as Array<{ _id: string }>).map((u) => u._id);
}

export interface Head {
  counter: UnionAdminsCounterDoc | null;
  /** Set when this very request made the union's latest change (a retry after a lost answer). */
  own: AdminAuditDoc | null;
}

/** Inside the transaction, first: the union's counter, and this request's own change if it is the latest. */
export async function readCounter(tx: Tx, ctx: UserContext, unionId: string, kind: AdminAuditDoc['kind']): Promise<Head> {
  const counter = await txGet<UnionAdminsCounterDoc>(tx, C.counters, counterIdOf(unionId));
  if (!counter || counter.requestId !== ctx.requestId || counter.by !== ctx.openid) return { counter, own: null };
  const audit = await txGet<AdminAuditDoc>(tx, C.adminAudit, auditIdOf(unionId, counter.value));
  return { counter, own: audit && audit.kind === kind ? { ...audit, _id: auditIdOf(unionId, counter.value) } : null };
}

export interface Target {
  user: UserDoc;
  memberId: string | null;
  cardNo: string | null;
  nameMasked: string;
}

/**
 * Inside the transaction, last: the user's new rights, the audit entry and the counter. The user
 * is marked `actedAsAdminAt` (if not yet): the audit names them, and 注销账号 rewrites the union's
 * records only for users so marked.
 */
export async function writeChange(
  tx: Tx,
  ctx: UserContext,
  admin: Admin,
  union: UnionDoc,
  head: Head,
  kind: AdminAuditDoc['kind'],
  target: Target,
  reason: string | null,
): Promise<AdminAuditDoc> {
  const now = ctx.now();
  const _ = ctx.db.command;
  const current = target.user.adminUnionIds ?? [];
  const adminUnionIds = kind === 'appoint' ? [...current.filter((id) => id !== union._id), union._id] : current.filter((id) => id !== union._id);
  await tx
    .collection(C.users)
    .doc(target.user._id)
    .update({ adminUnionIds: _.set(adminUnionIds), actedAsAdminAt: target.user.actedAsAdminAt ?? now, updatedAt: now });

  const n = (head.counter?.value ?? 0) + 1;
  const entry: AdminAuditDoc = {
    _id: auditIdOf(union._id, n),
    kind,
    unionId: union._id,
    unionAncestors: union.ancestors ?? [],
    openid: target.user._id,
    memberId: target.memberId,
    cardNo: target.cardNo,
    nameMasked: target.nameMasked,
    reason,
    by: admin.user.openid,
    byName: admin.user.nameMasked || '工会管理员',
    at: now,
    requestId: ctx.requestId,
  };
  const { _id, ...audit } = entry;
  await tx.collection(C.adminAudit).doc(_id).set(audit);
  const counter: Omit<UnionAdminsCounterDoc, '_id'> = { value: n, requestId: ctx.requestId, by: admin.user.openid, updatedAt: now };
  await tx.collection(C.counters).doc(counterIdOf(union._id)).set(counter);
  return entry;
}

export function limitMessage(union: UnionDoc): string {
  return `「${union.name}」已有 ${UNION_ADMIN_LIMIT} 位管理员（每个工会最多 ${UNION_ADMIN_LIMIT} 位），请先移除不再任职的管理员`;
}
