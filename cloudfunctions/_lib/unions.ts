import { AppFailure, type ActionContext } from './router';
import { C } from './collections';
import type { UnionRef } from '../../shared/member/schemas';
import type { UnionDoc } from './docs';

export function unionRef(u: UnionDoc): UnionRef {
  return { id: u._id, name: u.name, level: u.level };
}

export async function findUnion(ctx: ActionContext, id: string): Promise<UnionDoc | null> {
  const res = await ctx.db.collection(C.unions).doc(id).get();
  return (res.data[0] as UnionDoc | undefined) ?? null;
}

export async function getUnion(ctx: ActionContext, id: string): Promise<UnionDoc> {
  const u = await findUnion(ctx, id);
  if (!u) throw new AppFailure('NOT_FOUND', '工会组织不存在');
  return u;
}

/** Several unions by id in one read (chains are at most five long; lists are one page). */
export async function unionsById(ctx: ActionContext, ids: readonly string[]): Promise<Map<string, UnionDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await ctx.db
    .collection(C.unions)
    .where({ _id: ctx.db.command.in(unique) })
    .limit(Math.min(1000, unique.length))
    .get();
  return new Map((res.data as UnionDoc[]).map((u) => [u._id, u]));
}
