/**
 * Publish a batch: one venue, a start date, at most 5 days travel included, a capacity and a
 * cost per person (分). The publishing union's members (its subtree) can apply. A retried
 * create (same requestId) makes no second batch.
 */
import { ok } from '../../../shared/envelope';
import { batchProblems, batchYear } from '../../../shared/recuperation/batch';
import { formatBusiness } from '../../../shared/time';
import type { AdminCreateBatchRequest, AdminCreateBatchResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { getUnion } from '../../_lib/unions';
import { assertInScope, requireAdmin, unionsById } from '../lib/access';
import type { BatchDoc, VenueDoc } from '../lib/docs';
import { createdId } from '../lib/ids';
import { batchView } from '../lib/present';

export const adminCreateBatch = userAction<AdminCreateBatchRequest, AdminCreateBatchResult>(
  'recuperation.adminCreateBatch',
  async (input, ctx) => {
    const admin = await requireAdmin(ctx);
    const owner = await getUnion(ctx, input.ownerUnionId);
    assertInScope(admin, owner.ancestors);
    const problems = batchProblems(input, formatBusiness(ctx.now(), 'YYYY-MM-DD'));
    if (problems.length) throw new AppFailure('RECU_RULE_INVALID', problems.join('；'));
    const venue = (await ctx.db.collection(C.recuVenues).doc(input.venueId).get()).data[0] as VenueDoc | undefined;
    if (!venue) throw new AppFailure('NOT_FOUND', '疗休养场所不存在');
    const id = createdId('batch', ctx.openid, ctx.requestId);
    const existing = (await ctx.db.collection(C.recuBatches).doc(id).get()).data[0] as BatchDoc | undefined;
    const now = ctx.now();
    const { _id, ...fields }: BatchDoc = existing ?? {
      _id: id,
      title: input.title?.trim() || `${venue.name} ${input.startDate.slice(5).replace('-', '月')}日批次`,
      venueId: venue._id,
      venueName: venue.name,
      venueLocation: venue.location,
      ownerUnionId: owner._id,
      ownerAncestors: owner.ancestors,
      startDate: input.startDate,
      days: input.days,
      year: batchYear(input.startDate),
      capacity: input.capacity,
      seatsLeft: input.capacity,
      costFen: input.costFen,
      status: 'open',
      createdBy: ctx.openid,
      createdAt: now,
      closedAt: null,
    };
    if (!existing) await ctx.db.collection(C.recuBatches).doc(_id).set(fields);
    const unions = await unionsById(ctx, [owner._id]);
    return ok({ batch: batchView({ _id, ...fields }, unions, now) });
  },
);
