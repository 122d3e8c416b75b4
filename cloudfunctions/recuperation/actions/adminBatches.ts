/** What an admin needs to publish: the unions they may publish for, all venues, and the batches in their scope. */
import { ok } from '../../../shared/envelope';
import type { AdminBatchesRequest, AdminBatchesResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { userAction } from '../../_lib/router';
import { requireAdmin, unionsById } from '../lib/access';
import type { BatchDoc, VenueDoc } from '../lib/docs';
import { batchView, brief, venueView } from '../lib/present';

export const adminBatches = userAction<AdminBatchesRequest, AdminBatchesResult>('recuperation.adminBatches', async (_input, ctx) => {
  const admin = await requireAdmin(ctx);
  const _ = ctx.db.command;
  const [venueRes, batchRes] = await Promise.all([
    // Venues (疗养院) serve every union, so all are listed; batches only in the admin's subtree.
    ctx.db.collection(C.recuVenues).limit(200).get(),
    ctx.db
      .collection(C.recuBatches)
      .where({ ownerAncestors: _.in(admin.unionIds) })
      .orderBy('startDate', 'desc')
      .limit(200)
      .get(),
  ]);
  const venues = venueRes.data as VenueDoc[];
  const batches = batchRes.data as BatchDoc[];
  const unions = await unionsById(ctx, [...admin.unionIds, ...venues.map((v) => v.ownerUnionId), ...batches.map((b) => b.ownerUnionId)]);
  const now = ctx.now();
  return ok({
    owners: admin.unionIds.map((id) => brief(unions.get(id), id)),
    venues: venues.map((v) => venueView(v, unions)),
    batches: batches.map((b) => batchView(b, unions, now)),
  });
});
