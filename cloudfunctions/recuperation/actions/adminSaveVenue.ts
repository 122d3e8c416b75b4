/** Create or edit a venue (疗休养场所). A retried create (same requestId) makes no second venue. */
import { ok } from '../../../shared/envelope';
import type { AdminSaveVenueRequest, AdminSaveVenueResult } from '../../../shared/recuperation/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { getUnion } from '../../_lib/unions';
import { assertInScope, requireAdmin, unionsById } from '../lib/access';
import type { VenueDoc } from '../lib/docs';
import { createdId } from '../lib/ids';
import { venueView } from '../lib/present';

export const adminSaveVenue = userAction<AdminSaveVenueRequest, AdminSaveVenueResult>('recuperation.adminSaveVenue', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const owner = await getUnion(ctx, input.ownerUnionId);
  assertInScope(admin, owner.ancestors);
  const now = ctx.now();
  const id = input.venueId ?? createdId('venue', ctx.openid, ctx.requestId);
  const existing = (await ctx.db.collection(C.recuVenues).doc(id).get()).data[0] as VenueDoc | undefined;
  if (input.venueId && !existing) throw new AppFailure('NOT_FOUND', '疗休养场所不存在');
  if (existing) assertInScope(admin, existing.ownerAncestors);
  const fields = {
    name: input.name.trim(),
    location: input.location.trim(),
    address: input.address?.trim() || null,
    position: input.position ?? null,
    phone: input.phone ?? null,
    rooms: input.rooms ?? null,
    description: input.description?.trim() ?? '',
    ownerUnionId: owner._id,
    ownerAncestors: owner.ancestors,
    updatedAt: now,
  };
  await ctx.db
    .collection(C.recuVenues)
    .doc(id)
    .set({ ...fields, createdAt: existing?.createdAt ?? now });
  const unions = await unionsById(ctx, [owner._id]);
  return ok({ venue: venueView({ _id: id, ...fields, createdAt: existing?.createdAt ?? now }, unions) });
});
