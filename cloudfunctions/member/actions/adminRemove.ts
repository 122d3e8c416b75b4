/**
 * 管理员管理: a union admin takes a union out of a user's `adminUnionIds` (the chair left, the
 * staff changed). The union must be in the caller's subtree, their own included: co-admins of
 * one union may remove each other, and an admin may remove themselves — an admin of an ancestor
 * union can always act on the union, so no union is ever out of everyone's reach. The one
 * exception is the root (市总工会), which has no ancestor: its last admin cannot be removed
 * (LAST_ROOT_ADMIN). A reason (2–100 characters) is required; the removed admin reads it.
 *
 * The admin is named by member card number or by the opaque `adminKey` adminListAdmins gives
 * (lib/unionAdmins.ts adminKeyOf; the only handle for an admin without a card, e.g. the first one
 * set by ops:set-admin). No openid travels: the key is resolved among the union's current admins
 * (a retry of this caller's applied removal also finds the admin it removed); an unknown key is
 * NOT_FOUND, nothing changed. Same transaction shape as
 * adminAppoint (lib/unionAdmins.ts): racing removals apply once (`changed: false` for the
 * others), a retry with the same requestId answers the same change.
 */
import { ok } from '../../../shared/envelope';
import type { AdminRemoveRequest, AdminRemoveResult } from '../../../shared/member/schemas';
import { C } from '../../_lib/collections';
import { isInScope } from '../../../shared/union/tree';
import { assertLookupBudget, recordLookup } from '../../_lib/lookups';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { unionRef } from '../../_lib/unions';
import { cardNoOf } from '../lib/adminMembers';
import type { AdminAuditDoc, MemberDoc, UnionAdminsCounterDoc, UnionDoc, UserDoc } from '../lib/docs';
import { holdsMembership } from '../lib/link';
import { inTransaction, txGet } from '../lib/tx';
import {
  adminActor,
  adminsOf,
  assertNotLastRootAdmin,
  auditIdOf,
  counterIdOf,
  openidForAdminKey,
  readCounter,
  removalReason,
  tellRemoved,
  unionInScope,
  writeChange,
} from '../lib/unionAdmins';

function adminNotFound(): AppFailure {
  return new AppFailure('NOT_FOUND', '未找到该管理员，请刷新管理员列表后重试');
}

/**
 * The admin this caller's request removed, if it was the union's latest change (a retry after a
 * lost answer: the admin is no longer among the union's admins, yet the retry must answer the same).
 */
async function ownLatestRemoval(ctx: UserContext, unionId: string): Promise<string | null> {
  const counter = (await ctx.db.collection(C.counters).doc(counterIdOf(unionId)).get()).data[0] as UnionAdminsCounterDoc | undefined;
  if (!counter || counter.requestId !== ctx.requestId || counter.by !== ctx.openid) return null;
  const audit = (await ctx.db.collection(C.adminAudit).doc(auditIdOf(unionId, counter.value)).get()).data[0] as AdminAuditDoc | undefined;
  return audit && audit.kind === 'remove' ? audit.openid : null;
}

/** The user the request names: by adminKey among the union's admins, or the WeChat user linked to the card. */
async function targetOpenid(ctx: UserContext, admin: Admin, union: UnionDoc, input: AdminRemoveRequest): Promise<string> {
  if (input.adminKey) {
    const current = openidForAdminKey(union._id, input.adminKey, await adminsOf(ctx, union._id));
    if (current) return current;
    const retried = await ownLatestRemoval(ctx, union._id);
    if (retried && openidForAdminKey(union._id, input.adminKey, [retried])) return retried;
    throw adminNotFound();
  }
  // By a typed card number: a budgeted, audited look-up. A card outside the caller's subtree is
  // answered only if it names one of the union's admins (or this request's own earlier removal):
  // any other such card answers exactly like an unknown one.
  const cardNo = cardNoOf(input.cardNo ?? '');
  await assertLookupBudget(ctx);
  const res = await ctx.db.collection(C.members).where({ cardNo }).limit(1).get();
  const member = res.data[0] as MemberDoc | undefined;
  let openid: string | null = null;
  if (member?.openid) {
    if (isInScope(admin.unionIds, member.unionAncestors ?? [])) openid = member.openid;
    else if ((await adminsOf(ctx, union._id)).includes(member.openid)) openid = member.openid;
    else if ((await ownLatestRemoval(ctx, union._id)) === member.openid) openid = member.openid;
  }
  await recordLookup(ctx, { action: 'member.adminRemove', looked: 1, misses: openid ? 0 : 1, byName: admin.user.nameMasked ?? '' });
  if (!openid) throw adminNotFound();
  return openid;
}

type Outcome = { changed: boolean; audit: AdminAuditDoc | null };

async function remove(ctx: UserContext, admin: Admin, union: UnionDoc, openid: string, reason: string): Promise<Outcome> {
  const actor = adminActor(ctx, admin);
  return inTransaction<Outcome>(ctx.db, async (tx) => {
    const head = await readCounter(tx, ctx, actor, union._id, 'remove');
    if (head.own && head.own.openid === openid) return { changed: true, audit: head.own };

    const user = await txGet<UserDoc>(tx, C.users, openid);
    if (!user) throw adminNotFound();
    if (!(user.adminUnionIds ?? []).includes(union._id)) return { changed: false, audit: null };
    await assertNotLastRootAdmin(ctx, union, openid);
    const member = holdsMembership(user);
    const audit = await writeChange(
      tx,
      ctx,
      actor,
      union,
      head,
      'remove',
      {
        user,
        memberId: member ? (user.memberId ?? null) : null,
        cardNo: member ? (user.cardNo ?? null) : null,
        nameMasked: user.nameMasked || '',
      },
      reason,
    );
    return { changed: true, audit };
  });
}

export const adminRemove = userAction<AdminRemoveRequest, AdminRemoveResult>('member.adminRemove', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  if (!input.adminKey === !input.cardNo) throw new AppFailure('INVALID_ARGUMENT', '请指定要移除的管理员');
  if (input.cardNo !== undefined) cardNoOf(input.cardNo);
  const reason = removalReason(input.reason);
  const union = await unionInScope(ctx, admin, input.unionId);
  const openid = await targetOpenid(ctx, admin, union, input);
  const { changed, audit } = await remove(ctx, admin, union, openid, reason);
  if (changed && audit) await tellRemoved(ctx, union, audit);
  ctx.log.info('union admin removed', { unionId: union._id, changed, self: openid === ctx.openid });
  return ok({ union: unionRef(union), changed });
});
