/**
 * Roles and reads shared by the actions. Admin rights come from membership's `adminUnionIds`
 * (an admin acts on their unions' subtrees only); the helpers are membership's, re-exported so
 * the actions import one module if they move to _lib/.
 */
import { AppFailure, type ActionContext, type UserContext } from '../../_lib/router';
import { C } from '../../_lib/collections';
import { assertInScope, loadUser, requireAdmin, type Admin } from '../../_lib/roles';
import { getUnion, unionsById } from '../../_lib/unions';
import type { UnionDoc } from '../../_lib/docs';
import type { BatchDoc, UnitDoc } from './docs';

export { assertInScope, loadUser, requireAdmin, unionsById, type Admin };

/** A grassroots union (the recuperation "unit") the admin manages. */
export async function unitInScope(ctx: UserContext, admin: Admin, unionId: string): Promise<UnionDoc> {
  const union = await getUnion(ctx, unionId);
  assertInScope(admin, union.ancestors);
  if (union.level !== 'grassroots') throw new AppFailure('INVALID_ARGUMENT', '疗休养名额按基层工会设置，请选择基层工会');
  return union;
}

export async function findUnit(ctx: ActionContext, unionId: string): Promise<UnitDoc | null> {
  const res = await ctx.db.collection(C.recuUnits).doc(unionId).get();
  return (res.data[0] as UnitDoc | undefined) ?? null;
}

export async function getBatch(ctx: ActionContext, batchId: string): Promise<BatchDoc> {
  const res = await ctx.db.collection(C.recuBatches).doc(batchId).get();
  const batch = res.data[0] as BatchDoc | undefined;
  if (!batch) throw new AppFailure('NOT_FOUND', '疗休养批次不存在');
  return batch;
}

/** Grassroots unions in the admin's subtrees (at most 1000: one city's tree). */
export async function grassrootsInScope(ctx: ActionContext, admin: Admin): Promise<UnionDoc[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.unions)
    .where({ ancestors: _.in(admin.unionIds), level: 'grassroots' })
    .limit(1000)
    .get();
  return (res.data as UnionDoc[]).sort((a, b) => a._id.localeCompare(b._id));
}
