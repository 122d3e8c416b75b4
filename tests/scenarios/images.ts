/**
 * Test images and the upload path the H5 app takes: ask a function for a slot, POST the raw bytes
 * to the local cloud's storage endpoint with the slot's path and token as a persona.
 */
import { encodePng } from '../../scripts/png';
import type { UploadSlot } from '../../shared/files/images';
import type { Result } from '../../shared/envelope';
import type { As, TestCloud } from './cloud';

/** A real, decodable PNG of one colour (8-bit RGB). */
export function pngBytes(width = 8, height = 6, rgb: [number, number, number] = [215, 0, 15]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  return encodePng(width, height, 'rgb', Buffer.concat(Array.from({ length: height }, () => row)));
}

/** Starts like a JPEG (SOI + APP0 "JFIF"): what a magic-byte check sees. */
export function jpegLikeBytes(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'ascii'), Buffer.alloc(64, 7)]);
}

function headersFor(as: As): Record<string, string> {
  if (as === 'anonymous') return { 'x-local-persona': 'anonymous' };
  if ('openid' in as) return { 'x-local-openid': as.openid };
  return { 'x-local-persona': as.persona };
}

export interface UploadAnswer {
  status: number;
  body: Result<{ fileID: string; cloudPath: string }>;
}

export async function upload(t: TestCloud, as: As, cloudPath: string, token: string | null, bytes: Buffer): Promise<UploadAnswer> {
  const body = new ArrayBuffer(bytes.length);
  new Uint8Array(body).set(bytes);
  const res = await fetch(`${t.cloud.appUrl}/api/storage/upload`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-cloud-path': cloudPath,
      ...(token ? { 'x-upload-token': token } : {}),
      ...headersFor(as),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export async function slot(
  t: TestCloud,
  fn: 'content' | 'benefit',
  as: As,
  unionId: string,
  ext: 'jpg' | 'png' | 'webp' = 'png',
): Promise<Result<UploadSlot>> {
  return t.call<UploadSlot>(fn, 'adminUploadSlot', { unionId, ext }, as);
}
