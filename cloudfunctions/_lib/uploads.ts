/**
 * Image uploads for the actions that own them (content: post covers; benefit: drop pictures).
 * The action checks who may upload for which union; this issues the slot, and checks on save
 * that a `cloud://` image was issued for that union (see ./fileSlots.ts).
 */
import { MAX_IMAGE_BYTES, parseFileId, parseSlotPath, type ImageExt, type UploadPurpose, type UploadSlot } from '../../shared/files/images';
import { consoleUploader, issueSlot, verifySlotPath } from './fileSlots';
import { AppFailure, type UserContext } from './router';

/**
 * The slot's token is for whoever will upload: the WeChat user, or a 工会工作台 session (which
 * uploads through the console's storage route as its session, never as the admin's openid).
 */
export function newUploadSlot(ctx: UserContext, purpose: UploadPurpose, unionId: string, ext: ImageExt): UploadSlot {
  const uploader = ctx.consoleSessionId ? consoleUploader(ctx.consoleSessionId) : ctx.openid;
  const slot = issueSlot({ purpose, unionId, ext, openid: uploader, nowMs: ctx.now().getTime() });
  ctx.log.info('upload slot issued', { purpose, unionId });
  return { ...slot, maxBytes: MAX_IMAGE_BYTES };
}

/**
 * An image reference about to be saved on a record of `unionId`: https:// (and the other schemes
 * the schema allows) pass unchanged; a `cloud://` fileID must name a path a slot issued for this
 * union, so nobody links another union's file or one uploaded outside a slot.
 */
export function assertOwnImage(value: string | null | undefined, unionId: string): void {
  if (!value || !value.startsWith('cloud://')) return;
  const file = parseFileId(value);
  const parts = file ? parseSlotPath(file.path) : null;
  if (!file || !parts) throw new AppFailure('FILE_NOT_OWN_UNION', '图片地址无效，请重新上传图片');
  if (parts.unionId !== unionId) throw new AppFailure('FILE_NOT_OWN_UNION');
  if (!verifySlotPath(file.path)) throw new AppFailure('FILE_NOT_OWN_UNION', '图片不是通过本系统上传的，请重新上传图片');
}
