import { ok } from '../../../shared/envelope';
import type { AdminUploadSlotRequest } from '../../../shared/content/schemas';
import type { UploadSlot } from '../../../shared/files/images';
import { userAction } from '../../_lib/router';
import { newUploadSlot } from '../../_lib/uploads';
import { assertCanPublishFor, loadUnion, requireAdmin } from '../lib/access';

/**
 * A cloud path for a post cover: only an admin who may publish for `unionId` (its own union, as
 * for adminSave) gets one. The client uploads there (weapp: Taro.cloud.uploadFile; H5: the local
 * storage endpoint with the token) and saves the post with the resulting fileID.
 */
export const adminUploadSlot = userAction<AdminUploadSlotRequest, UploadSlot>('content.adminUploadSlot', async (input, ctx) => {
  const admin = await requireAdmin(ctx);
  assertCanPublishFor(admin, input.unionId);
  await loadUnion(ctx, input.unionId);
  return ok(newUploadSlot(ctx, 'post_cover', input.unionId, input.ext));
});
