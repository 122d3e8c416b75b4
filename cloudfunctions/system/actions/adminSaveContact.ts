import { ok } from '../../../shared/envelope';
import type { AdminContactResult, AdminSaveContactRequest } from '../../../shared/system/contacts';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { contactView, type ContactDoc } from '../lib/contacts';
import { loadUnion } from '../lib/unions';

/**
 * Set a union's contact: an admin of that union or of a union above it (a district admin may
 * fill in a street union's office). The whole contact is replaced; a map point is kept only
 * when both coordinates are given (the schema asks for both or neither).
 */
export const adminSaveContact = userAction<AdminSaveContactRequest, AdminContactResult>('system.adminSaveContact', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await loadUnion(ctx, input.unionId);
  assertInScope(admin, union.ancestors);
  const doc: ContactDoc = {
    _id: union._id,
    unionName: union.name,
    contactPhone: input.contactPhone,
    address: input.address.trim(),
    hours: input.hours.trim(),
    location:
      input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null,
    updatedAt: ctx.now(),
  };
  const { _id, ...fields } = doc;
  await ctx.db.collection(C.unionContacts).doc(_id).set(fields);
  ctx.log.info('union contact saved', { unionId: union._id });
  return ok({ unionId: union._id, unionName: union.name, contact: contactView(doc) });
});
