/**
 * Local cloud storage: the stand-in for CloudBase storage in the H5 demo and the tests. Files live
 * under <dataDir>/storage/<cloudPath>; the front door (http.ts) exposes
 *
 *   POST /api/storage/upload   raw image bytes; cloud path in `x-cloud-path` (or ?cloudPath=),
 *                              the slot's token in `x-upload-token` (or ?token=), the caller as
 *                              for function calls (x-local-persona / x-local-openid)
 *                              → { ok: true, data: { fileID: 'cloud://local.local-storage/<cloudPath>', cloudPath } }
 *   GET  /api/storage/<cloudPath>   the file (read by anyone, like the production rule `read: true`)
 *
 * Who may upload is decided by a cloud function, as in production: `content.adminUploadSlot` /
 * `benefit.adminUploadSlot` check the admin and the union and issue a signed path plus a token
 * bound to the caller (cloudfunctions/_lib/fileSlots.ts). This endpoint accepts an upload only
 * to such a path, from that caller, before the token expires, once (a slot is write-once here;
 * CloudBase would overwrite), JPEG/PNG/WebP by magic bytes matching the path's extension,
 * ≤ 2 MB. Every refusal is a JSON envelope with a Chinese message, and nothing is written.
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, openSync, readSync, closeSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { checkUploadToken, verifySlotPath } from '../../cloudfunctions/_lib/fileSlots';
import { IMAGE_MIME, isSafeCloudPath, MAX_IMAGE_BYTES, parseSlotPath, sniffImage } from '../../shared/files/images';
import type { ErrorCode } from '../../shared/errors';

export const LOCAL_STORAGE_ENV = 'local';
export const LOCAL_BUCKET = 'local-storage';
/** A body larger than this is not even read to the end: the connection is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

export class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
  get userMessage(): string | undefined {
    return this.message === this.code ? undefined : this.message;
  }
}

export interface StoredFile {
  path: string;
  stat: Stats;
  contentType: string;
}

export interface LocalStorageOptions {
  /** <dataDir>/storage */
  dir: string;
  /** The functions' CARD_TOKEN_SECRET (slot paths and upload tokens are derived from it). */
  secret: () => string | undefined;
  /** The business clock (slot expiry is in the functions' time). */
  now: () => number;
}

/** Reads the whole body, keeping at most `keep` bytes; returns what was kept and the total size. */
async function readBody(req: IncomingMessage, keep: number): Promise<{ bytes: Buffer; total: number }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
    if (kept < keep) {
      const part = buf.subarray(0, keep - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { bytes: Buffer.concat(chunks), total };
}

export class LocalStorage {
  private readonly root: string;

  constructor(private readonly options: LocalStorageOptions) {
    this.root = resolve(options.dir);
    mkdirSync(join(this.root, '.incoming'), { recursive: true });
  }

  fileIdFor(cloudPath: string): string {
    return `cloud://${LOCAL_STORAGE_ENV}.${LOCAL_BUCKET}/${cloudPath}`;
  }

  /** The file's place on disk; null unless it is inside the storage folder. */
  private fileFor(cloudPath: string): string | null {
    if (!isSafeCloudPath(cloudPath)) return null;
    const file = resolve(this.root, cloudPath);
    return file.startsWith(this.root + sep) ? file : null;
  }

  private secret(): string {
    const s = this.options.secret();
    if (!s) throw new Error('CARD_TOKEN_SECRET is not configured for the local storage');
    return s;
  }

  async upload(
    req: IncomingMessage,
    input: { openid: string | null; cloudPath: string | null; token: string | null },
  ): Promise<{ fileID: string; cloudPath: string }> {
    let refusal: StorageError | null = null;
    const cloudPath = input.cloudPath ?? '';
    const file = this.fileFor(cloudPath);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!input.openid) refusal = new StorageError(401, 'UNAUTHENTICATED');
    else if (!cloudPath) refusal = new StorageError(400, 'FILE_PATH_INVALID', '缺少上传路径（x-cloud-path）');
    else if (!file) refusal = new StorageError(400, 'FILE_PATH_INVALID', '文件路径不合法：只能上传到 covers/ 下由系统分配的路径');
    else if (!verifySlotPath(cloudPath, this.secret()))
      refusal = new StorageError(403, 'UPLOAD_NOT_ALLOWED', '该路径没有上传授权，请重新选择图片');
    else {
      const check = input.token ? checkUploadToken(input.token, cloudPath, input.openid, this.options.now(), this.secret()) : 'forged';
      if (check === 'expired') refusal = new StorageError(403, 'UPLOAD_NOT_ALLOWED', '上传凭证已过期，请重新选择图片');
      else if (check !== 'valid') refusal = new StorageError(403, 'UPLOAD_NOT_ALLOWED');
      else if (Number.isFinite(declared) && declared > MAX_IMAGE_BYTES) refusal = new StorageError(413, 'FILE_TOO_LARGE');
    }
    // Read (or drain) the body before answering, so the client gets the answer, not a reset.
    const body = await readBody(req, refusal ? 0 : MAX_IMAGE_BYTES + 1);
    if (refusal) throw refusal;
    if (body.total > MAX_IMAGE_BYTES) throw new StorageError(413, 'FILE_TOO_LARGE');
    const kind = sniffImage(body.bytes);
    if (!kind) throw new StorageError(415, 'FILE_NOT_IMAGE');
    const expected = parseSlotPath(cloudPath)?.ext;
    if (kind !== expected)
      throw new StorageError(
        415,
        'FILE_NOT_IMAGE',
        `图片内容（${kind.toUpperCase()}）与申请的格式（${String(expected).toUpperCase()}）不符，请重新选择图片`,
      );

    // Write-once: write aside, then hard-link into place (fails if the path already holds a file).
    const target = file as string;
    const incoming = join(this.root, '.incoming', randomBytes(8).toString('hex'));
    writeFileSync(incoming, body.bytes);
    try {
      mkdirSync(dirname(target), { recursive: true });
      linkSync(incoming, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST')
        throw new StorageError(409, 'UPLOAD_NOT_ALLOWED', '该上传凭证已使用，请重新选择图片');
      throw err;
    } finally {
      unlinkSync(incoming);
    }
    return { fileID: this.fileIdFor(cloudPath), cloudPath };
  }

  /** A stored file for GET, or null (unsafe path, nothing there). */
  read(cloudPath: string): StoredFile | null {
    const file = this.fileFor(cloudPath);
    if (!file || !existsSync(file)) return null;
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    // The type of what is stored (checked at upload, read again here: never guessed from the name).
    const head = Buffer.alloc(12);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 12, 0);
    } finally {
      closeSync(fd);
    }
    const kind = sniffImage(head);
    if (!kind) return null;
    return { path: file, stat, contentType: IMAGE_MIME[kind] };
  }
}
