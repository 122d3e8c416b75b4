import { ok } from '../../../shared/envelope';
import type { AdminContactRequest, AdminContactResult } from '../../../shared/system/contacts';
import { C } from '../../_lib/collections';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { userAction } from '../../_lib/router';
import { contactView, type ContactDoc } from '../lib/contacts';
import { loadUnion } from '../lib/unions';

/** 联系方式管理: a union's own stored contact (null when none: members then see the nearest union above's). */
export const adminContact = userAction<AdminContactRequest, AdminContactResult>('system.adminContact', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await loadUnion(ctx, input.unionId);
  assertInScope(admin, union.ancestors);
  const doc = (await ctx.db.collection(C.unionContacts).doc(union._id).get()).data[0] as ContactDoc | undefined;
  return ok({ unionId: union._id, unionName: union.name, contact: doc ? contactView(doc) : null });
});
