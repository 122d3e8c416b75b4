/**
 * Admin identity look-ups: an admin typing a card number or an ID number that the server looks up
 * (会员卡管理, 管理员管理, 停用/恢复, 转会, 暑托班工作人员, 会员批量导入). Inside the admin's subtree
 * the answer tells them nothing they may not see; a look-up that finds nobody there (no such card,
 * a card of another union, an import row whose person is registered in another union) must tell
 * them nothing either, and the answers are built so (docs/security.md). The budget is the second
 * line: it bounds how many such misses one admin can collect, should an answer still leak a bit.
 *
 * - Budget: LOOKUP_BUDGET.perDay misses per admin per business day (Asia/Shanghai). A look-up is
 *   refused (RATE_LIMITED, nothing looked up, nothing written) once the day's misses reach it; a
 *   look-up that then misses spends one per miss. Parallel look-ups may each pass the check once,
 *   so the count can end up to one call's misses over the cap, never more.
 * - Counter: `admin_lookup_budgets/<adminKey>_<YYYYMMDD>` `{ day, misses, updatedAt }`, advanced
 *   by `_.inc` (atomic).
 * - Audit: every look-up writes `admin_lookup_audit` `{ adminKey, byName, action, looked, misses,
 *   at, requestId }`: how many identifiers, how many found nobody; never the identifiers.
 * - `adminKey` = HMAC(ID_HASH_SECRET, "lookupAdmin:" + openid), 24 hex: neither document holds
 *   the openid (so 注销账号 has nothing to scrub here), yet an operator who suspects an admin can
 *   compute the key and read that admin's entries.
 */
import { createHmac } from 'node:crypto';
import { formatBusiness } from '../../shared/time';
import { C } from './collections';
import { isDuplicate } from './dbErrors';
import { secretFromEnv } from './personal';
import { AppFailure, type UserContext } from './router';

export const LOOKUP_BUDGET = { perDay: 100 } as const;

export type LookupAction =
  | 'member.adminFindMember'
  | 'member.adminMemberHistory'
  | 'member.adminSetStatus'
  | 'member.adminUpdateMember'
  | 'member.adminAppoint'
  | 'member.adminRemove'
  | 'member.adminImport'
  | 'daycare.adminSetStaff';

export interface LookupBudgetDoc {
  _id: string;
  day: string;
  misses: number;
  updatedAt: Date;
}

export function lookupAdminKey(openid: string, secret = secretFromEnv('ID_HASH_SECRET')): string {
  return createHmac('sha256', secret).update(`lookupAdmin:${openid}`).digest('hex').slice(0, 24);
}

function budgetId(ctx: UserContext): { id: string; day: string } {
  const day = formatBusiness(ctx.now(), 'YYYYMMDD');
  return { id: `${lookupAdminKey(ctx.openid)}_${day}`, day };
}

function spentFailure(): AppFailure {
  return new AppFailure('RATE_LIMITED', '今天查询会员信息的次数已达上限，为保护会员个人信息，请明天再试');
}

/** Misses left today for the calling admin (0: refuse the look-up). */
export async function lookupsLeft(ctx: UserContext): Promise<number> {
  const { id } = budgetId(ctx);
  const doc = (await ctx.db.collection(C.lookupBudgets).doc(id).get()).data[0] as LookupBudgetDoc | undefined;
  return Math.max(0, LOOKUP_BUDGET.perDay - (doc?.misses ?? 0));
}

/** Throws RATE_LIMITED when the calling admin has no misses left today; call it before looking anything up. */
export async function assertLookupBudget(ctx: UserContext): Promise<number> {
  const left = await lookupsLeft(ctx);
  if (left <= 0) {
    ctx.log.info('admin look-up refused: budget spent');
    throw spentFailure();
  }
  return left;
}

async function spend(ctx: UserContext, misses: number): Promise<void> {
  if (misses <= 0) return;
  const coll = ctx.db.collection(C.lookupBudgets);
  const { id, day } = budgetId(ctx);
  for (let round = 0; round < 3; round++) {
    const now = ctx.now();
    const res = await coll.where({ _id: id }).update({ misses: ctx.db.command.inc(misses), updatedAt: now });
    if (res.updated === 1) return;
    try {
      await coll.add({ _id: id, day, misses, updatedAt: now });
      return;
    } catch (err) {
      if (!isDuplicate(err)) throw err; // a parallel look-up created it: go round and add to it
    }
  }
  throw new AppFailure('RATE_LIMITED');
}

/**
 * Records one look-up: spends `misses` of the budget and writes the audit entry. `byName` is the
 * admin's masked name (their own, for the operator reading the audit).
 */
export async function recordLookup(
  ctx: UserContext,
  entry: { action: LookupAction; looked: number; misses: number; byName: string },
): Promise<void> {
  await spend(ctx, entry.misses);
  await ctx.db.collection(C.lookupAudit).add({
    adminKey: lookupAdminKey(ctx.openid),
    byName: entry.byName,
    action: entry.action,
    looked: entry.looked,
    misses: entry.misses,
    at: ctx.now(),
    requestId: ctx.requestId,
  });
}

/** Spends the rest of today's budget (an import whose misses exceed what is left is refused whole). */
export async function spendAllLookups(ctx: UserContext, entry: { action: LookupAction; looked: number; byName: string }): Promise<void> {
  const left = await lookupsLeft(ctx);
  await recordLookup(ctx, { ...entry, misses: left });
}
