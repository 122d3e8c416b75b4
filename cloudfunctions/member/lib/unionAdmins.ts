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
 * - The same rules serve the operator's command line (scripts/ops/set-admin.ts): the actor is then
 *   OPS_ACTOR instead of an admin, and a user without a document yet gets one created.
 * - Admins are named to the app by card number or by `adminKey` (adminKeyOf), never by openid.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ADMIN_REASON_MAX, ADMIN_REASON_MIN, UNION_ADMIN_LIMIT } from '../../../shared/member/schemas';
import { isInScope } from '../../../shared/union/tree';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { Admin } from '../../_lib/roles';
import { secretFromEnv } from '../../_lib/personal';
import { AppFailure, type ActionContext, type BaseContext, type UserContext } from '../../_lib/router';
import { findUnion } from '../../_lib/unions';
import type { AdminAuditDoc, UnionAdminsCounterDoc, UnionDoc, UserDoc } from './docs';
import { txGet, type Tx } from './tx';

/** What a change needs of its context: the database, the business clock and the request id. */
export type ChangeContext = Pick<ActionContext, 'db' | 'now' | 'requestId'>;

/** Who makes a change: `by` / `byName` of the audit entry and the counter. */
export interface Actor {
  openid: string;
  name: string;
}

/** The admin calling 管理员管理. */
export function adminActor(ctx: UserContext, admin: Admin): Actor {
  return { openid: ctx.openid, name: admin.user.nameMasked || '工会管理员' };
}

/**
 * The operator running scripts/ops/set-admin.ts. `by` is no openid (WeChat openids never read
 * 'ops'), so 注销账号 never rewrites it; `name` is what 管理员管理, the card's history and the
 * notice print (「由 平台运维人员 设置」, 「操作人：平台运维人员」, 「（设置人：平台运维人员）」).
 */
export const OPS_ACTOR: Actor = { openid: 'ops', name: '平台运维人员' };

const WORKBENCH = '/packages/admin/dashboard/index';

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

/**
 * The opaque handle adminListAdmins gives for an admin and adminRemove takes back: 24 hex (96
 * bits) of HMAC-SHA256(ID_HASH_SECRET, "adminKey:" + JSON [unionId, openid]). Its own label, so it
 * never equals another keyed value (ID / name / phone hashes, the 注销账号 tombstone "openid:…");
 * bound to the union, so one person's keys in two unions cannot be linked or swapped; stable, so
 * a list stays valid until the admins change. Without the secret it reveals nothing of the openid.
 */
export function adminKeyOf(unionId: string, openid: string, secret = secretFromEnv('ID_HASH_SECRET')): string {
  return createHmac('sha256', secret)
    .update(`adminKey:${JSON.stringify([unionId, openid])}`)
    .digest('hex')
    .slice(0, 24);
}

/** The openid among `openids` whose adminKey for the union is `key` (constant-time comparisons, all of them made). */
export function openidForAdminKey(unionId: string, key: string, openids: string[]): string | null {
  const wanted = Buffer.from(key, 'utf8');
  let found: string | null = null;
  for (const openid of openids) {
    const candidate = Buffer.from(adminKeyOf(unionId, openid), 'utf8');
    if (candidate.length === wanted.length && timingSafeEqual(candidate, wanted) && found === null) found = openid;
  }
  return found;
}

export const counterIdOf = (unionId: string) => `unionAdmins_${unionId}`;
export const auditIdOf = (unionId: string, n: number) => `${unionId}_${n}`;

/**
 * Openids of the union's admins, read committed. Inside a change's transaction call it only
 * after `readCounter` (see the header): then it sees every change that could race with this one.
 */
export async function adminsOf(ctx: Pick<BaseContext, 'db'>, unionId: string): Promise<string[]> {
  const res = await ctx.db.collection(C.users).where({ adminUnionIds: unionId }).field({ _id: true }).limit(1000).get();
  return (res.data as Array<{ _id: string }>).map((u) => u._id);
}

export interface Head {
  counter: UnionAdminsCounterDoc | null;
  /** Set when this very request made the union's latest change (a retry after a lost answer). */
  own: AdminAuditDoc | null;
}

/** Inside the transaction, first: the union's counter, and this request's own change if it is the latest. */
export async function readCounter(tx: Tx, ctx: ChangeContext, actor: Actor, unionId: string, kind: AdminAuditDoc['kind']): Promise<Head> {
  const counter = await txGet<UnionAdminsCounterDoc>(tx, C.counters, counterIdOf(unionId));
  if (!counter || counter.requestId !== ctx.requestId || counter.by !== actor.openid) return { counter, own: null };
  const audit = await txGet<AdminAuditDoc>(tx, C.adminAudit, auditIdOf(unionId, counter.value));
  return { counter, own: audit && audit.kind === kind ? { ...audit, _id: auditIdOf(unionId, counter.value) } : null };
}

export interface Target {
  user: UserDoc;
  /** The user has no document yet (ops only): `user` is the new document to create. */
  create?: boolean;
  memberId: string | null;
  cardNo: string | null;
  nameMasked: string;
}

/**
 * Inside the transaction, after readCounter: refuses an appointment that would give the union
 * more than UNION_ADMIN_LIMIT admins (admins set by hand included).
 */
export async function assertRoomFor(ctx: Pick<BaseContext, 'db'>, union: UnionDoc, openid: string): Promise<void> {
  const admins = await adminsOf(ctx, union._id);
  if (admins.filter((id) => id !== openid).length >= UNION_ADMIN_LIMIT) throw new AppFailure('ADMIN_LIMIT_REACHED', limitMessage(union));
}

/**
 * Inside the transaction, after readCounter: the root (市总工会) has no ancestor whose admins could
 * act on it, so its last admin cannot be removed.
 */
export async function assertNotLastRootAdmin(ctx: Pick<BaseContext, 'db'>, union: UnionDoc, openid: string): Promise<void> {
  if (!isRootUnion(union)) return;
  const others = (await adminsOf(ctx, union._id)).filter((id) => id !== openid);
  if (others.length === 0) throw new AppFailure('LAST_ROOT_ADMIN', lastRootAdminMessage(union));
}

export function lastRootAdminMessage(union: UnionDoc): string {
  return `不能移除「${union.name}」的最后一位管理员：请先设置另一位管理员，再移除`;
}

/** The reason for a removal, whitespace collapsed, 2–100 characters (the removed admin reads it). */
export function removalReason(raw: string | undefined): string {
  const reason = (raw ?? '').trim().replace(/\s+/g, ' ');
  const length = Array.from(reason).length;
  if (length < ADMIN_REASON_MIN || length > ADMIN_REASON_MAX) {
    throw new AppFailure('INVALID_ARGUMENT', `移除管理员须填写原因（${ADMIN_REASON_MIN}–${ADMIN_REASON_MAX} 个字），对方将看到这条原因`);
  }
  return reason;
}

/**
 * Inside the transaction, last: the user's new rights, the audit entry and the counter. The user
 * is marked `actedAsAdminAt` (if not yet): the audit names them, and 注销账号 rewrites the union's
 * records only for users so marked.
 */
export async function writeChange(
  tx: Tx,
  ctx: ChangeContext,
  actor: Actor,
  union: UnionDoc,
  head: Head,
  kind: AdminAuditDoc['kind'],
  target: Target,
  reason: string | null,
): Promise<AdminAuditDoc> {
  const now = ctx.now();
  const _ = ctx.db.command;
  const current = target.user.adminUnionIds ?? [];
  const adminUnionIds =
    kind === 'appoint' ? [...current.filter((id) => id !== union._id), union._id] : current.filter((id) => id !== union._id);
  const users = tx.collection(C.users).doc(target.user._id);
  if (target.create) {
    // Created inside the transaction: a document the user's own first call creates meanwhile
    // makes this transaction conflict and run again, then finding and updating that document.
    const { _id: _ignored, ...doc } = target.user;
    await users.set({ ...doc, adminUnionIds, actedAsAdminAt: now, updatedAt: now });
  } else {
    await users.update({ adminUnionIds: _.set(adminUnionIds), actedAsAdminAt: target.user.actedAsAdminAt ?? now, updatedAt: now });
  }

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
    by: actor.openid,
    byName: actor.name,
    at: now,
    requestId: ctx.requestId,
  };
  const { _id, ...audit } = entry;
  await tx.collection(C.adminAudit).doc(_id).set(audit);
  const counter: Omit<UnionAdminsCounterDoc, '_id'> = { value: n, requestId: ctx.requestId, by: actor.openid, updatedAt: now };
  await tx.collection(C.counters).doc(counterIdOf(union._id)).set(counter);
  return entry;
}

export function limitMessage(union: UnionDoc): string {
  return `「${union.name}」已有 ${UNION_ADMIN_LIMIT} 位管理员（每个工会最多 ${UNION_ADMIN_LIMIT} 位），请先移除不再任职的管理员`;
}

/** After the commit: the appointee's in-app notice, keyed by the change. */
export async function tellAppointee(ctx: Pick<BaseContext, 'db' | 'now'>, union: UnionDoc, audit: AdminAuditDoc): Promise<void> {
  await notify(ctx, {
    openid: audit.openid,
    category: 'membership',
    title: '您已被设为工会管理员',
    body: `您已被设为${union.name}的管理员（设置人：${audit.byName}）。可在「我的」→「工会工作台」办理本工会及下级工会的入会审核、会员管理等事务。如有疑问请联系上级工会。`,
    link: WORKBENCH,
    dedupeKey: `admin:${audit._id}`,
  });
}

/** After the commit: the removed admin's in-app notice with the reason (none to someone who removed themselves). */
export async function tellRemoved(ctx: Pick<BaseContext, 'db' | 'now'>, union: UnionDoc, audit: AdminAuditDoc): Promise<void> {
  if (audit.openid === audit.by) return;
  await notify(ctx, {
    openid: audit.openid,
    category: 'membership',
    title: '管理员身份已取消',
    body: `您已不再是${union.name}的管理员（操作人：${audit.byName}），原因：${audit.reason ?? '未说明'}。如有疑问请联系上级工会。`,
    dedupeKey: `admin:${audit._id}`,
  });
}
