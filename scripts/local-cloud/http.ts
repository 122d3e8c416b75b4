/**
 * The local cloud's front door (one HTTP server): the H5 app's callFunction transport, the
 * local-only controls (personas, clock, triggers) and the static H5 build.
 *
 *   POST /api/functions/:name              body {action, data, requestId}; identity from the
 *                                          x-local-persona (or x-local-openid) header
 *   POST /api/console/functions/:name      the 工会工作台's transport: identity only from
 *                                          `Authorization: Bearer <session token>` (none: anonymous)
 *   GET  /console/…                        the 工会工作台 build (dist/console)
 *   GET  /api/_local/personas              the demo identities
 *   GET  /api/_local/clock                 {offsetMs, now}
 *   POST /api/_local/clock                 {offsetMs} or {at: ISO instant}
 *   GET  /api/_local/triggers              timer triggers and their next fire time
 *   POST /api/_local/triggers/:fn/:name    fire one now
 *   POST /api/storage/upload               image bytes to a slot's cloud path (see ./storage.ts)
 *   POST /api/console/storage/upload       the same for the 工会工作台: the uploader is the Bearer's
 *                                          session (its slot was issued to that session)
 *   GET  /api/storage/<cloudPath>          a stored image (what a cloud:// fileID shows in H5)
 *   GET  /api/_local/quota                 the quota profile in force and its figures (refusals, peak QPS)
 *   POST /api/_local/quota                 {preset, overrides?} switch it (preset 'off' = none)
 *
 * A call the quota profile refuses is answered HTTP 429 with `{errCode, errMsg}` (not an
 * envelope): what wx.cloud.callFunction rejects with in the weapp (core/fnQuota.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { fail, ok } from '../../shared/envelope';
import { jsonTextNestsDeeper } from '../../shared/validation/depth';
import type { Clock } from './core/clock';
import type { FunctionHost } from './core/functions';
import { StorageError, type LocalStorage } from './storage';
import { DEFAULT_PERSONA, PERSONAS, personaById } from './demo/personas';
import { sessionIdOf } from '../../cloudfunctions/_lib/consoleSession';
import { consoleUploader } from '../../cloudfunctions/_lib/fileSlots';
import type { TriggerRunner } from './core/triggers';
import { serveStatic } from './core/static';
import type { QuotaControl } from './index';
import { resolveQuota } from './core/quota';

const MAX_BODY = 1024 * 1024;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
const H5_MISSING = 'H5 版本尚未构建：请运行 npm run build:h5（npm start 会自动构建）';
const CONSOLE_MISSING = '工会工作台尚未构建：请运行 npm run build:console（npm start 会自动构建）';

export interface AppServerOptions {
  host: FunctionHost;
  clock: Clock;
  triggers: TriggerRunner;
  staticDir: string | null;
  /** The 工会工作台 build served under /console/ (null or missing: a page saying how to build it). */
  consoleDir?: string | null;
  /** Local cloud storage (null: the /api/storage routes answer 404). */
  storage?: LocalStorage | null;
  /** The quota switch (absent: the /api/_local/quota routes answer 404). */
  quota?: QuotaControl;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('http error');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)), // one write, not a chunked body
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, fail('BAD_REQUEST', '请求内容过大'));
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  // Refused here, before it is parsed or copied to the function thread: structured clone
  // recurses, and a body thousands of levels deep overflows its stack.
  if (jsonTextNestsDeeper(text)) throw new HttpError(400, fail('BAD_REQUEST', '请求内容层级过深'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, fail('BAD_REQUEST', '请求内容不是有效的 JSON'));
  }
}

/** The caller of a front-door request: always a mini-program client (`wx_client`), signed in or not. */
function callerFrom(req: IncomingMessage): { openid: string | null; source: 'wx_client' } {
  const openid = req.headers['x-local-openid'];
  if (typeof openid === 'string' && openid !== '') {
    if (!OPENID_PATTERN.test(openid)) throw new HttpError(400, fail('BAD_REQUEST', '本地身份标识格式不正确'));
    return { openid, source: 'wx_client' };
  }
  const personaHeader = req.headers['x-local-persona'];
  const personaId = typeof personaHeader === 'string' && personaHeader !== '' ? personaHeader : DEFAULT_PERSONA;
  if (personaId === 'anonymous') return { openid: null, source: 'wx_client' };
  const persona = personaById(personaId);
  if (!persona) throw new HttpError(400, fail('BAD_REQUEST', `未知的本地身份：${personaId.slice(0, 32)}`));
  return { openid: persona.openid, source: 'wx_client' };
}

/** A path segment decoded, or null when its %-escapes are malformed ("%ZZ"). */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const BEARER = /^Bearer ([0-9a-f]{32})$/;

/**
 * The console's caller, as CloudBase's custom login would present it: no Authorization header is
 * an anonymous caller; a well-formed token becomes its session id (TCB_CUSTOM_USER_ID), which the
 * router checks against the stored sessions. Persona headers are ignored on this route. The
 * socket's address goes along as TCB_SOURCE_IP (rate limits of the public sign-in actions).
 */
function consoleCallerFrom(req: IncomingMessage): { customUserId?: string; sourceIp?: string } {
  // The address the request came from, as CloudBase's TCB_SOURCE_IP (never a forwarded header).
  const sourceIp = req.socket.remoteAddress ? { sourceIp: req.socket.remoteAddress } : {};
  const auth = req.headers.authorization;
  if (auth === undefined || auth === '') return sourceIp;
  const m = BEARER.exec(auth);
  if (!m) throw new HttpError(401, fail('CONSOLE_SESSION_INVALID'));
  return { customUserId: sessionIdOf(m[1]), ...sourceIp };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** GET/HEAD /api/storage/<cloudPath>: the stored image, cacheable for a year (a slot's path is written once). */
function serveStored(storage: LocalStorage, req: IncomingMessage, encodedPath: string, res: ServerResponse): void {
  let cloudPath: string;
  try {
    cloudPath = decodeURIComponent(encodedPath);
  } catch {
    throw new HttpError(400, fail('FILE_PATH_INVALID'));
  }
  const file = storage.read(cloudPath);
  if (!file) throw new HttpError(404, fail('NOT_FOUND', '图片不存在或已删除'));
  const etag = `"${file.stat.size.toString(16)}-${Math.floor(file.stat.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': file.contentType,
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
    'last-modified': file.stat.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(file.stat.size) });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file.path).pipe(res);
}

export function createAppServer(options: AppServerOptions): Server {
  const { host, clock, triggers } = options;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      throw new HttpError(400, fail('BAD_REQUEST', '请求地址格式不正确'));
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const fnMatch = /^\/api\/(console\/)?functions\/([^/]+)$/.exec(path);
    if (fnMatch) {
      if (method !== 'POST') throw new HttpError(405, fail('BAD_REQUEST', '请使用 POST 调用云函数'));
      const name = decodedOrNull(fnMatch[2]);
      if (name === null) throw new HttpError(404, fail('UNKNOWN_FUNCTION'));
      const caller = fnMatch[1] ? consoleCallerFrom(req) : callerFrom(req);
      const event = await readJson(req);
      if (!host.has(name)) throw new HttpError(404, fail('UNKNOWN_FUNCTION'));
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        throw new HttpError(400, fail('BAD_REQUEST', '请求内容必须是 JSON 对象'));
      }
      const out = await host.invoke(name, event, caller);
      if (out.refused) {
        send(res, 429, { errCode: out.refused.errCode, errMsg: out.refused.errMsg });
        return;
      }
      send(res, 200, out.result, {
        'x-local-invocation': out.invocationId,
        'x-local-db-requests': `total=${out.db.total};reads=${out.db.reads};writes=${out.db.writes}`,
      });
      return;
    }

    if (path === '/api/_local/personas' && method === 'GET') {
      send(res, 200, ok(PERSONAS.map(({ id, label, description }) => ({ id, label, description }))));
      return;
    }
    if (path === '/api/_local/clock') {
      if (method === 'POST') {
        const body = (await readJson(req)) as { offsetMs?: unknown; at?: unknown };
        let offset: number | null = null;
        if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs)) offset = body.offsetMs;
        else if (typeof body.at === 'string' && !Number.isNaN(Date.parse(body.at))) offset = Date.parse(body.at) - Date.now();
        if (offset === null) throw new HttpError(400, fail('INVALID_ARGUMENT', '请提供 offsetMs（毫秒）或 at（ISO 时间）'));
        clock.setOffset(offset);
      }
      send(res, 200, ok({ offsetMs: clock.offsetMs(), now: new Date(clock.now()).toISOString() }));
      return;
    }
    if (path === '/api/_local/quota' && options.quota) {
      if (method === 'POST') {
        const body = (await readJson(req)) as { preset?: unknown; overrides?: unknown };
        const overrides = (typeof body.overrides === 'object' && body.overrides !== null ? body.overrides : {}) as Record<string, string>;
        try {
          await options.quota.set(resolveQuota(typeof body.preset === 'string' ? body.preset : 'off', overrides));
        } catch (err) {
          throw new HttpError(400, fail('INVALID_ARGUMENT', `配额设置有误：${(err as Error).message}`));
        }
      }
      send(res, 200, ok(await options.quota.stats()));
      return;
    }
    if (path === '/api/_local/triggers' && method === 'GET') {
      send(res, 200, ok(triggers.list()));
      return;
    }
    const trigMatch = /^\/api\/_local\/triggers\/([^/]+)\/([^/]+)$/.exec(path);
    if (trigMatch && method === 'POST') {
      const fn = decodedOrNull(trigMatch[1]);
      const trigger = decodedOrNull(trigMatch[2]);
      const out = fn === null || trigger === null ? null : await triggers.fireNow(fn, trigger);
      if (!out) throw new HttpError(404, fail('NOT_FOUND', '没有这个定时触发器'));
      send(res, 200, ok({ result: out.result, db: out.db, ms: out.ms }));
      return;
    }
    const uploadMatch = /^\/api\/(console\/)?storage\/upload$/.exec(path);
    if (uploadMatch && options.storage) {
      if (method !== 'POST') throw new HttpError(405, fail('BAD_REQUEST', '请使用 POST 上传文件'));
      // The console uploads as its session (the custom user CloudBase storage would see), bound
      // to the slot its session was issued; the mini-program as the persona's openid.
      let uploader: string | null;
      if (uploadMatch[1]) {
        const sessionId = consoleCallerFrom(req).customUserId;
        uploader = sessionId ? consoleUploader(sessionId) : null;
      } else uploader = callerFrom(req).openid;
      try {
        const out = await options.storage.upload(req, {
          openid: uploader,
          cloudPath: header(req, 'x-cloud-path') ?? url.searchParams.get('cloudPath'),
          token: header(req, 'x-upload-token') ?? url.searchParams.get('token'),
        });
        send(res, 200, ok(out));
      } catch (err) {
        if (err instanceof StorageError) throw new HttpError(err.status, fail(err.code, err.userMessage));
        throw err;
      }
      return;
    }
    if (path.startsWith('/api/storage/') && options.storage) {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, fail('BAD_REQUEST', '请使用 GET 读取文件'));
      serveStored(options.storage, req, path.slice('/api/storage/'.length), res);
      return;
    }
    if (path.startsWith('/api/')) throw new HttpError(404, fail('NOT_FOUND', '接口不存在'));
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, fail('BAD_REQUEST'));
    if (path === '/console') {
      res.writeHead(301, { location: '/console/' });
      res.end();
      return;
    }
    if (path.startsWith('/console/')) {
      serveStatic(options.consoleDir ?? null, req, path.slice('/console'.length), res, CONSOLE_MISSING);
      return;
    }
    serveStatic(options.staticDir, req, path, res, H5_MISSING);
  }

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        if (!res.headersSent) send(res, err.status, err.body);
        else res.end();
        return;
      }
      console.error(JSON.stringify({ level: 'error', msg: 'local cloud request failed', path: req.url, error: String(err) }));
      if (!res.headersSent) send(res, 500, fail('INTERNAL'));
      else res.end();
    });
  });
}
