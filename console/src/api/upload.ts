/**
 * Picture upload from the console (post covers, drop pictures), the console's counterpart of the
 * mini-program's services/files.ts: the bytes' format is recognised by magic bytes, the owning
 * function issues a slot for that union (it checks the admin and the union, and binds the slot
 * to this console session), then the bytes go to the storage route with the slot's token.
 * Locally that is the front door's `POST /api/console/storage/upload` with the session as
 * `Authorization: Bearer`; on CloudBase it would be the web SDK's uploadFile as the custom-login
 * user (docs/console.md). Answers the fileID to save with the post or drop. Never throws.
 */
import { fail, isResult, ok, type Result } from '../../../shared/envelope';
import { MAX_IMAGE_BYTES, sniffImage, type ImageExt, type UploadSlot } from '../../../shared/files/images';
import { session } from './client';

export async function uploadPicture(
  file: Blob,
  slotFor: (ext: ImageExt) => Promise<Result<UploadSlot>>,
): Promise<Result<{ fileID: string }>> {
  if (file.size > MAX_IMAGE_BYTES) return fail('FILE_TOO_LARGE');
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return fail('FILE_NOT_IMAGE', '无法读取所选图片，请重新选择');
  }
  const ext = sniffImage(new Uint8Array(bytes));
  if (!ext) return fail('FILE_NOT_IMAGE');
  const slot = await slotFor(ext);
  if (!slot.ok) return slot;
  const token = session.get();
  let body: unknown;
  try {
    const res = await fetch('/api/console/storage/upload', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-cloud-path': slot.data.cloudPath,
        'x-upload-token': slot.data.uploadToken,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: bytes,
    });
    body = await res.json();
  } catch {
    return fail('NETWORK', '图片上传失败，请检查网络后重试');
  }
  if (!isResult(body)) return fail('INTERNAL');
  if (!body.ok) return body;
  const fileID = (body.data as { fileID?: unknown }).fileID;
  return typeof fileID === 'string' ? ok({ fileID }) : fail('INTERNAL');
}

/** What an <img> shows for a stored value: a `cloud://` fileID through the local storage route. */
export function pictureSrc(value: string): string {
  if (/^https?:\/\//.test(value)) return value;
  if (value.startsWith('cloud://'))
    return `/api/storage/${value
      .replace(/^cloud:\/\/[^/]+\//, '')
      .split('/')
      .map(encodeURIComponent)
      .join('/')}`;
  return '';
}
