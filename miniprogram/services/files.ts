/**
 * Images in cloud storage (post covers, drop pictures).
 * - `imageSrc`: what an <Image src> needs for a stored value. weapp shows `cloud://` fileIDs
 *   directly; the H5 build maps them to the local cloud's `/api/storage/<cloudPath>`. http(s)
 *   URLs pass unchanged.
 * - `uploadImage`: ask the owning function for an upload slot (it checks the admin and the union),
 *   then upload there: weapp `Taro.cloud.uploadFile`, H5 the local storage endpoint (./localFiles).
 *   Answers the fileID to save with the post / drop. Never throws.
 */
import Taro from '@tarojs/taro';
import { fail, ok, type Result } from '../../shared/envelope';
import { extFromName, MAX_IMAGE_BYTES, parseFileId, type ImageExt, type UploadPurpose, type UploadSlot } from '../../shared/files/images';
import { callApi } from './cloud';
import type { PickedImage } from './localFiles';

export function imageSrc(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (process.env.TARO_ENV === 'h5' && value.startsWith('cloud://')) {
    const file = parseFileId(value);
    if (!file) return undefined;
    const base = process.env.TARO_APP_API_BASE ?? '';
    return `${base}/api/storage/${file.path.split('/').map(encodeURIComponent).join('/')}`;
  }
  return value;
}

export type { PickedImage };

function slotFor(purpose: UploadPurpose, unionId: string, ext: ImageExt): Promise<Result<UploadSlot>> {
  return purpose === 'post_cover'
    ? callApi('content', 'adminUploadSlot', { unionId, ext })
    : callApi('benefit', 'adminUploadSlot', { unionId, ext });
}

type Uploader = (purpose: UploadPurpose, unionId: string, picked: PickedImage) => Promise<Result<{ fileID: string }>>;

/** weapp: CloudBase storage. */
async function uploadToCloud(purpose: UploadPurpose, unionId: string, picked: PickedImage): Promise<Result<{ fileID: string }>> {
  const ext = extFromName(picked.path) ?? (picked.type ? extFromName(picked.type) : null);
  if (!ext) return fail('FILE_NOT_IMAGE');
  const slot = await slotFor(purpose, unionId, ext);
  if (!slot.ok) return slot;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: slot.data.cloudPath, filePath: picked.path });
    return res.fileID ? ok({ fileID: res.fileID }) : fail('INTERNAL', '图片上传失败，请重试');
  } catch (err) {
    console.warn('[files] upload failed', err);
    return fail('NETWORK', '图片上传失败，请检查网络后重试');
  }
}

// Chosen at module level (a conditional webpack folds at build time, as in ./cloud): inside an
// async function Babel's regenerator hides the condition and the H5 uploader would ship in weapp.
const uploader: Uploader =
  process.env.TARO_ENV === 'h5'
    ? (purpose, unionId, picked) =>
        (require('./localFiles') as typeof import('./localFiles')).uploadToLocalStorage(picked, (ext) => slotFor(purpose, unionId, ext))
    : uploadToCloud;

export function uploadImage(purpose: UploadPurpose, unionId: string, picked: PickedImage): Promise<Result<{ fileID: string }>> {
  if (picked.size > MAX_IMAGE_BYTES) return Promise.resolve(fail('FILE_TOO_LARGE'));
  return uploader(purpose, unionId, picked);
}
