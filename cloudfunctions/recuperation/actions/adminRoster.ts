/**
 * A batch's roster: approved (then attended / absent) members. The publishing union's admins
 * see every unit; a unit admin sees only their units' rows.
 */
import { ok } from '../../../shared/envelope';
import { isInScope } from '../../../shared/union/tree';
import { APPLICATION_STATUS_LABELS, type AdminRosterRequest, type AdminRosterResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { getBatch, requireAdmin, unionsById } from '../lib/access';
import type { ApplicationDoc } from '../lib/docs';
import { batchView, brief } from '../lib/present';

export const adminRoster = userAction<AdminRosterRequest, AdminRosterResult>('recuperation.adminRoster', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const batch = await getBatch(ctx, input.batchId);
  const ownsBatch = isInScope(admin.unionIds, batch.ownerAncestors);
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(C.recuApplications)
    .where({ batchId: batch._id, status: _.in(['approved', 'attended', 'absent']) })
    .limit(1000)
    .get();
  if (!ownsBatch) {
    // A unit admin may look at batches published above their unit (those their members join).
    const mine = await unionsById(ctx, admin.unionIds);
    if (![...mine.values()].some((u) => u.ancestors.includes(batch.ownerUnionId))) throw new AppFailure('OUT_OF_SCOPE');
  }
  const rows = (res.data as ApplicationDoc[]).filter((a) => ownsBatch || isInScope(admin.unionIds, a.unionAncestors));
  const unions = await unionsById(ctx, [batch.ownerUnionId, ...rows.map((a) => a.unionId)]);
  rows.sort((a, b) => a.unionId.localeCompare(b.unionId) || a.nameMasked.localeCompare(b.nameMasked));
  return ok({
    batch: batchView(batch, unions, ctx.now()),
    canClose: ownsBatch,
    rows: rows.map((a) => ({
      applicationId: a._id,
      unit: brief(unions.get(a.unionId), a.unionId),
      nameMasked: a.nameMasked,
      tags: a.tags,
      status: a.status,
      statusLabel: APPLICATION_STATUS_LABELS[a.status],
    })),
  });
});
