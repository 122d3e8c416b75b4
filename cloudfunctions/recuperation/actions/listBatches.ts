/**
 * Batches a member can see: those published by a union of their chain (city → district → … →
 * their own), upcoming first. Someone without a union sees the city-wide batches.
 */
import { ok } from '../../../shared/envelope';
import type { ListBatchesRequest, ListBatchesResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { loadUser, unionsById } from '../lib/access';
import type { BatchDoc } from '../lib/docs';
import { batchView, brief } from '../lib/present';

export const listBatches = userAction<ListBatchesRequest, ListBatchesResult>('recuperation.listBatches', async (_input, ctx) => {
  const user = await loadUser(ctx);
  const _ = ctx.db.command;
  const chain = user?.unionAncestors?.length ? user.unionAncestors : [];
  const where = chain.length ? { ownerUnionId: _.in(chain) } : { status: 'open' };
  const res = await ctx.db.collection(C.recuBatches).where(where).orderBy('startDate', 'asc').limit(200).get();
  const now = ctx.now();
  const batches = res.data as BatchDoc[];
  const unions = await unionsById(ctx, [...batches.map((b) => b.ownerUnionId), ...(user?.unionId ? [user.unionId] : [])]);
  const views = batches
    .map((b) => batchView(b, unions, now))
    // Open ones first (soonest first), then finished ones (latest first).
    .sort(
      (a, b) =>
        Number(b.accepting) - Number(a.accepting) ||
        (a.accepting ? a.startDate.localeCompare(b.startDate) : b.startDate.localeCompare(a.startDate)),
    );
  return ok({ unit: user?.unionId ? brief(unions.get(user.unionId), user.unionId) : null, batches: views });
});
