/**
 * Reading all of a user's documents (CloudBase answers at most 1,000 per read), used by each
 * domain's part of 注销账号 (forgetUser.ts).
 */
import { isDuplicate } from './dbErrors';
import type { BaseContext } from './router';

/** Every document matching `where`, page by page, ordered by `_id` so paging is stable. */
export async function allDocs<T>(ctx: BaseContext, collection: string, where: object): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await ctx.db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(res.data as T[]));
    if (res.data.length < 1000) return out;
  }
}

/** Documents by id, 100 ids per read. */
export async function docsByIds<T extends { _id: string }>(
  ctx: BaseContext,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, T>();
  for (let i = 0; i < unique.length; i += 100) {
    const res = await ctx.db
      .collection(collection)
      .where({ _id: ctx.db.command.in(unique.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const d of res.data as T[]) out.set(d._id, d);
  }
  return out;
}

export async function docById<T>(ctx: BaseContext, collection: string, id: string): Promise<T | null> {
  const res = await ctx.db.collection(collection).doc(id).get();
  return (res.data[0] as T | undefined) ?? null;
}

export async function countOf(ctx: BaseContext, collection: string, where: object): Promise<number> {
  const res = await ctx.db.collection(collection).where(where).count();
  return res.total ?? 0;
}

/** Insert unless a document with that `_id` is already there (a resumed step wrote it before). */
export async function addOnce(ctx: BaseContext, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  try {
    await ctx.db.collection(collection).add(doc);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}
