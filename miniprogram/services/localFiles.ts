/**
 * H5 only (required by ./files behind `process.env.TARO_ENV === 'h5'`): upload a picked image to
 * the local cloud's storage endpoint. The bytes are read from the browser's File (or the blob URL
 * Taro.chooseImage gives), their format is recognised by magic bytes, a slot is requested for that
 * format, and the raw bytes are POSTed with the slot's path and token and the demo identity.
 */
import { fail, isResult, ok, type Result } from '../../shared/envelope';
import { sniffImage, type ImageExt, type UploadSlot } from '../../shared/files/images';
import { currentLocalPersona } from '../local/persona';

/** A picked image: Taro.chooseImage's tempFiles[0]. */
export interface PickedImage {
  path: string;
  size: number;
  /** H5: the browser's File (its bytes). */
  originalFileObj?: Blob;
  type?: string;
}

async function readBytes(picked: PickedImage): Promise<ArrayBuffer> {
  const blob = picked.originalFileObj ?? (await (await fetch(picked.path)).blob());
  return blob.arrayBuffer();
}

export async function uploadToLocalStorage(
  picked: PickedImage,
  slotFor: (ext: ImageExt) => Promise<Result<UploadSlot>>,
): Promise<Result<{ fileID: string }>> {
  let bytes: ArrayBuffer;
  try {
    bytes = await readBytes(picked);
  } catch {
    return fail('FILE_NOT_IMAGE', '无法读取所选图片，请重新选择');
  }
  const ext = sniffImage(new Uint8Array(bytes));
  if (!ext) return fail('FILE_NOT_IMAGE');
  const slot = await slotFor(ext);
  if (!slot.ok) return slot;
  const base = process.env.TARO_APP_API_BASE ?? '';
  let body: unknown;
  try {
    const res = await fetch(`${base}/api/storage/upload`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-cloud-path': slot.data.cloudPath,
        'x-upload-token': slot.data.uploadToken,
        'x-local-persona': currentLocalPersona(),
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
