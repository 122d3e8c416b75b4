import { ok } from '../../../shared/envelope';
import type { AdminUploadSlotRequest } from '../../../shared/benefit/schemas';
import type { UploadSlot } from '../../../shared/files/images';
import { AppFailure, userAction } from '../../_lib/router';
import { assertInScope, requireAdmin } from '../../_lib/roles';
import { findUnion } from '../../_lib/unions';
import { newUploadSlot } from '../../_lib/uploads';

/**
 * A cloud path for a drop picture: only an admin of `unionId` or a union above it (the scope of
 * adminCreate) gets one. adminCreate then accepts the fileID only for a drop of that union.
 */
export const adminUploadSlot = userAction<AdminUploadSlotRequest, UploadSlot>('benefit.adminUploadSlot', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  const union = await findUnion(ctx, input.unionId);
  if (!union) throw new AppFailure('NOT_FOUND', '所选工会不存在');
  assertInScope(admin, union.ancestors);
  return ok(newUploadSlot(ctx, 'drop_picture', input.unionId, input.ext));
});
