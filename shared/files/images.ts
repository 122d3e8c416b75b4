/**
 * Uploaded images (post covers, drop pictures): the rules both sides share. Pure: no SDK, no
 * crypto (the path signature lives in cloudfunctions/_lib/fileSlots.ts).
 *
 * A file lives at a cloud path issued by an upload slot (`content.adminUploadSlot`,
 * `benefit.adminUploadSlot`):
 *   covers/<unionId>/<yyyymm>/<p|d>_<nonce 12 hex>_<sig 20 hex>.<jpg|png|webp>
 * and is referred to by its fileID `cloud://<env>.<bucket>/<cloudPath>` (CloudBase's format).
 */
export const IMAGE_EXTS = ['jpg', 'png', 'webp'] as const;
export type ImageExt = (typeof IMAGE_EXTS)[number];
export const IMAGE_MIME: Record<ImageExt, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
/** 2 MB: a compressed phone photo is well below; a raw camera file is refused with a clear message. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export const UPLOAD_PURPOSES = ['post_cover', 'drop_picture'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export const PURPOSE_LETTER: Record<UploadPurpose, 'p' | 'd'> = { post_cover: 'p', drop_picture: 'd' };

/** Every uploadable path is under this folder. */
export const COVERS_ROOT = 'covers/';
/** The shape of a slot's cloud path; groups: unionId, yyyymm, purpose letter, nonce, sig, ext. */
export const SLOT_PATH_PATTERN =
  /^covers\/([A-Za-z0-9_-]{1,64})\/(20\d{2}(?:0[1-9]|1[0-2]))\/([pd])_([0-9a-f]{12})_([0-9a-f]{20})\.(jpg|png|webp)$/;
const FILE_ID_PATTERN = /^cloud:\/\/([A-Za-z0-9][A-Za-z0-9_.-]{0,120})\/(.{1,300})$/;

/**
 * A cloud path anyone may ask for: relative, under covers/, plain characters only, no `.` or `..`
 * segment, no empty segment, no backslash. (It says nothing about whether a slot issued it.)
 */
export function isSafeCloudPath(path: string): boolean {
  if (path.length === 0 || path.length > 240) return false;
  if (!path.startsWith(COVERS_ROOT)) return false;
  if (!/^[A-Za-z0-9_./-]+$/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export interface SlotPath {
  unionId: string;
  yyyymm: string;
  purpose: UploadPurpose;
  nonce: string;
  sig: string;
  ext: ImageExt;
}

/** The parts of a slot-shaped cloud path, or null (the signature is not checked here). */
export function parseSlotPath(path: string): SlotPath | null {
  const m = SLOT_PATH_PATTERN.exec(path);
  if (!m) return null;
  return {
    unionId: m[1],
    yyyymm: m[2],
    purpose: m[3] === 'p' ? 'post_cover' : 'drop_picture',
    nonce: m[4],
    sig: m[5],
    ext: m[6] as ImageExt,
  };
}

/** `cloud://<env>.<bucket>/<path>` → its parts, or null when it is not a fileID. */
export function parseFileId(fileId: string): { bucket: string; path: string } | null {
  const m = FILE_ID_PATTERN.exec(fileId);
  return m ? { bucket: m[1], path: m[2] } : null;
}

/** What the bytes are, by their magic numbers (never by the file name): JPEG, PNG, WebP or null. */
export function sniffImage(bytes: Uint8Array): ImageExt | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'jpg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  // RIFF <size> WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

/** The extension a chosen file's path or MIME type suggests (weapp temp paths keep one). */
export function extFromName(nameOrType: string): ImageExt | null {
  const s = nameOrType.toLowerCase();
  if (/(\.jpe?g|image\/jpe?g)$/.test(s)) return 'jpg';
  if (/(\.png|image\/png)$/.test(s)) return 'png';
  if (/(\.webp|image\/webp)$/.test(s)) return 'webp';
  return null;
}

/** What an upload slot action answers (content.adminUploadSlot, benefit.adminUploadSlot). */
export interface UploadSlot {
  /** Where to upload: `Taro.cloud.uploadFile({ cloudPath })` in weapp, the local storage endpoint in H5. */
  cloudPath: string;
  /**
   * Proof for the local cloud's storage endpoint that a slot was issued to this caller for this
   * path (HMAC, bound to the caller and the path, expires with the slot). CloudBase storage does
   * not use it; the weapp upload passes only cloudPath.
   */
  uploadToken: string;
  /** Epoch ms after which the token is refused. */
  expiresAt: number;
  maxBytes: number;
}
