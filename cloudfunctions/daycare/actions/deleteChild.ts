/**
 * A guardian deletes a child who holds no current place. The child document (all the child's
 * data) is removed; past registrations keep only ids, statuses and attendance, and their
 * masked name is replaced, so nothing identifies the child afterwards.
 */
import { ok } from '../../../shared/envelope';
import type { DeleteChildRequest } from '../../../shared/daycare/schemas';
import type { DeleteChildResult } from '../../../shared/daycare/views';
import { C } from '../../_lib/collections';
import { AppFailure, userAction } from '../../_lib/router';
import { hasCurrentPlace } from '../lib/children';
import { findChild } from '../lib/store';

export const deleteChild = userAction<DeleteChildRequest, DeleteChildResult>('daycare.deleteChild', async (input, ctx) => {
  const child = await findChild(ctx, input.childId);
  // Another family's child answers exactly like a missing one: nothing to learn by probing ids.
  if (!child || child.guardianOpenid !== ctx.openid) throw new AppFailure('NOT_FOUND', '孩子信息不存在或已删除');
  if (await hasCurrentPlace(ctx, child._id)) throw new AppFailure('DAYCARE_CHILD_HAS_PLACE');
  await ctx.db.collection(C.daycareChildren).where({ _id: child._id, guardianOpenid: ctx.openid }).remove();
  await ctx.db.collection(C.daycareRegistrations).where({ childId: child._id }).update({ childNameMasked: '（已删除）' });
  return ok({ deleted: true });
});
