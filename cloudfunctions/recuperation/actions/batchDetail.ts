/** One batch, its venue, whether the caller may apply (and if not, which rule says so) and their score. */
import { ok } from '../../../shared/envelope';
import { explainScore } from '../../../shared/recuperation/priority';
import type { BatchDetailRequest, BatchDetailResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { getBatch, loadUser, unionsById } from '../lib/access';
import { scoreFor, standingFor } from '../lib/applications';
import type { VenueDoc } from '../lib/docs';
import { batchView, venueView } from '../lib/present';

export const batchDetail = userAction<BatchDetailRequest, BatchDetailResult>('recuperation.batchDetail', async (input, ctx) => {
  const [user, batch] = await Promise.all([loadUser(ctx), getBatch(ctx, input.batchId)]);
  const venueRes = await ctx.db.collection(C.recuVenues).doc(batch.venueId).get();
  const venue = venueRes.data[0] as VenueDoc | undefined;
  if (!venue) throw new AppFailure('NOT_FOUND', '疗休养场所不存在');
  const standing = await standingFor(ctx, user, batch);
  const unions = await unionsById(ctx, [batch.ownerUnionId, venue.ownerUnionId]);
  const isMember = user?.memberStatus === 'verified';
  const score = isMember && user ? scoreFor(user, standing.lastTrip) : null;
  return ok({
    batch: batchView(batch, unions, ctx.now()),
    venue: venueView(venue, unions),
    eligibility: standing.violation
      ? { ok: false, code: standing.violation.code, message: standing.violation.message }
      : { ok: true, code: null, message: null },
    preview: score ? { ...score, explanation: explainScore(score) } : null,
  });
});
