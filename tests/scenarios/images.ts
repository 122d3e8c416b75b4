/**
 * Test images and the upload path the H5 app takes: ask a function for a slot, POST the raw bytes
 * to the local cloud's storage endpoint with the slot's path and token as a persona.
 */
import { deflateSync } from 'node:zlib';
import type { UploadSlot } from '../../shared/files/images';
import type { Result } from '../../shared/envelope';
import type { As, TestCloud } from './cloud';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real, decodable PNG of one colour (8-bit RGB). */
export function pngBytes(width = 8, height = 6, rgb: [number, number, number] = [215, 0, 15]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
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
    headers: { 'content-type': 'application/octet-stream', 'x-cloud-path': cloudPath, ...(token ? { 'x-upload-token': token } : {}), ...headersFor(as) },
    body,
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export async function slot(t: TestCloud, fn: 'content' | 'benefit', as: As, unionId: string, ext: 'jpg' | 'png' | 'webp' = 'png'): Promise<Result<UploadSlot>> {
  return t.call<UploadSlot>(fn, 'adminUploadSlot', { unionId, ext }, as);
}
