/** The caller's applications, newest year first, each with status, score, rank and the reason in words. */
import { ok } from '../../../shared/envelope';
import type { MyApplicationsRequest, MyApplicationsResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { unionsById } from '../lib/access';
import { rankOf } from '../lib/applications';
import type { ApplicationDoc, BatchDoc } from '../lib/docs';
import { myApplicationView } from '../lib/present';

export const myApplications = userAction<MyApplicationsRequest, MyApplicationsResult>(
  'recuperation.myApplications',
  async (_input, ctx) => {
    const res = await ctx.db.collection(C.recuApplications).where({ openid: ctx.openid }).orderBy('year', 'desc').limit(50).get();
    const apps = res.data as ApplicationDoc[];
    if (apps.length === 0) return ok({ items: [] });
    const _ = ctx.db.command;
    const batchRes = await ctx.db
      .collection(C.recuBatches)
      .where({ _id: _.in([...new Set(apps.map((a) => a.batchId))]) })
      .limit(100)
      .get();
    const batches = new Map((batchRes.data as BatchDoc[]).map((b) => [b._id, b]));
    const unions = await unionsById(ctx, [...apps.map((a) => a.unionId), ...[...batches.values()].map((b) => b.ownerUnionId)]);
    const now = ctx.now();
    const items = [];
    for (const a of apps) {
      const batch = batches.get(a.batchId);
      if (!batch) continue;
      items.push(myApplicationView(a, batch, unions, await rankOf(ctx, a), now));
    }
    return ok({ items });
  },
);
